package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.config.SwiftBoltConfig;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.jobs.Worker;
import dev.swiftbolt.jobs.WorkerOptions;
import dev.swiftbolt.jobs.WorkerSummary;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.BackfillListener;
import dev.swiftbolt.marketdata.BarSchedule;
import dev.swiftbolt.marketdata.MarketDataService;
import dev.swiftbolt.marketdata.MarketDataSources;
import dev.swiftbolt.marketdata.TradingCalendar;
import dev.swiftbolt.pipelines.JobWiring;
import dev.swiftbolt.predictions.StoredPrediction;
import dev.swiftbolt.predictions.UnifiedPredictionRepository;
import dev.swiftbolt.predictions.ValidationJson;
import dev.swiftbolt.symbols.SymbolRegistry;
import dev.swiftbolt.symbols.WatchlistService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A symbol nobody had tracked before, with nothing stored: the default first backfill alone (18
 * months of M15, 5 years of D1, simulated) is deep enough for a model, a forecast and a full
 * evaluation on all five timeframes. A symbol with a short intraday history instead names the
 * timeframe it lacks and why.
 */
class NewSymbolFirstPredictionTest {

  private static final Clock CLOCK = Clock.systemUTC();
  private static Database database;
  private static Jdbi jdbi;

  @BeforeAll
  static void open() {
    database = TestDatabase.create();
    jdbi = database.jdbi();
    SymbolRegistry registry = new SymbolRegistry(jdbi, Optional.empty());
    registry.add("ZNEW", Optional.of("Brand New Corp"), Optional.empty(), Optional.empty());
    registry.add("ZIPO", Optional.of("Recent Listing Inc"), Optional.empty(), Optional.empty());
  }

  @AfterAll
  static void close() {
    database.close();
  }

  private static long count(String sql, String symbol) {
    return jdbi.withHandle(h -> h.createQuery(sql).bind("symbol", symbol).mapTo(Long.class).one());
  }

  private static LocalDate firstBar(String symbol, Timeframe timeframe) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT min(b.ts)::date
                      FROM ohlc_bars b
                      JOIN symbols s ON s.id = b.symbol_id
                     WHERE s.symbol = :symbol AND b.timeframe = :timeframe
                    """)
                .bind("symbol", symbol)
                .bind("timeframe", timeframe.name())
                .mapTo(LocalDate.class)
                .one());
  }

  private static WorkerSummary runWorker() {
    try (Worker worker =
        new Worker(
            JobWiring.queue(database, CLOCK),
            JobWiring.handlers(
                database,
                SwiftBoltConfig.from(Map.of(), Optional.empty()),
                CLOCK,
                Optional.of("sim")),
            WorkerOptions.defaults().withConcurrency(2).withBatchSize(2))) {
      return worker.runUntilIdle();
    }
  }

  @Test
  void a_newly_tracked_symbol_ends_with_models_forecasts_and_evaluations_on_all_five_timeframes()
      throws Exception {
    assertThat(new WatchlistService(jdbi).track("newcomer", "ZNEW").added()).isTrue();

    assertThat(runWorker().dead()).isZero();

    String series =
        "SELECT count(DISTINCT timeframe) FROM %s x JOIN symbols s ON s.id = x.symbol_id"
            + " WHERE s.symbol = :symbol";
    assertThat(count(series.formatted("ohlc_bars"), "ZNEW")).isEqualTo(5);
    assertThat(count(series.formatted("models") + " AND x.active", "ZNEW")).isEqualTo(5);
    assertThat(count(series.formatted("forecasts"), "ZNEW")).isEqualTo(5);
    assertThat(count(series.formatted("model_evaluations"), "ZNEW")).isEqualTo(5);
    // the first backfill reached back at least 16 months of M15 and 5 years of D1
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assertThat(firstBar("ZNEW", Timeframe.M15)).isBefore(today.minusMonths(16));
    // five years back lands on a weekend or holiday at most four days before the first session
    assertThat(firstBar("ZNEW", Timeframe.D1))
        .isBetween(today.minusYears(5), today.minusYears(5).plusDays(4));

    StoredPrediction stored = new UnifiedPredictionRepository(jdbi).latest("ZNEW").orElseThrow();
    assertThat(stored.prediction().multiTfConsensus()).containsOnlyKeys(Timeframe.values());
    assertThat(stored.missingTimeframes()).isEmpty();
    JsonNode json = Json.mapper().readTree(new ValidationJson().toJson(stored));
    assertThat(json.get("multi_tf_consensus").size()).isEqualTo(5);
    assertThat(json.get("missing_timeframes").isArray()).isTrue();
    assertThat(json.get("missing_timeframes").size()).isZero();
    // every timeframe names who issued its forecast, with the champion rule's verdict in words
    assertThat(json.get("timeframe_forecasters").size()).isEqualTo(5);
    JsonNode d1 = json.get("timeframe_forecasters").get("D1");
    assertThat(d1.get("forecaster").asText()).isIn("xgboost", "persistence", "majority");
    assertThat(d1.get("explanation").asText()).startsWith(d1.get("forecaster").asText() + " — ");
  }

  @Test
  void a_timeframe_that_cannot_be_trained_is_named_with_its_reason_instead_of_dropped()
      throws Exception {
    // a recent listing: five years of daily bars (as if from another source) but only seven weeks
    // of intraday ones, so H4 has too few bars to train; the tracked backfill resumes from there
    MarketDataService marketData = MarketDataService.withDefaults(jdbi, CLOCK);
    var simulator =
        MarketDataSources.choose(
            Optional.of("sim"),
            Map.of(),
            new BarSchedule(TradingCalendar.nyse()),
            java.time.Clock.systemUTC());
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    marketData.backfill(
        List.of("ZIPO"),
        EnumSet.of(Timeframe.D1, Timeframe.W1),
        Optional.of(today.minusYears(5)),
        Optional.empty(),
        simulator,
        BackfillListener.none());
    marketData.backfill(
        List.of("ZIPO"),
        EnumSet.of(Timeframe.M15, Timeframe.H1, Timeframe.H4),
        Optional.of(today.minusWeeks(7)),
        Optional.empty(),
        simulator,
        BackfillListener.none());

    new WatchlistService(jdbi).track("newcomer", "ZIPO");
    assertThat(runWorker().dead()).isZero();

    StoredPrediction stored = new UnifiedPredictionRepository(jdbi).latest("ZIPO").orElseThrow();
    assertThat(stored.prediction().multiTfConsensus()).doesNotContainKey(Timeframe.H4);
    assertThat(stored.missingTimeframes())
        .anySatisfy(
            m -> {
              assertThat(m.timeframe()).isEqualTo(Timeframe.H4);
              assertThat(m.reason()).startsWith("no H4 model: only ").contains("bars stored");
            });
    assertThat(stored.missingTimeframes().size() + stored.prediction().multiTfConsensus().size())
        .isEqualTo(5);
    JsonNode json = Json.mapper().readTree(new ValidationJson().toJson(stored));
    assertThat(json.get("missing_timeframes").toString())
        .contains("{\"timeframe\":\"H4\",\"reason\":");
  }
}
