package dev.swiftbolt.marketdata;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.symbols.SymbolRepository;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 2:1 split of AMD on 2024-05-01, between two backfills from a stand-in for Alpaca's bars API:
 * the first stores April at the old prices; by the second, Alpaca serves April split-adjusted
 * (halved). The incremental backfill's overlap re-fetch sees it and replaces the series.
 */
class SplitReadjustmentTest {

  private static final String PATH = "/v2/stocks/AMD/bars";
  private static final BarSchedule SCHEDULE = new BarSchedule(TradingCalendar.nyse());
  private static final Instant BEFORE_SPLIT = Instant.parse("2024-04-27T12:00:00Z");
  private static final Instant AFTER_SPLIT = Instant.parse("2024-05-04T12:00:00Z");
  private static final LocalDate SPLIT = LocalDate.of(2024, 5, 1);
  private static final List<LocalDate> SESSIONS =
      List.of(
          LocalDate.of(2024, 4, 22),
          LocalDate.of(2024, 4, 23),
          LocalDate.of(2024, 4, 24),
          LocalDate.of(2024, 4, 25),
          LocalDate.of(2024, 4, 26),
          LocalDate.of(2024, 4, 29),
          LocalDate.of(2024, 4, 30),
          LocalDate.of(2024, 5, 1),
          LocalDate.of(2024, 5, 2),
          LocalDate.of(2024, 5, 3));

  private WireMockServer alpaca;
  private Database db;
  private long amd;

  @BeforeEach
  void start() {
    alpaca = new WireMockServer(options().dynamicPort());
    alpaca.start();
    db = TestDatabase.create();
    new SymbolRepository(db.jdbi()).seed();
    amd = new SymbolRepository(db.jdbi()).require("AMD");
  }

  @AfterEach
  void stop() {
    alpaca.stop();
    db.close();
  }

  /** The traded (unadjusted) price level of session {@code i}: 160 + i before the split. */
  private static double traded(int i) {
    return SESSIONS.get(i).isBefore(SPLIT) ? 160 + i : (160 + i) / 2.0;
  }

  /** Price of session {@code i} as Alpaca serves it at {@code asOf}, split-adjusted. */
  private static double served(int i, Instant asOf) {
    boolean splitKnown = !asOf.isBefore(AFTER_SPLIT);
    return splitKnown && SESSIONS.get(i).isBefore(SPLIT) ? traded(i) / 2 : traded(i);
  }

  private static String bar(Instant t, double p) {
    return String.format(
        Locale.ROOT,
        "{\"t\":\"%s\",\"o\":%.4f,\"h\":%.4f,\"l\":%.4f,\"c\":%.4f,\"v\":1000,\"n\":1,\"vw\":%.4f}",
        t,
        p,
        p * 1.01,
        p * 0.99,
        p * 1.002,
        p);
  }

