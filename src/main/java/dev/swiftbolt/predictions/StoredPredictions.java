package dev.swiftbolt.predictions;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Reading stored unified predictions, for the CLI and the API: the latest of one symbol, or the
 * latest of every symbol. Writing stays with the services that validate. Thread-safe.
 */
public final class StoredPredictions {

  private final Jdbi jdbi;
  private final UnifiedPredictionRepository repository;

  public StoredPredictions(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.repository = new UnifiedPredictionRepository(jdbi);
  }

  /**
   * Seconds since the latest unified prediction of the freshest ({@code newest}) and of the stalest
   * ({@code oldest}) symbol, by the database's clock; empty while none is stored.
   */
  public Optional<PredictionAges> ages() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT min(age) AS newest, max(age) AS oldest
                      FROM (SELECT extract(epoch FROM now() - max(as_of)) AS age
                              FROM unified_predictions
                             GROUP BY symbol) latest
                    HAVING count(*) > 0
                    """)
                .map((rs, c) -> new PredictionAges(rs.getDouble("newest"), rs.getDouble("oldest")))
                .findOne());
  }

  /** Ages in seconds of the freshest and the stalest symbol's latest prediction. */
  public record PredictionAges(double newestSeconds, double oldestSeconds) {}

  /** The latest prediction for {@code symbol}: greatest {@code as_of}, then greatest id. */
  public Optional<StoredPrediction> latest(String symbol) {
    return repository.latest(symbol);
  }

  /**
   * Resolved predictions of {@code symbol} (every symbol when empty), from production ({@code
   * replay} false) or from each symbol's latest replay run ({@code replay} true).
   */
  public List<UnifiedPredictionRepository.ResolvedPrediction> resolved(
      Optional<String> symbol, boolean replay) {
    return repository.resolvedPredictions(symbol, replay);
  }

  /** The latest prediction of every symbol that has one, ordered by symbol. */
  public List<StoredPrediction> latestPerSymbol() {
    return repository.latestPerSymbol();
  }
}
