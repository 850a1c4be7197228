package dev.swiftbolt.alerts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One event for one user, before settings and cooldown decide whether it is written.
 *
 * @param symbol the symbol it is about (empty for {@code webhook.test})
 * @param title one line, e.g. "NVDA turned BEARISH"
 * @param body a sentence or two for people
 * @param data the event's fields for machines (webhooks, the app), snake_case
 * @param dedupeKey the same event gets the same key: written at most once per user
 * @param state what the cooldown compares (e.g. the new direction): repeats of one (symbol, kind,
 *     state) inside the cooldown are dropped, a different state is not
 */
public record AlertEvent(
    Optional<String> symbol,
    NotificationKind kind,
    String title,
    String body,
    ObjectNode data,
    String dedupeKey,
    String state) {

  public AlertEvent {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(dedupeKey, "dedupeKey");
    Objects.requireNonNull(state, "state");
    data = data.deepCopy();
  }

  @Override
  public ObjectNode data() {
    return data.deepCopy();
  }
}
