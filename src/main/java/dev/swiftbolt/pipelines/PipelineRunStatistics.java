package dev.swiftbolt.pipelines;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Counts of pipeline runs per pipeline and status, for metrics. Thread-safe. */
public final class PipelineRunStatistics {

  /** {@code count} runs of {@code pipeline} are in {@code status}. */
  public record RunCount(String pipeline, String status, long count) {}

  private static final String TABLE_EXISTS =
      """
      SELECT to_regclass('pipeline_runs') IS NOT NULL
      """;

  private static final String BY_PIPELINE_AND_STATUS =
      """
      SELECT pipeline, status, count(*) AS n
      FROM pipeline_runs
      GROUP BY pipeline, status
      """;

  private final Jdbi jdbi;

  public PipelineRunStatistics(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  /**
   * Runs per pipeline and status; empty (not an empty list) while the {@code pipeline_runs} table
   * does not exist, a database migrated before pipelines.
   */
  public Optional<List<RunCount>> countsByPipelineAndStatus() {
    return jdbi.withHandle(
        h -> {
          boolean exists = h.createQuery(TABLE_EXISTS).mapTo(Boolean.class).one();
          if (!exists) {
            return Optional.empty();
          }
          return Optional.of(
              h.createQuery(BY_PIPELINE_AND_STATUS)
                  .map(
                      (rs, c) ->
                          new RunCount(
                              rs.getString("pipeline"), rs.getString("status"), rs.getLong("n")))
                  .list());
        });
  }
}
