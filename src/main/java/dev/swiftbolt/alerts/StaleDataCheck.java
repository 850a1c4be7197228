package dev.swiftbolt.alerts;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swiftbolt.marketdata.TradingCalendar;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code data.stale}: the scheduled check of every tracked symbol's last D1 and M15 bars against
 * {@link StaleRules}. One event per stale period: the dedupe key names the last bar, so the same
 * gap is reported once, and a new gap after fresh bars again. A symbol without any bars of a
 * timeframe (a backfill still running) is not stale. Thread-safe.
 */
public final class StaleDataCheck {

  private static final String LAST_BARS =
      """
      SELECT s.symbol,
             (SELECT max(b.ts) FROM ohlc_bars b
              WHERE b.symbol_id = s.id AND b.timeframe = 'D1') AS last_d1,
             (SELECT max(b.ts) FROM ohlc_bars b
              WHERE b.symbol_id = s.id AND b.timeframe = 'M15') AS last_m15
      FROM symbols s
      WHERE s.id IN (SELECT symbol_id FROM user_symbol_tracking)
      ORDER BY s.symbol
      """;

  private record LastBars(String symbol, Optional<Instant> d1, Optional<Instant> m15) {}

  private final Jdbi jdbi;
  private final TradingCalendar calendar;

  public StaleDataCheck(Jdbi jdbi, TradingCalendar calendar) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  /** Checks every tracked symbol at {@code now}; returns how many notifications were written. */
  public int run(Instant now) {
    List<LastBars> all =
        jdbi.withHandle(
            h ->
                h.createQuery(LAST_BARS)
                    .map(
                        (rs, ctx) ->
                            new LastBars(
                                rs.getString("symbol"),
                                instant(rs.getObject("last_d1", OffsetDateTime.class)),
                                instant(rs.getObject("last_m15", OffsetDateTime.class))))
                    .list());
    int written = 0;
    for (LastBars bars : all) {
      if (bars.d1().isPresent() && StaleRules.d1Stale(bars.d1().get(), now, calendar)) {
        written += publish(bars.symbol(), "D1", bars.d1().get(), now);
      }
      if (bars.m15().isPresent() && StaleRules.m15Stale(bars.m15().get(), now, calendar)) {
        written += publish(bars.symbol(), "M15", bars.m15().get(), now);
      }
    }
    return written;
  }

  private int publish(String symbol, String timeframe, Instant lastBar, Instant now) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("symbol", symbol);
    data.put("timeframe", timeframe);
    data.put("last_bar_at", lastBar.toString());
    String rule =
        timeframe.equals("D1")
            ? "no new D1 bar for more than %d NYSE sessions".formatted(StaleRules.D1_SESSIONS)
            : "no M15 bar for more than two hours of an open session";
    AlertEvent event =
        new AlertEvent(
            Optional.of(symbol),
            NotificationKind.DATA_STALE,
            "%s %s data is stale".formatted(symbol, timeframe),
            "%s: %s (the last one opened %s); check the data source and `swiftbolt jobs --symbol %s`."
                .formatted(symbol, rule, lastBar, symbol),
            data,
            "data.stale:%s:%s:%s".formatted(symbol, timeframe, lastBar),
            timeframe);
    return jdbi.inTransaction(h -> Outbox.fanOut(h, event, now));
  }

  private static Optional<Instant> instant(OffsetDateTime t) {
    return Optional.ofNullable(t).map(OffsetDateTime::toInstant);
  }
}
