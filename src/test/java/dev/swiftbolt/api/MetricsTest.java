package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MetricsTest {

  private static ApiFixture api;

  @BeforeAll
  static void start() {
    api = new ApiFixture();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void metrics_expose_route_latency_by_template_and_queue_depth_from_the_database() {
    api.post("/api/v1/watchlist", "metrics-user", "{\"symbol\":\"AAPL\"}");
    api.delete("/api/v1/watchlist/NVDA", "metrics-user");
    api.getPublic("/api/v1/health");
    var reply = api.metrics();
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.raw().headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain");
    String text = reply.body();
    assertThat(text)
        .contains(
            "swiftbolt_http_requests_seconds_count{method=\"POST\",route=\"/api/v1/watchlist\",status=\"202\"} 1")
        .contains(
            "swiftbolt_http_requests_seconds_count{method=\"DELETE\",route=\"/api/v1/watchlist/{symbol}\",status=\"404\"} 1")
        // tracking AAPL queued a backfill and a forecast job
        .contains("swiftbolt_jobs_queue_depth{status=\"queued\"} 2.0")
        .contains("swiftbolt_jobs_queue_depth{status=\"dead\"} 0.0")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void finished_jobs_are_counted_by_type_and_outcome() {
    api.database
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO forecast_jobs (job_type, status, last_error) VALUES"
                        + " ('train', 'dead', 'boom'), ('train', 'succeeded', NULL),"
                        + " ('train', 'succeeded', NULL)"));
    String text = api.metrics().body();
    assertThat(text)
        .contains("swiftbolt_jobs_outcomes{job_type=\"train\",outcome=\"succeeded\"} 2.0")
        .contains("swiftbolt_jobs_outcomes{job_type=\"train\",outcome=\"dead\"} 1.0");
  }

  @Test
  void pipeline_runs_are_counted_by_pipeline_and_status() {
    api.database
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO pipeline_runs (pipeline, run_key, trigger, started_at, status)"
                        + " VALUES ('daily-data-refresh', 'k1', 'schedule', now(), 'succeeded'),"
                        + " ('daily-data-refresh', 'k2', 'schedule', now(), 'succeeded'),"
                        + " ('ml-orchestration', 'k3', 'manual', now(), 'failed')"));
    String text = api.metrics().body();
    assertThat(text)
        .contains(
            "swiftbolt_pipeline_runs{pipeline=\"daily-data-refresh\",status=\"succeeded\"} 2.0")
        .contains("swiftbolt_pipeline_runs{pipeline=\"ml-orchestration\",status=\"failed\"} 1.0");
  }
}
