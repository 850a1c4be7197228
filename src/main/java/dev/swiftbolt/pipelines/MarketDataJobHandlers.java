package dev.swiftbolt.pipelines;

import dev.swiftbolt.jobs.Job;
import dev.swiftbolt.jobs.JobHandler;
import dev.swiftbolt.jobs.JobOutcome;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.BackfillListener;
import dev.swiftbolt.marketdata.LabelledSource;
import dev.swiftbolt.marketdata.MarketDataService;
import dev.swiftbolt.marketdata.SymbolLoad;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code backfill} and {@code ingest} job handlers: the market-data service run for the job's
 * symbol. Both are idempotent (bars are upserted; a backfill resumes from the newest stored bar).
 *
 * <p>Timeframes: the payload's {@code timeframes} list if present, else the job's timeframe, else
 * all five. A successful backfill queues what {@link TrackedChain} says follows it (for a tracked
 * symbol, its {@code train} job), in the same transaction, so the tracked symbol's forecast (which
 * waits for backfill and train) runs on a trained model.
 */
final class MarketDataJobHandlers {

  private MarketDataJobHandlers() {}

  /** The source is chosen on first use, so a worker without Alpaca keys starts without them. */
  static JobHandler backfill(MarketDataService service, Supplier<LabelledSource> source) {
    return (job, context) -> {
      String symbol = symbolOf(job);
      SymbolLoad load =
          service
              .backfill(
                  List.of(symbol),
                  timeframesOf(job),
                  Optional.empty(),
                  Optional.empty(),
                  source.get(),
                  BackfillListener.none())
              .get(0);
      if (!load.succeeded()) {
        return JobOutcome.failure(load.error().orElseThrow());
      }
      TrackedChain.after(JobType.BACKFILL, job).ifPresent(context::enqueue);
      return JobOutcome.success();
    };
  }

  static JobHandler ingest(MarketDataService service, Supplier<LabelledSource> source) {
    return (job, context) -> {
      SymbolLoad load =
          service
              .ingestIntraday(List.of(symbolOf(job)), source.get(), BackfillListener.none())
              .get(0);
      return load.succeeded()
          ? JobOutcome.success()
          : JobOutcome.failure(load.error().orElseThrow());
    };
  }

  private static String symbolOf(Job job) {
    return job.symbol()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    job.jobType() + " job " + job.id() + " has no symbol"));
  }

  static Set<Timeframe> timeframesOf(Job job) {
    List<String> listed = job.payloadTexts("timeframes");
    if (!listed.isEmpty()) {
      Set<Timeframe> result = EnumSet.noneOf(Timeframe.class);
      listed.forEach(t -> result.add(Timeframe.parse(t)));
      return result;
    }
    return job.timeframe().map(EnumSet::of).orElseGet(() -> EnumSet.allOf(Timeframe.class));
  }
}
