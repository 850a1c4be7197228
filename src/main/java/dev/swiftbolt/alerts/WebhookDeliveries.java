package dev.swiftbolt.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL of {@code webhook_deliveries}: a pending delivery with its endpoint, and its attempts. */
public final class WebhookDeliveries {

  /** A delivery still to make, with what an attempt needs. */
  record Pending(
      long id,
      String userId,
      String messageId,
      String body,
      int attempts,
      long endpointId,
      String url,
      String secret,
      boolean endpointActive) {}

  /** A delivery as {@code webhooks deliveries} lists it. */
  public record View(
      long id,
      @JsonProperty("endpoint_id") long endpointId,
      @JsonProperty("notification_id") Long notificationId,
      @JsonProperty("webhook_id") String messageId,
      String type,
      String status,
      int attempts,
      @JsonProperty("last_status_code") Integer lastStatusCode,
      @JsonProperty("last_error") String lastError,
      @JsonProperty("next_attempt_at") Instant nextAttemptAt,
      @JsonProperty("created_at") Instant createdAt) {}

  private static final String PENDING =
      """
      SELECT d.id, d.user_id, d.message_id, d.body, d.attempts,
             e.id AS endpoint_id, e.url, e.secret, e.active
      FROM webhook_deliveries d
      JOIN webhook_endpoints e ON e.id = d.endpoint_id
      WHERE d.id = :id AND d.status = 'pending'
      """;

  private static final String RECORD =
      """
      UPDATE webhook_deliveries
      SET status = :status, attempts = :attempts, last_status_code = :code, last_error = :error,
          next_attempt_at = :next, updated_at = :now
      WHERE id = :id AND status = 'pending'
      """;

  private static final String DISABLE_ENDPOINT =
      """
      UPDATE webhook_endpoints SET active = false, disabled_reason = :reason
      WHERE id = :id
      """;

  private static final String LIST =
      """
      SELECT id, endpoint_id, notification_id, message_id, event_type, status, attempts,
             last_status_code, last_error, next_attempt_at, created_at
      FROM webhook_deliveries
      WHERE user_id = :user_id
      ORDER BY id DESC
      LIMIT :limit
      """;

  private final Jdbi jdbi;

  public WebhookDeliveries(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  Optional<Pending> pending(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(PENDING)
                .bind("id", id)
                .map(
                    (rs, ctx) ->
                        new Pending(
                            rs.getLong("id"),
                            rs.getString("user_id"),
                            rs.getString("message_id"),
                            rs.getString("body"),
                            rs.getInt("attempts"),
                            rs.getLong("endpoint_id"),
                            rs.getString("url"),
                            rs.getString("secret"),
                            rs.getBoolean("active")))
                .findOne());
  }

  void delivered(Pending d, int attempts, int status, Instant now) {
    record(d, "delivered", attempts, status, null, Optional.empty(), now);
  }

  void failed(
      Pending d,
      int attempts,
      WebhookDeliveryHandler.Attempt attempt,
      Optional<Instant> next,
      Instant now) {
    record(
        d,
        next.isPresent() ? "pending" : "dead",
        attempts,
        attempt.status() == 0 ? null : attempt.status(),
        attempt.describe(),
        next,
        now);
  }

  /** 410 Gone: the delivery stops and the endpoint is disabled, in one transaction. */
  void gone(Pending d, int attempts, Instant now) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate(DISABLE_ENDPOINT)
              .bind("id", d.endpointId())
              .bind("reason", "the receiver answered 410 Gone at " + now)
              .execute();
          h.createUpdate(RECORD)
              .bind("id", d.id())
              .bind("status", "disabled")
              .bind("attempts", attempts)
              .bind("code", 410)
              .bind("error", "HTTP 410: endpoint disabled")
              .bind("next", (OffsetDateTime) null)
              .bind("now", Outbox.utc(now))
              .execute();
        });
  }

  void disable(Pending d, String reason, Instant now) {
    record(d, "disabled", d.attempts(), null, reason, Optional.empty(), now);
  }

  private void record(
      Pending d,
      String status,
      int attempts,
      Integer code,
      String error,
      Optional<Instant> next,
      Instant now) {
    jdbi.useHandle(
        h ->
            h.createUpdate(RECORD)
                .bind("id", d.id())
                .bind("status", status)
                .bind("attempts", attempts)
                .bind("code", code)
                .bind("error", error)
                .bind("next", next.map(Outbox::utc).orElse(null))
                .bind("now", Outbox.utc(now))
                .execute());
  }

  /** {@code userId}'s latest deliveries, newest first. */
  public List<View> list(String userId, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(LIST)
                .bind("user_id", userId)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new View(
                            rs.getLong("id"),
                            rs.getLong("endpoint_id"),
                            rs.getObject("notification_id", Long.class),
                            rs.getString("message_id"),
                            rs.getString("event_type"),
                            rs.getString("status"),
                            rs.getInt("attempts"),
                            rs.getObject("last_status_code", Integer.class),
                            rs.getString("last_error"),
                            instant(rs.getObject("next_attempt_at", OffsetDateTime.class)),
                            instant(rs.getObject("created_at", OffsetDateTime.class))))
                .list());
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
