package dev.swiftbolt.pipelines;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swiftbolt.market.Timeframe;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The canonical pipelines — the few named pipelines that replace the seed's 31 workflows — by name.
 * Immutable.
 *
 * <p>Their default stages enqueue jobs, so the work runs on the workers through the queue with
 * retries and leases; a package that can do a stage directly replaces its body with {@link
 * #withStage}. Job types they enqueue: {@code backfill} (payload {@code timeframes}), {@code
 * ingest} (M15), {@code quality}, {@code forecast}, {@code resolve}, {@code evaluate}, {@code
 * validate}, {@code train}.
 */
public final class PipelineCatalog {

  /** At most this many pipelines: one place to look, not 31 workflows. */
  public static final int MAX_PIPELINES = 8;

  public static final String DAILY_DATA_REFRESH = "daily-data-refresh";
  public static final String INTRADAY_INGESTION = "intraday-ingestion";
  public static final String DATA_QUALITY = "data-quality";
  public static final String ML_ORCHESTRATION = "ml-orchestration";
  public static final String RETRAINING = "retraining";
  public static final String SYMBOLS_SYNC = "symbols-sync";

  private final Map<String, Pipeline> pipelines;

  public PipelineCatalog(List<Pipeline> pipelines) {
    if (pipelines.size() > MAX_PIPELINES) {
      throw new IllegalArgumentException(
          "at most " + MAX_PIPELINES + " pipelines, got " + pipelines.size());
    }
    Map<String, Pipeline> byName = new LinkedHashMap<>();
    for (Pipeline p : pipelines) {
      if (byName.put(p.name(), p) != null) {
        throw new IllegalArgumentException("two pipelines named " + p.name());
      }
    }
    this.pipelines = byName;
  }

  /**
   * The canonical pipelines with their default, job-enqueueing stages.
   *
   * @param sessions trading days and hours (use the NYSE calendar of marketdata in production)
   * @param retrainingDue which models the retraining pipeline queues
   */
  public static PipelineCatalog canonical(
      Jdbi jdbi, MarketSessions sessions, RetrainingDue retrainingDue) {
    ObjectNode dailyTimeframes = JsonNodeFactory.instance.objectNode();
    dailyTimeframes.putArray("timeframes").add(Timeframe.D1.name()).add(Timeframe.W1.name());
    ObjectNode intraday = JsonNodeFactory.instance.objectNode();
    intraday.putArray("timeframes").add(Timeframe.M15.name());
    List<Pipeline> list = new ArrayList<>();
    list.add(
        new Pipeline(
            DAILY_DATA_REFRESH,
            "D1/W1 bars since the last stored bar, after the close, for every active symbol",
            Optional.of(new TradingDaySchedule(LocalTime.of(16, 30), sessions)),
            List.of(
                new Pipeline.Stage(
                    "enqueue-backfill",
                    EnqueuePerSymbolStage.of(jdbi, JobType.BACKFILL)
                        .withPayload(dailyTimeframes)))));
    list.add(
        new Pipeline(
            INTRADAY_INGESTION,
            "M15 bars of the regular session as each bar closes (H1/H4 follow by resampling)",
            Optional.of(
                new SessionIntervalSchedule(
                    Duration.ofMinutes(15), Duration.ofMinutes(1), sessions)),
            List.of(
                new Pipeline.Stage(
                    "enqueue-ingest",
                    EnqueuePerSymbolStage.of(jdbi, JobType.INGEST)
                        .on(Timeframe.M15)
                        .withPayload(intraday)))));
    list.add(
        new Pipeline(
            DATA_QUALITY,
            "gaps, OHLC integrity, coverage and stale data for every active symbol",
            Optional.of(new TradingDaySchedule(LocalTime.of(17, 0), sessions)),
            List.of(
                new Pipeline.Stage(
                    "enqueue-quality",
                    EnqueuePerSymbolStage.of(jdbi, JobType.QUALITY).after(JobType.BACKFILL)))));
    list.add(
        new Pipeline(
            ML_ORCHESTRATION,
            "forecast → resolve → evaluate → unified validation and store, per active symbol",
            Optional.of(new TradingDaySchedule(LocalTime.of(17, 15), sessions)),
            List.of(
                new Pipeline.Stage(
                    "forecast",
                    EnqueuePerSymbolStage.of(jdbi, JobType.FORECAST)
                        .after(JobType.BACKFILL, JobType.TRAIN)),
                new Pipeline.Stage(
                    "resolve",
                    EnqueuePerSymbolStage.of(jdbi, JobType.RESOLVE).after(JobType.FORECAST)),
                new Pipeline.Stage(
                    "evaluate",
                    EnqueuePerSymbolStage.of(jdbi, JobType.EVALUATE).after(JobType.RESOLVE)),
                new Pipeline.Stage(
                    "validate-and-store",
                    EnqueuePerSymbolStage.of(jdbi, JobType.VALIDATE).after(JobType.EVALUATE)))));
    list.add(
        new Pipeline(
            RETRAINING,
            "train jobs for the models that are due (drift triggers, 30-day schedule)",
            Optional.of(new TradingDaySchedule(LocalTime.of(18, 0), sessions)),
            List.of(
                new Pipeline.Stage(
                    "enqueue-due-training", new EnqueueDueTrainingStage(jdbi, retrainingDue)))));
    return new PipelineCatalog(list);
  }

  /** All pipelines, in catalogue order. */
  public List<Pipeline> all() {
    return List.copyOf(pipelines.values());
  }

  /**
   * The pipeline named {@code name}.
   *
   * @throws IllegalArgumentException naming the known pipelines when there is none
   */
  public Pipeline get(String name) {
    Pipeline p = pipelines.get(name);
    if (p == null) {
      throw new IllegalArgumentException(
          "unknown pipeline '" + name + "'; pipelines: " + String.join(", ", pipelines.keySet()));
    }
    return p;
  }

  /** This catalogue with {@code pipeline} added at the end (e.g. one that needs Alpaca's keys). */
  public PipelineCatalog with(Pipeline pipeline) {
    List<Pipeline> list = new ArrayList<>(pipelines.values());
    list.add(pipeline);
    return new PipelineCatalog(list);
  }

  /** This catalogue with one stage's body replaced (e.g. an in-process data-quality check). */
  public PipelineCatalog withStage(String pipeline, String stage, PipelineStage body) {
    List<Pipeline> list = new ArrayList<>();
    Pipeline target = get(pipeline);
    for (Pipeline p : pipelines.values()) {
      list.add(p == target ? p.withStage(stage, body) : p);
    }
    return new PipelineCatalog(list);
  }
}
