package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.jobs.Eventually;
import dev.swiftbolt.jobs.JobHandlers;
import dev.swiftbolt.jobs.JobQueue;
import dev.swiftbolt.jobs.Worker;
import dev.swiftbolt.jobs.WorkerOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A worker in the server's process that cannot claim shows it on {@code /metrics}. */
class WorkerClaimMetricsTest {

  private static double sample(String scrape, String metric) {
    Matcher m = Pattern.compile("(?m)^" + metric + "\\{[^}]*\\} ([0-9.E+]+)$").matcher(scrape);
    assertThat(m.find()).as(metric + " in\n" + scrape).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void claim_failures_of_the_servers_worker_are_exported_on_metrics() {
    try (ApiFixture api = new ApiFixture();
        Database broken = TestDatabase.create()) {
      broken.jdbi().useHandle(h -> h.execute("ALTER TABLE forecast_jobs RENAME TO elsewhere"));
      Worker worker =
          new Worker(
              new JobQueue(broken.jdbi(), Clock.systemUTC(), attempts -> Duration.ZERO),
              JobHandlers.builder().register("noop", JobHandlers.NOOP).build(),
              WorkerOptions.defaults()
                  .withConcurrency(1)
                  .withIdlePoll(Duration.ofMillis(1), Duration.ofMillis(20)));
      api.server.reportWorker(worker);
      String idle = api.metrics().body();
      assertThat(sample(idle, "swiftbolt_worker_claim_failing")).isZero();
      worker.start();
      try {
        Eventually.await(
            "three failed claims",
            Duration.ofSeconds(20),
            () -> worker.consecutiveClaimFailures() >= 3);
        String scrape = api.metrics().body();
        assertThat(sample(scrape, "swiftbolt_worker_claim_failures_total"))
            .isGreaterThanOrEqualTo(3);
        assertThat(sample(scrape, "swiftbolt_worker_claim_failing")).isGreaterThanOrEqualTo(3);
      } finally {
        worker.stop();
      }
    }
  }
}
