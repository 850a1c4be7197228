package dev.swiftbolt.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.swiftbolt.market.Timeframe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A job claimed by a worker: what to do ({@code jobType}, symbol, timeframe, payload) and the lease
 * under which it runs.
 *
 * <p>{@code attempts} already counts the current run (it is incremented by the claim); together
 * with {@code lockedBy} it identifies this lease, so a worker whose lease expired cannot complete a
 * job that another worker has claimed again. An empty timeframe means every timeframe.
 *
 * @param symbolId the symbol's id, empty for jobs that are not about one symbol
 * @param symbol the symbol's code (e.g. AAPL), present exactly when {@code symbolId} is
 * @param payload a JSON object; copied, never shared
 */
public record Job(
    long id,
    String jobType,
    Optional<Long> symbolId,
    Optional<String> symbol,
    Optional<Timeframe> timeframe,
    Optional<String> userId,
    int priority,
    int attempts,
    int maxAttempts,
    JsonNode payload,
    String lockedBy,
    Instant lockedUntil) {

  public Job {
    Objects.requireNonNull(jobType, "jobType");
    Objects.requireNonNull(symbolId, "symbolId");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(timeframe, "timeframe");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(lockedBy, "lockedBy");
    Objects.requireNonNull(lockedUntil, "lockedUntil");
    if (attempts < 1) {
      throw new IllegalArgumentException(
          "attempts of a claimed job must be at least 1: " + attempts);
    }
    payload = payload == null ? JsonNodeFactory.instance.objectNode() : payload.deepCopy();
  }

  @Override
  public JsonNode payload() {
    return payload.deepCopy();
  }

  /** A text field of the payload, e.g. {@code depends_on}; empty when absent or not text. */
  public Optional<String> payloadText(String field) {
    JsonNode node = payload.get(field);
    return node != null && node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
  }

  /** A list-of-text field of the payload, e.g. {@code timeframes}; empty list when absent. */
  public List<String> payloadTexts(String field) {
    JsonNode node = payload.get(field);
    List<String> values = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(n -> values.add(n.asText()));
    }
    return List.copyOf(values);
  }

  /**
   * The job types this job waits for (payload {@code depends_on}, a text or a list of texts): it is
   * not claimed while a job of one of them is active for the same symbol.
   */
  public List<String> dependsOn() {
    JsonNode node = payload.get("depends_on");
    if (node != null && node.isTextual()) {
      return List.of(node.asText());
    }
    return payloadTexts("depends_on");
  }

  /** Whether this run is the job's last allowed attempt. */
  public boolean isLastAttempt() {
    return attempts >= maxAttempts;
  }
}
