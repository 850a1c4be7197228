package dev.swiftbolt.pipelines;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.swiftbolt.jobs.Job;
import dev.swiftbolt.jobs.JobHandler;
import dev.swiftbolt.jobs.JobOutcome;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.MarketDataService;
import dev.swiftbolt.marketdata.SeriesQuality;
import dev.swiftbolt.ml.MlService;
import dev.swiftbolt.ml.RetrainingPolicy;
import dev.swiftbolt.ml.UnifiedPredictionService;
import dev.swiftbolt.ml.features.InsufficientHistoryException;
import dev.swiftbolt.parallel.OrderedParallel;
import dev.swiftbolt.validation.UnifiedPrediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ML job handlers: {@code train}, {@code forecast}, {@code resolve}, {@code evaluate}, {@code
 * validate}, plus {@code quality}. Each runs the service for the job's symbol on the job's
 * timeframes (payload {@code timeframes}, else the job's timeframe, else all five).
 *
 * <p>A timeframe whose history is too short is skipped and named in the log; the job fails only
 * when no timeframe could be done, so one short intraday history does not block the daily model.
 * All are idempotent: training registers a new active model, forecasts are unique per (model, bar),
 * resolving twice resolves nothing new, evaluations and predictions are snapshots.
 *
 * <p>What a successful {@code forecast} or {@code validate} queues next is {@link TrackedChain}'s
 * to say (a tracked forecast queues its {@code validate}; a retraining trigger queues a {@code
 * train}).
 */
final class MlJobHandlers {

  private static final Logger log = LoggerFactory.getLogger(MlJobHandlers.class);

  /** One operation on one series. */
  @FunctionalInterface
  private interface SeriesOperation {
    void run(String symbol, Timeframe timeframe);
  }

  private MlJobHandlers() {}

  /** The payload field a deferred retraining carries. */
  static final String DEFERRED = "deferred";

  /**
   * Trains the job's series. A retraining trigger (a {@code reason} other than {@code tracked})
   * goes through the retraining policy: a series in its cooldown is not retrained now; its trigger
   * is recorded as deferred with its reason (logged, and queued again as a {@code train} due when
   * the cooldown ends, payload {@code deferred: true}), and that job retrains only if the symbol's
   * latest prediction still asks for it.
   */
  static JobHandler train(MlService ml, UnifiedPredictionService predictions) {
    return (job, context) -> {
      Optional<String> trigger =
          Optional.ofNullable(job.payload())
              .map(p -> p.path("reason").asText(""))
              .filter(r -> !r.isEmpty() && !TrackedChain.TRACKED_REASON.equals(r));
      if (trigger.isEmpty()) {
        return perSeries(JobType.TRAIN, (symbol, tf) -> ml.train(symbol, tf)).handle(job, context);
      }
      String symbol = symbolOf(job);
      if (job.payload().path(DEFERRED).asBoolean(false)
          && predictions.currentRetrainingTrigger(symbol).isEmpty()) {
        log.info("train {}: deferred retraining dropped, no longer asked for", symbol);
        return JobOutcome.success();
      }
      int[] deferSessions = {0};
      JobOutcome outcome =
          perSeries(
                  JobType.TRAIN,
                  (s, tf) -> {
                    RetrainingPolicy.Decision d = ml.retrainingDecision(s, tf, trigger.get());
                    if (d.deferred()) {
                      log.info(
                          "train {} {}: retraining deferred ({}), cooldown ends in {} sessions",
                          s,
                          tf,
                          trigger.get(),
                          d.sessionsToWait());
                      synchronized (deferSessions) {
                        deferSessions[0] = Math.max(deferSessions[0], d.sessionsToWait());
                      }
                    } else {
                      ml.train(s, tf);
                    }
                  })
              .handle(job, context);
      if (outcome.succeeded() && deferSessions[0] > 0) {
        context.enqueue(
            JobType.TRAIN
                .newJob()
                .forSymbol(job.symbolId().orElseThrow())
                .notBefore(ml.sessionCloseAfter(deferSessions[0]))
                .withPayload(
                    JsonNodeFactory.instance
                        .objectNode()
                        .put("reason", trigger.get())
                        .put(DEFERRED, true)));
      }
      return outcome;
    };
  }

  static JobHandler forecast(MlService ml) {
    JobHandler forecasts =
        perSeries(JobType.FORECAST, (symbol, tf) -> ml.forecast(symbol, tf, true));
    return (job, context) -> {
      JobOutcome outcome = forecasts.handle(job, context);
      if (outcome.succeeded()) {
        TrackedChain.after(JobType.FORECAST, job).ifPresent(context::enqueue);
      }
      return outcome;
    };
  }

  static JobHandler resolve(MlService ml) {
    return perSeries(JobType.RESOLVE, (symbol, tf) -> ml.resolve(symbol, tf));
  }

  static JobHandler evaluate(MlService ml) {
    return perSeries(JobType.EVALUATE, (symbol, tf) -> ml.evaluate(symbol, tf));
  }

  /**
   * Stores the symbol's unified prediction and queues what {@link TrackedChain#afterValidation}
   * says follows it.
   */
  static JobHandler validate(UnifiedPredictionService predictions) {
    return (job, context) -> {
      UnifiedPrediction p = predictions.predictAndStore(symbolOf(job));
      TrackedChain.afterValidation(job, p).ifPresent(context::enqueue);
      return JobOutcome.success();
    };
  }

  /** Fails when the symbol's bars break a data-quality rule (errors, not warnings). */
  static JobHandler quality(MarketDataService marketData) {
    return (job, context) -> {
      List<SeriesQuality> reports = marketData.quality(List.of(symbolOf(job)));
      long errors = reports.stream().mapToLong(r -> r.report().errorCount()).sum();
      return errors == 0
          ? JobOutcome.success()
          : JobOutcome.failure(
              errors + " data-quality errors; see `swiftbolt quality " + symbolOf(job) + "`");
    };
  }

  /**
   * Runs {@code operation} on the job's timeframes, up to one per processor at once; the lease is
   * extended and a stop request honoured as each timeframe finishes, in timeframe order.
   */
  private static JobHandler perSeries(JobType type, SeriesOperation operation) {
    String name = type.wireName();
    return (job, context) -> {
      String symbol = symbolOf(job);
      List<String> skipped = new ArrayList<>();
      List<String> stopped = new ArrayList<>();
      int[] done = {0};
      OrderedParallel.forEachOrdered(
          List.copyOf(MarketDataJobHandlers.timeframesOf(job)),
          OrderedParallel.defaultThreads(),
          tf -> {
            if (context.stopRequested()) {
              return false;
            }
            operation.run(symbol, tf);
            return true;
          },
          (tf, outcome) -> {
            if (!outcome.succeeded() && outcome.error() instanceof InsufficientHistoryException e) {
              skipped.add(tf + ": " + e.getMessage());
            } else if (!outcome.get()) {
              stopped.add(tf.name());
            } else {
              done[0]++;
            }
            context.extendLease();
          });
      if (!stopped.isEmpty()) {
        return JobOutcome.failure("stopped before " + name + " " + symbol + " " + stopped);
      }
      if (!skipped.isEmpty()) {
        log.info("{} {} skipped {}", name, symbol, skipped);
      }
      return done[0] > 0
          ? JobOutcome.success()
          : JobOutcome.failure(
              name + " " + symbol + ": no timeframe had enough history " + skipped);
    };
  }

  private static String symbolOf(Job job) {
    return job.symbol()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    job.jobType() + " job " + job.id() + " has no symbol"));
  }
}
