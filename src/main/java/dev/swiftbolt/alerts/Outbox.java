package dev.swiftbolt.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swiftbolt.config.Json;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Writes events into {@code notifications} on the caller's handle, inside the transaction that
 * caused them: per user, subject to the user's settings (kind enabled) and cooldown (no repeat of
 * one (symbol, kind, state) inside it), at most once per dedupe key; each written notification
 * queues one signed delivery per matching webhook endpoint ({@link WebhookOutbox}) in the same
 * transaction. Stateless and thread-safe.
 */
public final class Outbox {

  /** A user tracking a symbol since {@code trackedAt}, with their settings. */
  public record Tracker(String userId, Instant trackedAt, NotificationSettings settings) {}

  private static final String TRACKERS =
      """
      SELECT t.user_id, t.created_at AS tracked_at,
             s.kinds, s.confidence_threshold, s.cooldown_seconds
      FROM user_symbol_tracking t
      JOIN symbols sy ON sy.id = t.symbol_id
      LEFT JOIN notification_settings s ON s.user_id = t.user_id
      WHERE sy.symbol = :symbol
      ORDER BY t.user_id
      """;

  private static final String IN_COOLDOWN =
      """
      SELECT EXISTS (
        SELECT 1 FROM notifications
        WHERE user_id = :user_id AND symbol IS NOT DISTINCT FROM :symbol AND kind = :kind
          AND data->>'state' = :state AND created_at > :since
      )
      """;

  private static final String INSERT =
      """
      INSERT INTO notifications (user_id, symbol, kind, title, body, data, dedupe_key, created_at)
      VALUES (:user_id, :symbol, :kind, :title, :body, CAST(:data AS jsonb), :dedupe_key, :now)
      ON CONFLICT (user_id, dedupe_key) DO NOTHING
      RETURNING id
      """;

  private static final String SETTINGS =
      """
      SELECT kinds, confidence_threshold, cooldown_seconds
      FROM notification_settings
      WHERE user_id = :user_id
      """;

  private Outbox() {}

  /** The users tracking {@code symbol}, with their settings. */
  public static List<Tracker> trackers(Handle h, String symbol) {
    return h.createQuery(TRACKERS).bind("symbol", symbol).map((rs, ctx) -> tracker(rs)).list();
  }

  static Tracker tracker(ResultSet rs) throws SQLException {
    return new Tracker(
        rs.getString("user_id"),
        rs.getObject("tracked_at", OffsetDateTime.class).toInstant(),
        settingsOf(rs));
  }

  /** The settings of {@code userId}: their row, or the defaults. */
  public static NotificationSettings settings(Handle h, String userId) {
    return h.createQuery(SETTINGS)
        .bind("user_id", userId)
        .map((rs, ctx) -> settingsOf(rs))
        .findOne()
        .orElse(NotificationSettings.DEFAULTS);
  }

  /**
   * Writes {@code event} for {@code userId} unless their settings disable its kind, a notification
   * of the same (symbol, kind, state) is inside their cooldown, or its dedupe key was written.
   *
   * @return the new notification's id, or empty when nothing was written
   */
  public static Optional<Long> write(
      Handle h, String userId, NotificationSettings settings, AlertEvent event, Instant now) {
    if (!settings.enabled(event.kind())) {
      return Optional.empty();
    }
    Instant since = now.minus(settings.cooldown());
    boolean cooling =
        h.createQuery(IN_COOLDOWN)
            .bind("user_id", userId)
            .bind("symbol", event.symbol().orElse(null))
            .bind("kind", event.kind().wire())
            .bind("state", event.state())
            .bind("since", utc(since))
            .mapTo(Boolean.class)
            .one();
    if (cooling) {
      return Optional.empty();
    }
    ObjectNode data = event.data();
    data.put("state", event.state());
    Optional<Long> id =
        h.createQuery(INSERT)
            .bind("user_id", userId)
            .bind("symbol", event.symbol().orElse(null))
            .bind("kind", event.kind().wire())
            .bind("title", event.title())
            .bind("body", event.body())
            .bind("data", json(data))
            .bind("dedupe_key", event.dedupeKey())
            .bind("now", utc(now))
            .mapTo(Long.class)
            .findOne();
    id.ifPresent(
        notificationId ->
            WebhookOutbox.queueDeliveries(h, userId, notificationId, event, data, now));
    return id;
  }

  /** Writes {@code event} for every user tracking its symbol; returns how many were written. */
  public static int fanOut(Handle h, AlertEvent event, Instant now) {
    int written = 0;
    for (Tracker t : trackers(h, event.symbol().orElseThrow())) {
      if (write(h, t.userId(), t.settings(), event, now).isPresent()) {
        written++;
      }
    }
    return written;
  }

  static NotificationSettings settingsOf(ResultSet rs) throws SQLException {
    Array kinds = rs.getArray("kinds");
    if (kinds == null) {
      return NotificationSettings.DEFAULTS;
    }
    Set<NotificationKind> enabled = EnumSet.noneOf(NotificationKind.class);
    for (Object name : (Object[]) kinds.getArray()) {
      NotificationKind.event(name.toString()).ifPresent(enabled::add);
    }
    return new NotificationSettings(
        enabled,
        rs.getDouble("confidence_threshold"),
        Duration.ofSeconds(rs.getLong("cooldown_seconds")));
  }

  static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not serialisable as JSON: " + e.getMessage(), e);
    }
  }

  static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
