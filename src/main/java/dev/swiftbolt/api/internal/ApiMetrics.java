package dev.swiftbolt.api.internal;

import dev.swiftbolt.jobs.QueueStatistics;
import dev.swiftbolt.jobs.Worker;
import dev.swiftbolt.pipelines.PipelineRunStatistics;
import dev.swiftbolt.predictions.StoredPredictions;
import io.javalin.http.Context;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prometheus metrics of the API process: request latency per route (a timer tagged with method,
 * route template and status), and, read from the database at each scrape because workers may run in
 * other processes, the job queue's depth by status, finished jobs by type and outcome, and pipeline
 * runs by pipeline and status (when the {@code pipeline_runs} table exists). Thread-safe.
 */
public final class ApiMetrics {

  /** Statuses of {@code forecast_jobs}, each exported even when zero. */
  static final List<String> JOB_STATUSES = List.of("queued", "running", "succeeded", "dead");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final QueueStatistics queue;
  private final PipelineRunStatistics pipelines;
  private final StoredPredictions predictions;
  private final Map<String, AtomicLong> queueDepth = new ConcurrentHashMap<>();
  private final MultiGauge jobOutcomes;
  private final MultiGauge pipelineRuns;
  private final MultiGauge predictionAge;

  public ApiMetrics(
      QueueStatistics queue, PipelineRunStatistics pipelines, StoredPredictions predictions) {
    this.queue = queue;
    this.pipelines = pipelines;
    this.predictions = predictions;
    for (String status : JOB_STATUSES) {
      AtomicLong value = new AtomicLong();
      queueDepth.put(status, value);
      Gauge.builder("swiftbolt.jobs.queue.depth", value, AtomicLong::doubleValue)
          .description("Jobs in forecast_jobs by status")
          .tag("status", status)
          .register(registry);
    }
    jobOutcomes =
        MultiGauge.builder("swiftbolt.jobs.outcomes")
            .description("Finished jobs in forecast_jobs by job type and outcome")
            .register(registry);
    pipelineRuns =
        MultiGauge.builder("swiftbolt.pipeline.runs")
            .description("Rows of pipeline_runs by pipeline and status")
            .register(registry);
    predictionAge =
        MultiGauge.builder("swiftbolt.predictions.age")
            .description(
                "Seconds since the latest unified prediction of the freshest (which=newest) and the"
                    + " stalest (which=oldest) symbol; absent while none is stored")
            .baseUnit("seconds")
            .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
  }

  /**
   * Exports the claim failures of {@code worker} (a worker pool of this process): {@code
   * swiftbolt_worker_claim_failures_total} counts failed claim queries, and {@code
   * swiftbolt_worker_claim_failing} is the number of failures since the last successful claim (0
   * while claiming works), so an alert can tell a worker that cannot claim from an idle one.
   */
  public void watch(Worker worker) {
    String id = worker.options().workerId();
    FunctionCounter.builder(
            "swiftbolt.worker.claim.failures", worker, w -> w.summary().claimFailures())
        .description("Claim queries of this process's worker that failed")
        .tag("worker", id)
        .register(registry);
    Gauge.builder("swiftbolt.worker.claim.failing", worker, Worker::consecutiveClaimFailures)
        .description("Failed claims in a row of this process's worker; 0 while claiming works")
        .tag("worker", id)
        .register(registry);
  }

  /** Records one finished request; the route is the matched template, not the raw path. */
  public void record(Context ctx, float millis) {
    String route = routeOf(ctx);
    Timer.builder("swiftbolt.http.requests")
        .description("HTTP request latency by route")
        .tags(
            "method",
            ctx.method().name(),
            "route",
            route,
            "status",
            Integer.toString(ctx.status().getCode()))
        .publishPercentileHistogram()
        .register(registry)
        .record(Duration.ofNanos((long) (millis * 1_000_000.0)));
  }

  /**
   * The matched route template; requests that never reached an endpoint (static files, unknown
   * paths, refused before matching) are grouped so raw paths never become tag values.
   */
  private static String routeOf(Context ctx) {
    String route;
    try {
      route = ctx.endpointHandlerPath();
    } catch (IllegalStateException notMatched) {
      route = "";
    }
    if (route == null || route.isEmpty() || route.contains("*")) {
      return ctx.status().getCode() == 404 ? "unmatched" : "static";
    }
    return route;
  }

  /** The registry behind {@link #scrape}, for meters kept elsewhere (e.g. {@link Refusals}). */
  public io.micrometer.core.instrument.MeterRegistry registry() {
    return registry;
  }

  /** Refreshes the database-backed gauges and returns the Prometheus text exposition. */
  public String scrape() {
    refresh();
    return registry.scrape();
  }

  private void refresh() {
    Map<String, Long> counts = queue.countsByStatus();
    queueDepth.forEach((status, value) -> value.set(counts.getOrDefault(status, 0L)));
    jobOutcomes.register(
        queue.outcomes().stream()
            .map(
                o ->
                    MultiGauge.Row.of(
                        Tags.of("job_type", o.jobType(), "outcome", o.status()), o.count()))
            .toList(),
        true);
    pipelines
        .countsByPipelineAndStatus()
        .ifPresent(
            runs ->
                pipelineRuns.register(
                    runs.stream()
                        .map(
                            r ->
                                MultiGauge.Row.of(
                                    Tags.of("pipeline", r.pipeline(), "status", r.status()),
                                    r.count()))
                        .toList(),
                    true));
    predictionAge.register(
        predictions
            .ages()
            .map(
                a ->
                    List.of(
                        MultiGauge.Row.of(Tags.of("which", "newest"), a.newestSeconds()),
                        MultiGauge.Row.of(Tags.of("which", "oldest"), a.oldestSeconds())))
            .orElse(List.of()),
        true);
  }
}
