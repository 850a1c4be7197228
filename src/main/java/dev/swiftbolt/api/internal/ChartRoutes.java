package dev.swiftbolt.api.internal;

import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.marketdata.BarRepository;
import dev.swiftbolt.marketdata.StoredBar;
import dev.swiftbolt.symbols.SymbolRepository;
import dev.swiftbolt.validation.Timeframe;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a chart needs: a symbol's bars of one timeframe (and, with the ML routes, forecasts). */
public final class ChartRoutes {

  /** One bar as the API shows it. */
  public record BarView(
      Instant ts,
      double open,
      double high,
      double low,
      double close,
      double volume,
      String source) {
    static BarView of(StoredBar stored) {
      Bar b = stored.bar();
      return new BarView(
          b.ts(), b.open(), b.high(), b.low(), b.close(), b.volume(), stored.source());
    }
  }

  private final SymbolRepository symbols;
  private final BarRepository bars;
  private final Clock clock;

  public ChartRoutes(org.jdbi.v3.core.Jdbi jdbi, Clock clock) {
    this.symbols = new SymbolRepository(jdbi);
    this.bars = new BarRepository(jdbi);
    this.clock = clock;
  }

  /**
   * {@code GET /api/v1/symbols/{symbol}/bars?timeframe=D1&from=&to=}: bars in {@code [from, to)},
   * oldest first, at most {@link BarWindow#MAX_BARS}; {@code simulated} is true when any bar comes
   * from the market simulator.
   */
  public void bars(Context ctx) {
    String symbol = Params.symbol(ctx);
    Timeframe timeframe = Params.timeframe(ctx);
    BarWindow window =
        BarWindow.resolve(
            timeframe,
            Params.instant(ctx, "from"),
            Params.instant(ctx, "to"),
            Params.isDate(ctx, "to"),
            clock.instant());
    long id = symbols.require(symbol);
    List<StoredBar> stored = bars.read(id, timeframe, window.from(), window.to());
    List<BarView> views = new ArrayList<>(stored.size());
    boolean simulated = false;
    for (StoredBar bar : stored) {
      views.add(BarView.of(bar));
      simulated |= bar.simulated();
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("symbol", symbol);
    body.put("timeframe", timeframe.name());
    body.put("from", window.from());
    body.put("to", window.to());
    body.put("simulated", simulated);
    body.put("count", views.size());
    body.put("bars", views);
    ctx.json(body);
  }
}