  /** What Alpaca serves at {@code asOf}: every session up to then, D1 and M15. */
  private void serve(Instant asOf) {
    alpaca.resetAll();
    List<String> daily = new ArrayList<>();
    List<String> intraday = new ArrayList<>();
    for (int i = 0; i < SESSIONS.size(); i++) {
      LocalDate day = SESSIONS.get(i);
      Instant open = SCHEDULE.calendar().openInstant(day);
      if (!open.isBefore(asOf)) {
        break;
      }
      daily.add(bar(day.atStartOfDay(TradingCalendar.NEW_YORK).toInstant(), served(i, asOf)));
      for (int k = 0; k < 26; k++) {
        intraday.add(bar(open.plus(Duration.ofMinutes(15L * k)), served(i, asOf) + k * 0.01));
      }
    }
    alpaca.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("timeframe", equalTo("1Day"))
            .willReturn(okJson(page(daily))));
    alpaca.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("timeframe", equalTo("15Min"))
            .willReturn(okJson(page(intraday))));
  }

  private static String page(List<String> bars) {
    return "{\"bars\":["
        + String.join(",", bars)
        + "],\"symbol\":\"AMD\",\"next_page_token\":null}";
  }

  private SymbolLoad backfill(Instant now, Optional<LocalDate> from) {
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    AlpacaSettings settings =
        AlpacaSettings.of(URI.create(alpaca.baseUrl()), "key", "secret")
            .withBackoff(Duration.ofMillis(1), Duration.ofMillis(5));
    LabelledSource source =
        new LabelledSource(
            "alpaca",
            new AlpacaBarSource(settings, HttpClient.newHttpClient(), SCHEDULE, clock),
            "stand-in");
    SymbolLoad load =
        new MarketDataService(
                db.jdbi(),
                SCHEDULE,
                clock,
                BackfillSettings.DEFAULT.withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)),
                QualityThresholds.DEFAULT)
            .backfill(
                List.of("AMD"),
                EnumSet.allOf(Timeframe.class),
                from,
                Optional.empty(),
                source,
                BackfillListener.none())
            .get(0);
    assertThat(load.succeeded()).as(load.error().orElse("")).isTrue();
    return load;
  }

  private List<StoredBar> stored(Timeframe timeframe) {
    return new BarRepository(db.jdbi()).readAll(amd, timeframe);
  }

  private void activeModel(Timeframe timeframe) {
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        """
                        INSERT INTO models (symbol_id, timeframe, algorithm, params, features,
                                            horizon_bars, train_from, train_to, trained_at,
                                            metrics, calibration_method, artifact_format,
                                            artifact, active)
                        VALUES (:s, :tf, 'test', '{}', '[]', 1, '2024-04-22', '2024-04-26',
                                '2024-04-27', '{}', 'none', 'test', '\\x00'::bytea, true)
                        """)
                    .bind("s", amd)
                    .bind("tf", timeframe.name())
                    .execute());
  }

  private long count(String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).bind("s", amd).mapTo(Long.class).one());
  }

  @Test
  void a_split_between_two_backfills_ends_with_one_adjusted_series_and_the_old_models_retired() {
    serve(BEFORE_SPLIT);
    backfill(BEFORE_SPLIT, Optional.of(LocalDate.of(2024, 4, 22)));
    assertThat(stored(Timeframe.D1)).hasSize(5);
    assertThat(stored(Timeframe.D1).get(4).bar().close()).isEqualTo(164 * 1.002);
    activeModel(Timeframe.D1);
    activeModel(Timeframe.H1);
    activeModel(Timeframe.W1);

    serve(AFTER_SPLIT);
    alpaca.resetRequests();
    backfill(AFTER_SPLIT, Optional.empty());
    int requests = alpaca.findAll(getRequestedFor(urlPathEqualTo(PATH))).size();
    System.out.println("requests of the backfill that found the split: " + requests);

    List<StoredBar> daily = stored(Timeframe.D1);
    assertThat(daily).hasSize(10).allMatch(b -> b.source().equals("alpaca"));
    // April now at half its traded price: 164 / 2 on 2024-04-26, as Alpaca serves it
    assertThat(daily.get(4).bar().close()).isEqualTo(82 * 1.002);
    for (int i = 1; i < daily.size(); i++) {
      double dayReturn = daily.get(i).bar().close() / daily.get(i - 1).bar().close() - 1;
      assertThat(dayReturn).as("return into %s", daily.get(i).bar().ts()).isBetween(-0.05, 0.05);
    }
    // W1 rebuilt from the adjusted days: the week of 04-22 closes at 04-26's adjusted close
    List<StoredBar> weekly = stored(Timeframe.W1);
    assertThat(weekly).hasSize(2);
    assertThat(weekly.get(0).bar().close()).isEqualTo(82 * 1.002);
    // H1 and H4 rebuilt from the adjusted M15 bars: no bar at the old prices
    assertThat(stored(Timeframe.M15)).hasSize(260);
    for (Timeframe derived : List.of(Timeframe.H1, Timeframe.H4)) {
      assertThat(stored(derived))
          .as(derived.name())
          .isNotEmpty()
          .allMatch(b -> b.bar().high() < 100, "every price split-adjusted");
    }
    assertThat(stored(Timeframe.H4).get(0).bar().open()).isEqualTo(80.0);
    assertThat(count("SELECT count(*) FROM models WHERE symbol_id = :s AND active")).isZero();
    assertThat(
            count(
                """
                SELECT count(*) FROM models
                WHERE symbol_id = :s AND retired_reason LIKE 'prices re-adjusted by alpaca%'
                """))
        .isEqualTo(3);
    // the champions retired with their bars read as retired, with the same reason (issue 19)
    assertThat(
            count(
                """
                SELECT count(*) FROM models
                WHERE symbol_id = :s AND status = 'retired'
                  AND status_reason LIKE 'prices re-adjusted by alpaca%'
                """))
        .isEqualTo(3);
  }

  @Test
  void without_a_split_the_overlap_changes_nothing_and_retires_nothing() {
    serve(BEFORE_SPLIT);
    backfill(BEFORE_SPLIT, Optional.of(LocalDate.of(2024, 4, 22)));
    activeModel(Timeframe.D1);
    List<StoredBar> before = stored(Timeframe.D1);
    alpaca.resetRequests();

    SymbolLoad again = backfill(BEFORE_SPLIT.plusSeconds(3600), Optional.empty());

    assertThat(stored(Timeframe.D1)).isEqualTo(before);
    assertThat(again.loads().get(Timeframe.D1).changed()).isFalse();
    assertThat(again.loads().get(Timeframe.M15).changed()).isFalse();
    assertThat(count("SELECT count(*) FROM models WHERE symbol_id = :s AND active")).isOne();
    // one request per base timeframe: the overlap rides on the incremental request
    alpaca.verify(
        1, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("timeframe", equalTo("1Day")));
  }
}
