package dev.swiftbolt.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swiftbolt.config.SwiftBoltConfig;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.jobs.Eventually;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackgroundJobsTest {

  @Test
  void serves_worker_pool_runs_queued_jobs_until_closed() {
    try (Database db = TestDatabase.create()) {
      db.jdbi()
          .useHandle(
              h -> h.execute("INSERT INTO forecast_jobs (job_type) VALUES ('noop'), ('noop')"));
      try (BackgroundJobs jobs =
          BackgroundJobs.start(
              db, SwiftBoltConfig.from(Map.of(), Optional.empty()), 2, Clock.systemUTC())) {
        Eventually.await(
            "both jobs succeeded",
            Duration.ofSeconds(30),
            () -> jobs.worker().orElseThrow().summary().succeeded() == 2);
      }
      long open =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT count(*) FROM forecast_jobs WHERE status <> 'succeeded'")
                          .mapTo(Long.class)
                          .one());
      assertThat(open).isZero();
    }
  }

  @Test
  void zero_workers_runs_the_scheduler_alone_and_negative_is_refused() {
    try (Database db = TestDatabase.create();
        BackgroundJobs jobs =
            BackgroundJobs.start(
                db, SwiftBoltConfig.from(Map.of(), Optional.empty()), 0, Clock.systemUTC())) {
      assertThat(jobs.worker()).isEmpty();
    }
    assertThatThrownBy(
            () ->
                BackgroundJobs.start(
                    null, SwiftBoltConfig.from(Map.of(), Optional.empty()), -1, Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--workers must not be negative");
  }
}
