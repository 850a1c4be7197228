package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.jobs.JobHandlers;
import dev.swiftbolt.jobs.JobQueue;
import dev.swiftbolt.jobs.Worker;
import dev.swiftbolt.jobs.WorkerOptions;
import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.predictions.UnifiedPredictionRepository;
import dev.swiftbolt.validation.UnifiedValidator;
import dev.swiftbolt.validation.ValidationScores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/grafana/swiftbolt.json} is importable (a Prometheus data-source input, unique panel
 * ids) and every metric its queries use is one that {@code /metrics} exports.
 */
class GrafanaDashboardTest {

  private static final Path DASHBOARD = Path.of("docs/grafana/swiftbolt.json");
  private static final Pattern METRIC = Pattern.compile("\\b((?:swiftbolt|jvm)_[a-z_]+)\\b");

  @Test
  void the_dashboard_declares_its_data_source_and_unique_panels() throws IOException {
    JsonNode dashboard = Json.mapper().readTree(Files.readString(DASHBOARD));

    assertThat(dashboard.at("/__inputs/0/pluginId").asText()).isEqualTo("prometheus");
    assertThat(dashboard.get("uid").asText()).isNotBlank();
    Set<Integer> ids = new TreeSet<>();
    dashboard.get("panels").forEach(panel -> ids.add(panel.get("id").asInt()));
    assertThat(ids).hasSize(dashboard.get("panels").size());
    assertThat(dashboard.get("panels"))
        .allSatisfy(
            panel ->
                assertThat(panel.at("/datasource/uid").asText()).isEqualTo("${DS_PROMETHEUS}"));
  }

  @Test
  void every_metric_the_dashboard_queries_is_exported() throws IOException {
    Set<String> queried = new TreeSet<>();
    JsonNode dashboard = Json.mapper().readTree(Files.readString(DASHBOARD));
    dashboard
        .get("panels")
        .forEach(
            panel ->
                panel
                    .get("targets")
                    .forEach(
                        target -> {
                          Matcher m = METRIC.matcher(target.get("expr").asText());
                          while (m.find()) {
                            queried.add(m.group(1));
                          }
                        }));
    assertThat(queried)
        .contains(
            "swiftbolt_jobs_queue_depth",
            "swiftbolt_jobs_outcomes",
            "swiftbolt_worker_claim_failures_total",
            "swiftbolt_http_requests_seconds_bucket",
            "swiftbolt_predictions_age_seconds");

    try (ApiFixture api = new ApiFixture()) {
      // every family present: a request, a finished job, a pipeline run, a prediction, a worker
      api.getPublic("/api/v1/health");
      api.database
          .jdbi()
          .useHandle(
              h -> {
                h.execute(
                    "INSERT INTO forecast_jobs (job_type, status, payload) VALUES ('train', 'dead',"
                        + " '{}'::jsonb)");
                h.execute(
                    "INSERT INTO pipeline_runs (pipeline, run_key, trigger, started_at, status)"
                        + " VALUES ('daily-data-refresh', 'grafana-test', 'manual', now(),"
                        + " 'succeeded')");
              });
      new UnifiedPredictionRepository(api.database.jdbi())
          .store(
              new UnifiedValidator()
                  .validate(
                      "AAPL",
                      Direction.BULLISH,
                      new ValidationScores(
                          0.8,
                          0.7,
                          0.7,
                          Map.of(Timeframe.D1, 0.5),
                          OptionalInt.of(250),
                          OptionalInt.of(400),
                          OptionalInt.of(30),
                          Instant.parse("2026-11-01T00:00:00Z"),
                          0,
                          Instant.now())));
      api.server.reportWorker(
          new Worker(
              new JobQueue(api.database.jdbi(), Clock.systemUTC(), attempts -> Duration.ZERO),
              JobHandlers.builder().register("noop", JobHandlers.NOOP).build(),
              WorkerOptions.defaults().withConcurrency(1)));
      String scrape = api.metrics().body();
      for (String metric : queried) {
        assertThat(scrape).as(metric).containsPattern("(?m)^" + metric + "[{ ]");
      }
    }
  }
}
