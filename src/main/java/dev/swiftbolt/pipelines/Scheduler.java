package dev.swiftbolt.pipelines;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the scheduled runs of pipelines. Any number of schedulers (one per {@code serve} process)
 * may run against one database: each scheduled run is executed once in all, by whichever scheduler
 * inserts its {@code run_key} first (see {@link PipelineRunner#runScheduled}).
 *
 * <p>A scheduler remembers, per pipeline, the last scheduled instant it considered. On each {@link
 * #tick()} it fires every scheduled instant after that and not after now, as long as it is no older
 * than {@code misfireGrace}; older ones (the process was down) are skipped, not caught up. A new
 * scheduler starts {@code misfireGrace} in the past, so a restart shortly after a scheduled instant
 * still fires it (unless another process already did).
 *
 * <p>{@link #tick()} is for one thread at a time; {@link #start(Duration)} runs it periodically on
 * a thread of its own.
 */
public final class Scheduler implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

  /** Default misfire grace: a run whose instant passed less than 10 minutes ago still fires. */
  public static final Duration DEFAULT_MISFIRE_GRACE = Duration.ofMinutes(10);

  private final PipelineRunner runner;
  private final List<Pipeline> pipelines;
  private final Clock clock;
  private final Duration misfireGrace;
  private final Map<String, Instant> considered = new HashMap<>();
  private ScheduledExecutorService timer;

  public Scheduler(
      PipelineRunner runner, List<Pipeline> pipelines, Clock clock, Duration misfireGrace) {
    this.runner = Objects.requireNonNull(runner, "runner");
    this.pipelines = List.copyOf(pipelines);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.misfireGrace = Objects.requireNonNull(misfireGrace, "misfireGrace");
    if (misfireGrace.isNegative()) {
      throw new IllegalArgumentException("misfire grace must not be negative: " + misfireGrace);
    }
    // nextRun is strictly after its argument: start 1 ns earlier so an instant exactly
    // misfireGrace ago still fires.
    Instant start = clock.instant().minus(misfireGrace).minusNanos(1);
    for (Pipeline p : this.pipelines) {
      considered.put(p.name(), start);
    }
  }

  /**
   * Fires what is due now.
   *
   * @return the runs this scheduler executed (runs another scheduler took are not included)
   */
  public synchronized List<PipelineRun> tick() {
    Instant now = clock.instant();
    List<PipelineRun> ran = new ArrayList<>();
    for (Pipeline pipeline : pipelines) {
      if (pipeline.schedule().isEmpty()) {
        continue;
      }
      Schedule schedule = pipeline.schedule().get();
      Instant next = schedule.nextRun(considered.get(pipeline.name()));
      while (!next.isAfter(now)) {
        if (!next.isBefore(now.minus(misfireGrace))) {
          try {
            runner.runScheduled(pipeline, next).ifPresent(ran::add);
          } catch (RuntimeException e) {
            log.error(
                "Scheduled run of {} at {} could not run: {}", pipeline.name(), next, e.toString());
          }
        } else {
          log.info("Skipping the missed run of {} at {}", pipeline.name(), next);
        }
        considered.put(pipeline.name(), next);
        next = schedule.nextRun(next);
      }
    }
    return ran;
  }

  /** Ticks every {@code period} on a daemon thread until {@link #close()}. */
  public synchronized void start(Duration period) {
    if (timer != null) {
      throw new IllegalStateException("scheduler already started");
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "pipeline-scheduler");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            tick();
          } catch (RuntimeException e) {
            log.error("Scheduler tick failed: {}", e.toString());
          }
        },
        0,
        period.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }
}
