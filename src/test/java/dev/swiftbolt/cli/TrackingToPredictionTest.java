package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.swiftbolt.pipelines.JobType;
import dev.swiftbolt.pipelines.JobWiring;
import dev.swiftbolt.predictions.StoredPrediction;
import dev.swiftbolt.predictions.UnifiedPredictionRepository;
import dev.swiftbolt.symbols.SymbolRepository;
import dev.swiftbolt.symbols.WatchlistService;
import dev.swiftbolt.validation.UnifiedPrediction;
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
 * Issue 6's promise: tracking a symbol ends, with nobody touching anything but a worker, in bars,
 * trained models, forecasts and a unified prediction — through the real queue and handlers.
 */
class TrackingToPredictionTest {

  private static Database database;
  private static Jdbi jdbi;

  @BeforeAll
  static void open() {
    database = TestDatabase.create();
    jdbi = database.jdbi();
    new SymbolRepository(jdbi).seed();
  }

  @AfterAll
  static void close() {
    database.close();
  }

  private static long count(String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  @Test
  void tracking_a_symbol_ends_in_models_forecasts_and_a_stored_unified_prediction() {
    Clock clock = Clock.systemUTC();
    // Six years of daily and nine months of intraday history, so that every timeframe can be
    // trained and D1 evaluated honestly; the tracked backfill job then resumes from the newest bar.
    MarketDataService marketData = MarketDataService.withDefaults(jdbi, clock);
    var simulator =
        MarketDataSources.choose(
            Optional.of("sim"),
            Map.of(),
            new BarSchedule(TradingCalendar.nyse()),
            java.time.Clock.systemUTC());
    marketData.backfill(
        List.of("NVDA"),
        EnumSet.of(Timeframe.D1, Timeframe.W1),
        Optional.of(LocalDate.now(ZoneOffset.UTC).minusYears(6)),
        Optional.empty(),
        simulator,
        BackfillListener.none());
    marketData.backfill(
        List.of("NVDA"),
        EnumSet.of(Timeframe.M15, Timeframe.H1, Timeframe.H4),
        Optional.of(LocalDate.now(ZoneOffset.UTC).minusMonths(9)),
        Optional.empty(),
        simulator,
        BackfillListener.none());

    assertThat(new WatchlistService(jdbi).track("alice", "NVDA").added()).isTrue();
    WorkerSummary summary;
    try (Worker worker =
        new Worker(
            JobWiring.queue(database, clock),
            JobWiring.handlers(
                database,
                SwiftBoltConfig.from(Map.of(), Optional.empty()),
                clock,
                Optional.of("sim")),
            WorkerOptions.defaults().withConcurrency(2).withBatchSize(2))) {
      summary = worker.runUntilIdle();
    }

    assertThat(summary.dead()).isZero();
    List<String> succeeded =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT job_type FROM forecast_jobs WHERE status = 'succeeded' ORDER BY id")
                    .mapTo(String.class)
                    .list());
    assertThat(succeeded)
        .containsExactly(
            JobType.BACKFILL.wireName(),
            JobType.FORECAST.wireName(),
            JobType.TRAIN.wireName(),
            JobType.VALIDATE.wireName());
    assertThat(count("SELECT count(DISTINCT timeframe) FROM ohlc_bars")).isEqualTo(5);
    assertThat(count("SELECT count(*) FROM models WHERE active")).isEqualTo(5);
    assertThat(count("SELECT count(DISTINCT timeframe) FROM forecasts WHERE live_run"))
        .isEqualTo(5);

    StoredPrediction stored = new UnifiedPredictionRepository(jdbi).latest("NVDA").orElseThrow();
    UnifiedPrediction p = stored.prediction();
    assertThat(p.multiTfConsensus()).containsOnlyKeys(Timeframe.values());
    assertThat(p.backtestingN()).isPresent();
    assertThat(p.walkforwardN()).isPresent();
    // no live forecast has resolved yet: walk-forward stands in, with no live sample claimed
    assertThat(p.liveScore()).isEqualTo(p.walkforwardScore());
    assertThat(p.liveN()).isEmpty();
    String liveSource =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT live_score_source FROM model_evaluations WHERE timeframe = 'D1'")
                    .mapTo(String.class)
                    .one());
    assertThat(liveSource).isEqualTo("walkforward_proxy");
    assertThat(stored.liveScoreSource()).contains("walkforward_proxy");
    // training stored the evaluation it computed, for the model it registered: nothing refits it
    assertThat(
            count(
                "SELECT count(*) FROM model_evaluations e JOIN models m ON m.id = e.model_id"
                    + " WHERE m.active AND e.timeframe = 'D1' AND m.timeframe = 'D1'"))
        .isEqualTo(1);
    // the scores come from the stored D1 evaluation, not from constants
    double storedBacktest =
        jdbi.<Double, RuntimeException>withHandle(
            h ->
                h.createQuery(
                        "SELECT (backtest ->> 'accuracy')::float8 FROM model_evaluations"
                            + " WHERE timeframe = 'D1' ORDER BY id DESC LIMIT 1")
                    .mapTo(Double.class)
                    .one());
    assertThat(p.backtestingScore()).isEqualTo(storedBacktest);
    // and so do their baselines, with the name of the naive predictor each is read against
    String storedBaseline =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT walkforward ->> 'baseline_name' FROM model_evaluations"
                            + " WHERE timeframe = 'D1' ORDER BY id DESC LIMIT 1")
                    .mapTo(String.class)
                    .one());
    assertThat(stored.baselines().orElseThrow().walkforward().name()).isEqualTo(storedBaseline);
    assertThat(stored.baselines().orElseThrow().walkforward().accuracy())
        .isGreaterThanOrEqualTo(1 / 3.0);
    double storedD1Score =
        jdbi.<Double, RuntimeException>withHandle(
            h ->
                h.createQuery(
                        "SELECT score FROM forecasts WHERE timeframe = 'D1' ORDER BY id DESC LIMIT 1")
                    .mapTo(Double.class)
                    .one());
    assertThat(p.multiTfConsensus().get(Timeframe.D1)).isEqualTo(storedD1Score);
    assertThat(p.unifiedConfidence()).isBetween(0.0, 1.0);
  }
}
