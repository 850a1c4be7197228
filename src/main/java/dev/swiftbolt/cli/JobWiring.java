package dev.swiftbolt.cli;

import dev.swiftbolt.config.SwiftBoltConfig;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.jobs.JobHandlers;
import dev.swiftbolt.jobs.JobQueue;
import dev.swiftbolt.jobs.RetryPolicy;
import dev.swiftbolt.marketdata.BarSchedule;
import dev.swiftbolt.marketdata.LabelledSource;
import dev.swiftbolt.marketdata.MarketDataService;
import dev.swiftbolt.marketdata.MarketDataSources;
import dev.swiftbolt.marketdata.TradingCalendar;
import dev.swiftbolt.ml.BarReader;
import dev.swiftbolt.ml.MlService;
import dev.swiftbolt.ml.MlSettings;
import dev.swiftbolt.ml.UnifiedPredictionService;
import dev.swiftbolt.pipelines.MarketSessions;
import dev.swiftbolt.pipelines.PipelineCatalog;
import dev.swiftbolt.pipelines.Schedule;
import dev.swiftbolt.pipelines.TrainingHistoryDue;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where feature packages plug into the queue and the pipelines: the job handlers a
 * worker runs (by job type) and the canonical pipelines with their stages. {@code worker}, {@code
 * serve} and {@code pipeline} all build theirs here, so every process agrees.
 */
final class JobWiring {

  private static final Logger log = LoggerFactory.getLogger(JobWiring.class);

  private JobWiring() {}

  /** The queue on {@code db} with the default retry policy. */
  static JobQueue queue(Database db, Clock clock) {
    return new JobQueue(db.jdbi(), clock, RetryPolicy.defaultPolicy());
  }

  /**
   * The job handlers by job type. A job whose type is missing here fails with an error naming the
   * type, and ends dead; it is never silently dropped.
   */
  static JobHandlers handlers(Database db, SwiftBoltConfig config, Clock clock) {
    return handlers(db, config, clock, Optional.empty());
  }

  /**
   * The job handlers with the market-data source forced ({@code "sim"} for the demo, so that its
   * jobs never mix Alpaca bars into a simulated history), or chosen by the environment when empty.
   */
  static JobHandlers handlers(
      Database db, SwiftBoltConfig config, Clock clock, Optional<String> requestedSource) {
    Supplier<LabelledSource> source =
        memoize(
            () -> {
              LabelledSource chosen =
                  MarketDataSources.choose(
                      requestedSource,
                      config.alpacaEnvironment(),
                      new BarSchedule(TradingCalendar.nyse()));
              log.info("Market-data jobs: {}", chosen.announcement());
              return chosen;
            });
    return handlers(db, clock, source);
  }

  /** The job handlers with the market-data source given (the demo's own simulated market). */
  static JobHandlers handlers(Database db, Clock clock, Supplier<LabelledSource> source) {
    MarketDataService marketData = MarketDataService.withDefaults(db.jdbi(), clock);
    MlService ml =
        new MlService(db.jdbi(), BarReader.ohlcBars(db.jdbi()), MlSettings.defaults(), clock);
    return JobHandlers.builder()
        .register(JobHandlers.NOOP_TYPE, JobHandlers.NOOP)
        .register("backfill", MarketDataJobHandlers.backfill(marketData, source))
        .register("ingest", MarketDataJobHandlers.ingest(marketData, source))
        .register("quality", MlJobHandlers.quality(marketData))
        .register("train", MlJobHandlers.train(ml))
        .register("forecast", MlJobHandlers.forecast(ml))
        .register("resolve", MlJobHandlers.resolve(ml))
        .register("evaluate", MlJobHandlers.evaluate(ml))
        .register(
            "validate",
            MlJobHandlers.validate(
                new UnifiedPredictionService(
                    db.jdbi(), UnifiedPredictionService.DEFAULT_PRIMARY, clock)))
        .build();
  }

  /** NYSE sessions (holidays, 13:00 early closes) as the pipelines' market hours. */
  static MarketSessions nyseSessions() {
    TradingCalendar nyse = TradingCalendar.nyse();
    return date ->
        nyse.session(date)
            .map(
                s ->
                    new MarketSessions.Hours(
                        s.open().atZone(Schedule.NEW_YORK).toLocalTime(),
                        s.close().atZone(Schedule.NEW_YORK).toLocalTime()));
  }

  private static <T> Supplier<T> memoize(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }

  /** The canonical pipelines. */
  static PipelineCatalog pipelines(Database db) {
    return PipelineCatalog.canonical(
        db.jdbi(),
        nyseSessions(),
        new TrainingHistoryDue(db.jdbi(), TrainingHistoryDue.DEFAULT_MAX_AGE));
  }
}
