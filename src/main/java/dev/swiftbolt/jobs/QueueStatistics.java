package dev.swiftbolt.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * Counts over the job queue for metrics and progress: jobs per status, finished jobs per type and
 * outcome, and jobs still to run. Each call is one query; thread-safe.
 */
public final class QueueStatistics {

  /** {@code count} finished jobs of {@code jobType} ended in {@code status}. */
  public record Outcome(String jobType, String status, long count) {}

  private static final String BY_STATUS =
      """
      SELECT status, count(*) AS n
      FROM forecast_jobs
      GROUP BY status
      """;

  private static final String OUTCOMES =
      """
      SELECT job_type, status, count(*) AS n
      FROM forecast_jobs
      WHERE status IN ('succeeded', 'dead')
      GROUP BY job_type, status
      """;

  private static final String PENDING =
      """
      SELECT count(*)
      FROM forecast_jobs
      WHERE status IN ('queued', 'running')
      """;

  private final Jdbi jdbi;

  public QueueStatistics(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  /** The number of jobs per status; a status without jobs is absent. */
  public Map<String, Long> countsByStatus() {
    return jdbi.withHandle(
        h -> {
          Map<String, Long> counts = new LinkedHashMap<>();
          h.createQuery(BY_STATUS)
              .map((rs, c) -> Map.entry(rs.getString("status"), rs.getLong("n")))
              .forEach(e -> counts.put(e.getKey(), e.getValue()));
          return counts;
        });
  }

  /** Finished jobs ({@code succeeded} or {@code dead}) per job type and status. */
  public List<Outcome> outcomes() {
    return jdbi.withHandle(
        h ->
            h.createQuery(OUTCOMES)
                .map(
                    (rs, c) ->
                        new Outcome(
                            rs.getString("job_type"), rs.getString("status"), rs.getLong("n")))
                .list());
  }

  /** Jobs still {@code queued} or {@code running}. */
  public long pending() {
    return jdbi.withHandle(h -> h.createQuery(PENDING).mapTo(Long.class).one());
  }
}
