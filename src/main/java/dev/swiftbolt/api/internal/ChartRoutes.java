package dev.swiftbolt.api.internal;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.BarHistory;
import dev.swiftbolt.marketdata.BarRow;
import dev.swiftbolt.marketdata.StoredBar;
import dev.swiftbolt.ml.ForecastHistory;
import dev.swiftbolt.ml.registry.StoredForecast;
import dev.swiftbolt.symbols.SymbolRegistry;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a chart needs: a symbol's bars of one timeframe and its forecasts. */
public final class ChartRoutes {

  /** Forecasts returned by default and at most. */
  static final int DEFAULT_FORECASTS = 100;

  static final int MAX_FORECASTS = 1_000;

  /** One forecast as the API shows it. */
  public record ForecastView(
      long id,
      Instant barTs,
      int horizonBars,
      String direction,
      double pBull,
      double pNeutral,
      double pBear,
      double score,
      Instant madeAt,
      boolean live,
      Optional<Instant> resolvedAt,
      Optional<String> realized,
      Optional<Boolean> correct) {
    static ForecastView of(StoredForecast f) {
      var forecast = f.forecast();
      return new ForecastView(
          f.id(),
          forecast.barTs(),
          forecast.horizonBars(),
          forecast.direction().name(),
          forecast.pBull(),
          forecast.pNeutral(),
          forecast.pBear(),
          forecast.score(),
          f.madeAt(),
          f.liveRun(),
          f.resolvedAt(),
          f.realized().map(Enum::name),
          f.correct());
    }
  }

  private final SymbolRegistry symbols;
  private final BarHistory bars;
  private final ForecastHistory forecasts;
  private final Clock clock;

  public ChartRoutes(
      SymbolRegistry symbols, BarHistory bars, ForecastHistory forecasts, Clock clock) {
    this.symbols = symbols;
    this.bars = bars;
    this.forecasts = forecasts;
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
    List<BarRow> views = new ArrayList<>(stored.size());
    boolean simulated = false;
    for (StoredBar bar : stored) {
      views.add(BarRow.of(bar));
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

  /**
   * {@code GET /api/v1/symbols/{symbol}/forecasts?timeframe=D1&limit=}: forecasts, newest bar
   * first.
   */
  public void forecasts(Context ctx) {
    String symbol = Params.symbol(ctx);
    Timeframe timeframe = Params.timeframe(ctx);
    int limit = Params.intParam(ctx, "limit", DEFAULT_FORECASTS, 1, MAX_FORECASTS);
    long id = symbols.require(symbol);
    List<ForecastView> views =
        forecasts.recent(id, timeframe, limit).stream().map(ForecastView::of).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("symbol", symbol);
    body.put("timeframe", timeframe.name());
    body.put("forecasts", views);
    ctx.json(body);
  }
}
