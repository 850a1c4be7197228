package dev.swiftbolt.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Read-only views of the job queue, for people and the app. Thread-safe. */
public final class JobQueries {

  /** The statuses a job can have. */
  public static final Set<String> STATUSES = Set.of("queued", "running", "succeeded", "dead");

  /* An absent filter is bound as NULL and matches every row. */
  private static final String LIST =
      """
      SELECT j.id, j.job_type, s.symbol, j.timeframe, j.status, j.attempts, j.max_attempts,
             j.run_after, j.last_error, j.created_at, j.updated_at
        FROM forecast_jobs j
        LEFT JOIN symbols s ON s.id = j.symbol_id
       WHERE (CAST(:symbol AS text) IS NULL OR s.symbol = :symbol)
         AND (CAST(:status AS text) IS NULL OR j.status = :status)
       ORDER BY j.id DESC
       LIMIT :limit
      """;

  private static final String ACTIVE_FOR_SYMBOL =
      """
      SELECT j.id, j.job_type, s.symbol, j.timeframe, j.status, j.attempts, j.max_attempts,
             j.run_after, j.last_error, j.created_at, j.updated_at
        FROM forecast_jobs j
        LEFT JOIN symbols s ON s.id = j.symbol_id
       WHERE j.symbol_id = :id AND j.status IN ('queued', 'running')
       ORDER BY j.id
      """;

  private final Jdbi jdbi;

  public JobQueries(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Jobs, newest first, optionally filtered by symbol and status.
   *
   * @throws IllegalArgumentException for a status that does not exist
   */
  public List<JobView> list(Optional<String> symbol, Optional<String> status, int limit) {
    status.ifPresent(
        st -> {
          if (!STATUSES.contains(st)) {
            throw new IllegalArgumentException(
                "unknown job status '%s'; expected one of queued, running, succeeded, dead"
                    .formatted(st));
          }
        });
    return jdbi.withHandle(
        h ->
            h.createQuery(LIST)
                .bind("symbol", symbol.orElse(null))
                .bind("status", status.orElse(null))
                .bind("limit", limit)
                .map(JobQueries::map)
                .list());
  }

  /** The active (queued or running) jobs of a symbol, on the given handle (same transaction). */
  public static List<JobView> activeForSymbol(Handle handle, long symbolId) {
    return handle.createQuery(ACTIVE_FOR_SYMBOL).bind("id", symbolId).map(JobQueries::map).list();
  }

  static JobView map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new JobView(
        rs.getLong("id"),
        rs.getString("job_type"),
        Optional.ofNullable(rs.getString("symbol")),
        Optional.ofNullable(rs.getString("timeframe")),
        rs.getString("status"),
        rs.getInt("attempts"),
        rs.getInt("max_attempts"),
        rs.getTimestamp("run_after").toInstant(),
        Optional.ofNullable(rs.getString("last_error")),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
