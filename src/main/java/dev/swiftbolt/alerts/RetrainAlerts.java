package dev.swiftbolt.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.ml.registry.ModelListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * {@code model.retrained}: a series' model replaced by a newly trained one, written for every user
 * tracking the symbol inside the registering transaction, with what the registry knows changed (the
 * training window's end and the metrics, old and new). A series' first model is no event. Thread
 * -safe.
 */
public final class RetrainAlerts implements ModelListener {

  private static final String MODEL =
      """
      SELECT m.id, s.symbol, m.algorithm, m.train_to, m.trained_at, m.metrics::text AS metrics
      FROM models m
      JOIN symbols s ON s.id = m.symbol_id
      WHERE m.id = :id
      """;

  private final Clock clock;

  public RetrainAlerts(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  private record ModelRow(
      String symbol,
      String algorithm,
      OffsetDateTime trainTo,
      OffsetDateTime trainedAt,
      JsonNode metrics) {}

  @Override
  public void registered(
      Handle handle, long modelId, long symbolId, Timeframe timeframe, Optional<Long> replaced) {
    if (replaced.isEmpty()) {
      return;
    }
    ModelRow now = model(handle, modelId);
    ModelRow before = model(handle, replaced.get());
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("symbol", now.symbol());
    data.put("timeframe", timeframe.name());
    data.put("model_id", modelId);
    data.put("previous_model_id", replaced.get());
    data.put("algorithm", now.algorithm());
    data.put("trained_at", now.trainedAt().toInstant().toString());
    data.put("train_to", now.trainTo().toInstant().toString());
    data.put("previous_train_to", before.trainTo().toInstant().toString());
    data.set("metrics", now.metrics());
    data.set("previous_metrics", before.metrics());
    AlertEvent event =
        new AlertEvent(
            Optional.of(now.symbol()),
            NotificationKind.MODEL_RETRAINED,
            "%s %s model retrained".formatted(now.symbol(), timeframe),
            "%s's %s model was retrained on data up to %s (the previous one ended %s)."
                .formatted(
                    now.symbol(),
                    timeframe,
                    now.trainTo().toLocalDate(),
                    before.trainTo().toLocalDate()),
            data,
            "model.retrained:%d".formatted(modelId),
            timeframe.name());
    Outbox.fanOut(handle, event, clock.instant());
  }

  private static ModelRow model(Handle handle, long id) {
    return handle
        .createQuery(MODEL)
        .bind("id", id)
        .map(
            (rs, ctx) ->
                new ModelRow(
                    rs.getString("symbol"),
                    rs.getString("algorithm"),
                    rs.getObject("train_to", OffsetDateTime.class),
                    rs.getObject("trained_at", OffsetDateTime.class),
                    parse(rs.getString("metrics"))))
        .one();
  }

  private static JsonNode parse(String json) {
    try {
      return json == null ? JsonNodeFactory.instance.nullNode() : Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
