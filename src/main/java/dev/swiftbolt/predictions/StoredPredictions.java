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

  private final UnifiedPredictionRepository repository;

  public StoredPredictions(Jdbi jdbi) {
    this.repository = new UnifiedPredictionRepository(Objects.requireNonNull(jdbi, "jdbi"));
  }

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
