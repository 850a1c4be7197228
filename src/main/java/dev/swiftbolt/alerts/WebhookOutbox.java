package dev.swiftbolt.alerts;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swiftbolt.jobs.JobQueue;
import dev.swiftbolt.jobs.NewJob;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Turns a written notification into one {@code webhook_deliveries} row and one {@value #JOB_TYPE}
 * job per matching active endpoint of its user, on the caller's handle: the delivery exists exactly
 * when the notification does. The body is fixed here, so every attempt sends (and signs) the same
 * bytes under the same {@code webhook-id}.
 */
public final class WebhookOutbox {

  /** The job type of one delivery attempt. */
  public static final String JOB_TYPE = "deliver_webhook";

  /** Attempts of one delivery job (a crash or a database error inside the handler). */
  static final int JOB_ATTEMPTS = 3;

  private static final String ENDPOINTS =
      """
      SELECT id FROM webhook_endpoints
      WHERE user_id = :user_id AND active
        AND (kinds IS NULL OR :kind = ANY (kinds))
      ORDER BY id
      """;

  private static final String INSERT_DELIVERY =
      """
      INSERT INTO webhook_deliveries
        (endpoint_id, notification_id, user_id, message_id, event_type, body, next_attempt_at,
         created_at, updated_at)
      VALUES (:endpoint_id, :notification_id, :user_id, :message_id, :event_type, :body, :now,
              :now, :now)
      ON CONFLICT DO NOTHING
      RETURNING id
      """;

  private WebhookOutbox() {}

  static void queueDeliveries(
      Handle h,
      String userId,
      long notificationId,
      AlertEvent event,
      ObjectNode data,
      Instant now) {
    List<Long> endpoints =
        h.createQuery(ENDPOINTS)
            .bind("user_id", userId)
            .bind("kind", event.kind().wire())
            .mapTo(Long.class)
            .list();
    if (endpoints.isEmpty()) {
      return;
    }
    ObjectNode fields = data.deepCopy();
    fields.remove("state");
    fields.put("notification_id", notificationId);
    String body = body(event.kind(), now, fields);
    for (long endpoint : endpoints) {
      queue(h, endpoint, Optional.of(notificationId), userId, event.kind(), body, now);
    }
  }

  /** Queues one delivery of {@code body} to {@code endpoint}; returns its id (empty if a twin). */
  static Optional<Long> queue(
      Handle h,
      long endpoint,
      Optional<Long> notificationId,
      String userId,
      NotificationKind kind,
      String body,
      Instant now) {
    Optional<Long> delivery =
        h.createQuery(INSERT_DELIVERY)
            .bind("endpoint_id", endpoint)
            .bind("notification_id", notificationId.orElse(null))
            .bind("user_id", userId)
            .bind("message_id", "msg_" + UUID.randomUUID().toString().replace("-", ""))
            .bind("event_type", kind.wire())
            .bind("body", body)
            .bind("now", Outbox.utc(now))
            .mapTo(Long.class)
            .findOne();
    delivery.ifPresent(id -> JobQueue.enqueue(h, job(id, userId, now), now));
    return delivery;
  }

  /** The delivery job of attempt at {@code runAfter}. */
  static NewJob job(long deliveryId, String userId, Instant runAfter) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("delivery_id", deliveryId);
    return NewJob.of(JOB_TYPE)
        .byUser(userId)
        .withPriority(NewJob.USER_PRIORITY)
        .withMaxAttempts(JOB_ATTEMPTS)
        .notBefore(runAfter)
        .withPayload(payload);
  }

  /**
   * The Standard Webhooks body {@code {"type", "timestamp", "data"}}; {@code data} holds {@code
   * symbol}, {@code notification_id} and the event's fields.
   */
  static String body(NotificationKind kind, Instant at, ObjectNode data) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", kind.wire());
    body.put("timestamp", at.truncatedTo(ChronoUnit.MILLIS).toString());
    body.put("data", data);
    return Outbox.json(body);
  }
}
