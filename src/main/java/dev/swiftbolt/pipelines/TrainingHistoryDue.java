package dev.swiftbolt.pipelines;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Every active symbol whose last successful {@code train} job finished more than {@code maxAge} ago
 * (or never) is due, for all timeframes: the spec's regular 30-day retraining, from the queue's own
 * history. Thread-safe.
 */
public final class TrainingHistoryDue implements RetrainingDue {

  /** The spec's regular retraining schedule. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(30);

  private final Jdbi jdbi;
  private final Duration maxAge;

  public TrainingHistoryDue(Jdbi jdbi, Duration maxAge) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
  }

  @Override
  public List<DueTraining> due(Instant now) {
    String reason = "no successful training in the last %s days".formatted(maxAge.toDays());
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT s.id
                      FROM symbols s
                     WHERE s.active
                       AND NOT EXISTS (SELECT 1
                                         FROM forecast_jobs j
                                        WHERE j.job_type = :trainJob
                                          AND j.symbol_id = s.id
                                          AND j.status = 'succeeded'
                                          AND j.finished_at > :cutoff)
                     ORDER BY s.symbol
                    """)
                .bind("trainJob", JobType.TRAIN.wireName())
                .bind("cutoff", now.minus(maxAge).atOffset(ZoneOffset.UTC))
                .mapTo(Long.class)
                .map(id -> new DueTraining(id, Optional.empty(), reason))
                .list());
  }
}
