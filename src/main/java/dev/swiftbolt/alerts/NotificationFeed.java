package dev.swiftbolt.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.swiftbolt.config.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * One user's notifications: the feed (newest first), marking read, the unread count, and the user's
 * settings. Every method acts for one user only. Thread-safe.
 */
public final class NotificationFeed {

  public static final int MAX_LIMIT = 100;

  /** A notification as the API, the stream and the CLI show it. */
  public record Notification(
      long id,
      String symbol,
      String kind,
      String title,
      String body,
      JsonNode data,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("read_at") Instant readAt) {}

  private static final String COLUMNS =
      "id, symbol, kind, title, body, data::text AS data, created_at, read_at";

  private static final String PAGE =
      """
      SELECT %s
      FROM notifications
      WHERE user_id = :user_id AND id > :after_id AND (NOT :unread OR read_at IS NULL)
      ORDER BY id DESC
      LIMIT :limit
      """
          .formatted(COLUMNS);

  private static final String SINCE =
      """
      SELECT %s
      FROM notifications
      WHERE user_id = :user_id AND id > :after_id
      ORDER BY id
      LIMIT :limit
      """
          .formatted(COLUMNS);

  private static final String MARK_IDS =
      """
      UPDATE notifications SET read_at = :now
      WHERE user_id = :user_id AND id = ANY (:ids) AND read_at IS NULL
      """;

  private static final String MARK_UP_TO =
      """
      UPDATE notifications SET read_at = :now
      WHERE user_id = :user_id AND id <= :up_to_id AND read_at IS NULL
      """;

  private static final String NEWEST_OF_ANYONE = "SELECT coalesce(max(id), 0) FROM notifications";

  private static final String UNREAD =
      "SELECT count(*) FROM notifications WHERE user_id = :user_id AND read_at IS NULL";

  private static final String UPSERT_SETTINGS =
      """
      INSERT INTO notification_settings
        (user_id, kinds, confidence_threshold, cooldown_seconds, updated_at)
      VALUES (:user_id, :kinds, :threshold, :cooldown, :now)
      ON CONFLICT (user_id) DO UPDATE
      SET kinds = EXCLUDED.kinds, confidence_threshold = EXCLUDED.confidence_threshold,
          cooldown_seconds = EXCLUDED.cooldown_seconds, updated_at = EXCLUDED.updated_at
      """;

  private final Jdbi jdbi;
  private final Clock clock;

  public NotificationFeed(Jdbi jdbi, Clock clock) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Newest first: up to {@code limit} (1–{@value #MAX_LIMIT}) notifications with an id above {@code
   * afterId}, only unread ones when {@code unread}.
   */
  public List<Notification> page(String userId, long afterId, int limit, boolean unread) {
    return jdbi.withHandle(
        h ->
            h.createQuery(PAGE)
                .bind("user_id", userId)
                .bind("after_id", afterId)
                .bind("unread", unread)
                .bind("limit", limit)
                .map((rs, ctx) -> notification(rs))
                .list());
  }

  /** Oldest first: the notifications after {@code afterId}, for the stream. */
  public List<Notification> since(String userId, long afterId, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SINCE)
                .bind("user_id", userId)
                .bind("after_id", afterId)
                .bind("limit", limit)
                .map((rs, ctx) -> notification(rs))
                .list());
  }

  /** The id of the user's newest notification, 0 when there is none. */
  public long latestId(String userId) {
    return page(userId, 0, 1, false).stream().mapToLong(Notification::id).findFirst().orElse(0);
  }

  /**
   * The id of the newest notification of any user, 0 when there is none: whether anything was
   * written since, in one index look-up for every open stream.
   */
  public long newestOfAnyone() {
    return jdbi.withHandle(h -> h.createQuery(NEWEST_OF_ANYONE).mapTo(Long.class).one());
  }

  public long unreadCount(String userId) {
    return jdbi.withHandle(
        h -> h.createQuery(UNREAD).bind("user_id", userId).mapTo(Long.class).one());
  }

  /** Marks the user's notifications among {@code ids} read; returns how many changed. */
  public int markRead(String userId, List<Long> ids) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(MARK_IDS)
                .bind("user_id", userId)
                .bindArray("ids", Long.class, ids)
                .bind("now", Outbox.utc(clock.instant()))
                .execute());
  }

  /** Marks the user's notifications up to and including {@code upToId} read. */
  public int markReadUpTo(String userId, long upToId) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(MARK_UP_TO)
                .bind("user_id", userId)
                .bind("up_to_id", upToId)
                .bind("now", Outbox.utc(clock.instant()))
                .execute());
  }

  public NotificationSettings settings(String userId) {
    return jdbi.withHandle(h -> Outbox.settings(h, userId));
  }

  public void saveSettings(String userId, NotificationSettings settings) {
    jdbi.useHandle(
        h ->
            h.createUpdate(UPSERT_SETTINGS)
                .bind("user_id", userId)
                .bindArray("kinds", String.class, settings.kindNames())
                .bind("threshold", settings.confidenceThreshold())
                .bind("cooldown", settings.cooldown().toSeconds())
                .bind("now", Outbox.utc(clock.instant()))
                .execute());
  }

  private static Notification notification(ResultSet rs) throws SQLException {
    OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
    return new Notification(
        rs.getLong("id"),
        rs.getString("symbol"),
        rs.getString("kind"),
        rs.getString("title"),
        rs.getString("body"),
        parse(rs.getString("data")),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        Optional.ofNullable(read).map(OffsetDateTime::toInstant).orElse(null));
  }

  private static JsonNode parse(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
