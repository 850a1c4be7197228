package dev.swiftbolt.ml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.ml.evaluation.Forecaster;
import dev.swiftbolt.ml.registry.ModelRegistry;
import dev.swiftbolt.ml.registry.ModelStatus;
import dev.swiftbolt.ml.registry.RegisteredModel;
import dev.swiftbolt.symbols.SymbolRepository;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;

/**
 * A symbol's registered models, newest first, for {@code swiftbolt models} and {@code GET
 * /api/v1/symbols/{symbol}/models}: each with its forecaster, training window, walk-forward
 * accuracy (of its issued forecaster), status and the reason for it, and the champion it was
 * trained against. Thread-safe.
 */
public final class ModelHistoryService {
  private final SymbolRepository symbols;
  private final ModelRegistry registry;

  public ModelHistoryService(Jdbi jdbi) {
    this.symbols = new SymbolRepository(Objects.requireNonNull(jdbi, "jdbi"));
    this.registry = new ModelRegistry(jdbi);
  }

  /**
   * One registered model as listed.
   *
   * @param walkforwardAccuracy pooled walk-forward accuracy of the forecaster issued, empty when
   *     the model was trained without an evaluation
   * @param reason why the model is rejected or retired, or why it was promoted; empty when nothing
   *     was recorded
   * @param parentModelId the champion it was trained against
   */
  public record ModelEntry(
      long id,
      String symbol,
      Timeframe timeframe,
      Forecaster forecaster,
      String algorithm,
      Instant trainFrom,
      Instant trainTo,
      Instant trainedAt,
      OptionalDouble walkforwardAccuracy,
      ModelStatus status,
      Optional<String> reason,
      OptionalLong parentModelId) {}

  /**
   * The models of {@code symbol} on {@code timeframes}, newest first (by training time, then id).
   *
   * @throws dev.swiftbolt.symbols.UnknownSymbolException when the symbol is not registered
   */
  public List<ModelEntry> models(String symbol, List<Timeframe> timeframes) {
    long symbolId = symbols.require(symbol);
    List<ModelEntry> entries = new ArrayList<>();
    for (Timeframe tf : timeframes) {
      for (RegisteredModel m : registry.history(symbolId, tf)) {
        entries.add(entry(symbol, m));
      }
    }
    entries.sort(
        Comparator.comparing(ModelEntry::trainedAt).thenComparingLong(ModelEntry::id).reversed());
    return entries;
  }

  private static ModelEntry entry(String symbol, RegisteredModel m) {
    return new ModelEntry(
        m.id(),
        symbol,
        m.timeframe(),
        m.forecaster(),
        m.kind().algorithm(),
        m.trainFrom(),
        m.trainTo(),
        m.trainedAt(),
        walkforwardAccuracy(m),
        m.status(),
        m.statusReason(),
        m.parentModelId());
  }

  /** The issued forecaster's walk-forward accuracy: the model's, or the best naive's. */
  private static OptionalDouble walkforwardAccuracy(RegisteredModel m) {
    try {
      if (m.forecaster().naive() && m.selectionJson().isPresent()) {
        JsonNode selection = Json.mapper().readTree(m.selectionJson().get());
        return OptionalDouble.of(selection.path("best_naive_accuracy").asDouble());
      }
      JsonNode accuracy =
          Json.mapper().readTree(m.metricsJson()).path("walkforward").path("accuracy");
      return accuracy.isNumber() ? OptionalDouble.of(accuracy.asDouble()) : OptionalDouble.empty();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
