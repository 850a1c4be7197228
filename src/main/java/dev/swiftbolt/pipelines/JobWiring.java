package dev.swiftbolt.pipelines;

import dev.swiftbolt.alerts.Alerts;
import dev.swiftbolt.alerts.StaleDataCheck;
import dev.swiftbolt.alerts.WebhookOutbox;
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
import dev.swiftbolt.ml.MlService;
import dev.swiftbolt.ml.MlSettings;
import dev.swiftbolt.ml.UnifiedPredictionService;
import dev.swiftbolt.ml.registry.BarReader;
import dev.swiftbolt.symbols.AlpacaAssets;
import dev.swiftbolt.symbols.AlpacaTradingSettings;
import dev.swiftbolt.symbols.AssetDirectory;
import dev.swiftbolt.symbols.SymbolSync;
import dev.swiftbolt.symbols.SyncResult;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where feature packages plug into the queue and the pipelines: the job handlers a
 * worker runs (by job type) and the canonical pipelines with their stages. {@code worker}, {@code
 * serve} and {@code pipeline} all build theirs here, so every process agrees.
 */
public final class JobWiring {

  private static final Logger log = LoggerFactory.getLogger(JobWiring.class);

  private JobWiring() {}

  /**
   * The queue on {@code db} with the default retry policy; a job that dies notifies the users
   * tracking its symbol ({@code job.failed}) in the same transaction.
   */
  public static JobQueue queue(Database db, Clock clock) {
    return new JobQueue(
        db.jdbi(), clock, RetryPolicy.defaultPolicy(), alerts(db, clock).jobDeaths());
  }

  /**
   * The alerts of {@code db}: the outbox listeners wired into the queue, the model registry and the
   * stored predictions here, and the webhook delivery handler.
   */
  public static Alerts alerts(Database db, Clock clock) {
    return Alerts.fromEnvironment(db.jdbi(), clock, System.getenv());
  }

  /**
   * The job handlers by job type. A job whose type is missing here fails with an error naming the
   * type, and ends dead; it is never silently dropped.
   */
  public static JobHandlers handlers(Database db, SwiftBoltConfig config, Clock clock) {
    return handlers(db, config, clock, Optional.empty());
  }

  /**
   * The job handlers with the market-data source forced ({@code "sim"} for the demo, so that its
   * jobs never mix Alpaca bars into a simulated history), or chosen by the environment when empty.
   */
  public static JobHandlers handlers(
      Database db, SwiftBoltConfig config, Clock clock, Optional<String> requestedSource) {
    Supplier<LabelledSource> source =
        memoize(
            () -> {
              LabelledSource chosen =
                  MarketDataSources.choose(
                      requestedSource,
                      config.alpacaEnvironment(),
                      new BarSchedule(TradingCalendar.nyse()),
                      clock);
              log.info("Market-data jobs: {}", chosen.announcement());
              return chosen;
            });
    return handlers(db, clock, source);
  }

  /** The job handlers with the market-data source given (the demo's own simulated market). */
  public static JobHandlers handlers(Database db, Clock clock, Supplier<LabelledSource> source) {
    MarketDataService marketData = MarketDataService.withDefaults(db.jdbi(), clock);
    Alerts alerts = alerts(db, clock);
    MlService ml =
        new MlService(
            db.jdbi(),
            BarReader.ohlcBars(db.jdbi()),
            MlSettings.defaults(),
            clock,
            1,
            alerts.retraining());
    UnifiedPredictionService predictions =
        new UnifiedPredictionService(
            db.jdbi(), UnifiedPredictionService.DEFAULT_PRIMARY, clock, alerts.predictions());
    return JobHandlers.builder()
        .register(JobType.NOOP.wireName(), JobHandlers.NOOP)
        .register(JobType.BACKFILL.wireName(), MarketDataJobHandlers.backfill(marketData, source))
        .register(JobType.INGEST.wireName(), MarketDataJobHandlers.ingest(marketData, source))
        .register(JobType.QUALITY.wireName(), MlJobHandlers.quality(marketData))
        .register(JobType.TRAIN.wireName(), MlJobHandlers.train(ml, predictions))
        .register(JobType.FORECAST.wireName(), MlJobHandlers.forecast(ml))
        .register(JobType.RESOLVE.wireName(), MlJobHandlers.resolve(ml))
        .register(JobType.EVALUATE.wireName(), MlJobHandlers.evaluate(ml))
        .register(JobType.VALIDATE.wireName(), MlJobHandlers.validate(predictions))
        .register(WebhookOutbox.JOB_TYPE, alerts.deliveryHandler())
        .build();
  }

  /** NYSE sessions (holidays, 13:00 early closes) as the pipelines' market hours. */
  public static MarketSessions nyseSessions() {
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

  /**
   * The canonical pipelines, plus the weekly {@code symbols-sync} (Alpaca's asset list into the
   * registry, Saturdays 06:00 New York) when Alpaca's keys are configured.
   */
  public static PipelineCatalog pipelines(Database db, SwiftBoltConfig config, Clock clock) {
    PipelineCatalog catalog = pipelines(db, clock);
    Optional<AlpacaTradingSettings> alpaca =
        AlpacaTradingSettings.fromEnvironment(config.alpacaEnvironment());
    if (alpaca.isEmpty()) {
      return catalog;
    }
    AssetDirectory assets = AlpacaAssets.of(alpaca.get());
    SymbolSync sync = new SymbolSync(db.jdbi());
    PipelineStage stage =
        context -> {
          SyncResult r = sync.apply("alpaca", assets.activeAssets());
          Map<String, Long> counts = new LinkedHashMap<>();
          counts.put("inserted", (long) r.inserted());
          counts.put("updated", (long) r.updated());
          counts.put("deactivated", (long) r.deactivated());
          counts.put("unchanged", (long) r.unchanged());
          r.skipped().forEach((reason, n) -> counts.put("skipped_" + reason, (long) n));
          return new StageCounts(counts);
        };
    return catalog.with(
        new Pipeline(
            PipelineCatalog.SYMBOLS_SYNC,
            "Alpaca's active US-equity assets into the symbols registry (inactive ones kept)",
            Optional.of(new WeeklySchedule(DayOfWeek.SATURDAY, LocalTime.of(6, 0))),
            List.of(new Pipeline.Stage("sync-alpaca-assets", stage))));
  }

  /** The canonical pipelines (without the Alpaca-only ones). */
  public static PipelineCatalog pipelines(Database db, Clock clock) {
    return PipelineCatalog.canonical(
            db.jdbi(),
            nyseSessions(),
            new TrainingHistoryDue(db.jdbi(), TrainingHistoryDue.DEFAULT_MAX_AGE))
        .with(staleDataAlerts(alerts(db, clock).staleData()));
  }

  /** The pipeline {@code alerts-stale-data}: {@code data.stale} events, every 15 min in session. */
  static Pipeline staleDataAlerts(StaleDataCheck check) {
    PipelineStage stage =
        context ->
            new StageCounts(Map.of("notifications", (long) check.run(context.clock().instant())));
    return new Pipeline(
        "alerts-stale-data",
        "data.stale notifications for tracked symbols whose D1 or M15 bars stopped arriving",
        Optional.of(
            new SessionIntervalSchedule(
                Duration.ofMinutes(15), Duration.ofMinutes(5), nyseSessions())),
        List.of(new Pipeline.Stage("check-stale-data", stage)));
  }
}
