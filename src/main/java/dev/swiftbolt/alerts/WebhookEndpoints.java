package dev.swiftbolt.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * A user's webhook endpoints: add (the secret is returned once, then never shown), list, remove,
 * and send a {@code webhook.test} event. At most {@value #MAX_PER_USER} active endpoints per user.
 * Every method acts for one user only. Thread-safe.
 */
public final class WebhookEndpoints {

  public static final int MAX_PER_USER = 10;

  /** An endpoint as listed: never its secret. {@code kinds} empty means every kind. */
  public record Endpoint(
      long id,
      String url,
      List<String> kinds,
      boolean active,
      @JsonProperty("disabled_reason") String disabledReason,
      @JsonProperty("created_at") Instant createdAt) {}

  /** A new endpoint with its secret, shown only in this answer. */
  public record Created(long id, String url, List<String> kinds, String secret) {}

  private static final String LOCK_USER = "SELECT 1 FROM pg_advisory_xact_lock(hashtext(:user_id))";

  private static final String COUNT_ACTIVE =
      "SELECT count(*) FROM webhook_endpoints WHERE user_id = :user_id AND active";

  private static final String INSERT =
      """
      INSERT INTO webhook_endpoints (user_id, url, kinds, secret, created_at)
      VALUES (:user_id, :url, :kinds, :secret, :now)
      RETURNING id
      """;

  private static final String LIST =
      """
      SELECT id, url, kinds, active, disabled_reason, created_at
      FROM webhook_endpoints
      WHERE user_id = :user_id
      ORDER BY id
      """;

  private static final String DELETE =
      "DELETE FROM webhook_endpoints WHERE id = :id AND user_id = :user_id";

  private static final String ACTIVE_OF_USER =
      "SELECT EXISTS (SELECT 1 FROM webhook_endpoints WHERE id = :id AND user_id = :user_id AND active)";

  private final Jdbi jdbi;
  private final WebhookUrlRule rule;
  private final Clock clock;

  public WebhookEndpoints(Jdbi jdbi, WebhookUrlRule rule, Clock clock) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.rule = Objects.requireNonNull(rule, "rule");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Adds an endpoint for {@code userId}.
   *
   * @param kinds the kinds it receives; empty for every kind
   * @throws InvalidAlertInputException naming {@code url} (a refused URL, with the rule) or {@code
   *     kinds}, or {@code url} when the user already has {@value #MAX_PER_USER} endpoints; nothing
   *     is written
   */
  public Created add(String userId, String url, Set<NotificationKind> kinds) {
    rule.check(url);
    List<String> names =
        NotificationKind.EVENTS.stream()
            .filter(kinds::contains)
            .map(NotificationKind::wire)
            .toList();
    String secret = WebhookSignature.newSecret();
    long id =
        jdbi.inTransaction(
            h -> {
              h.createQuery(LOCK_USER).bind("user_id", userId).mapTo(Integer.class).one();
              long active =
                  h.createQuery(COUNT_ACTIVE).bind("user_id", userId).mapTo(Long.class).one();
              if (active >= MAX_PER_USER) {
                throw new InvalidAlertInputException(
                    "url",
                    "you already have %d webhook endpoints, the most allowed; remove one first"
                        .formatted(MAX_PER_USER));
              }
              return h.createQuery(INSERT)
                  .bind("user_id", userId)
                  .bind("url", url)
                  .bindArray("kinds", String.class, names.isEmpty() ? null : names)
                  .bind("secret", secret)
                  .bind("now", Outbox.utc(clock.instant()))
                  .mapTo(Long.class)
                  .one();
            });
    return new Created(id, url, names, secret);
  }

  /** {@code userId}'s endpoints, oldest first, without secrets. */
  public List<Endpoint> list(String userId) {
    return jdbi.withHandle(
        h -> h.createQuery(LIST).bind("user_id", userId).map((rs, ctx) -> endpoint(rs)).list());
  }

  /** Removes one of {@code userId}'s endpoints (and its pending deliveries); false if none. */
  public boolean remove(String userId, long id) {
    return jdbi.withHandle(
            h -> h.createUpdate(DELETE).bind("id", id).bind("user_id", userId).execute())
        > 0;
  }

  /**
   * Queues a {@code webhook.test} delivery to one of {@code userId}'s active endpoints.
   *
   * @return the delivery's id, or empty when the user has no such active endpoint
   */
  public Optional<Long> test(String userId, long id) {
    Instant now = clock.instant();
    return jdbi.inTransaction(
        h -> {
          boolean mine =
              h.createQuery(ACTIVE_OF_USER)
                  .bind("id", id)
                  .bind("user_id", userId)
                  .mapTo(Boolean.class)
                  .one();
          if (!mine) {
            return Optional.empty();
          }
          ObjectNode data = JsonNodeFactory.instance.objectNode();
          data.putNull("symbol");
          data.putNull("notification_id");
          data.put("endpoint_id", id);
          data.put("message", "a test event from SwiftBolt; your endpoint receives and verifies");
          String body = WebhookOutbox.body(NotificationKind.WEBHOOK_TEST, now, data);
          return WebhookOutbox.queue(
              h, id, Optional.empty(), userId, NotificationKind.WEBHOOK_TEST, body, now);
        });
  }

  private static Endpoint endpoint(ResultSet rs) throws SQLException {
    Array kinds = rs.getArray("kinds");
    List<String> names = new ArrayList<>();
    if (kinds != null) {
      for (Object o : (Object[]) kinds.getArray()) {
        names.add(o.toString());
      }
    }
    return new Endpoint(
        rs.getLong("id"),
        rs.getString("url"),
        names,
        rs.getBoolean("active"),
        rs.getString("disabled_reason"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
