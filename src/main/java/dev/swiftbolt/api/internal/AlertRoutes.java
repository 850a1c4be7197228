package dev.swiftbolt.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swiftbolt.alerts.Alerts;
import dev.swiftbolt.alerts.InvalidAlertInputException;
import dev.swiftbolt.alerts.NotificationFeed;
import dev.swiftbolt.alerts.NotificationKind;
import dev.swiftbolt.alerts.NotificationSettings;
import dev.swiftbolt.alerts.WebhookEndpoints;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The caller's notification feed, settings and webhook endpoints. Every handler acts for {@link
 * Access#user}: a user never sees or changes another's notifications, settings or endpoints. Bad
 * input is a 400 naming the field, and nothing is written.
 */
public final class AlertRoutes {

  private final NotificationFeed feed;
  private final WebhookEndpoints webhooks;

  public AlertRoutes(Alerts alerts) {
    this.feed = alerts.feed();
    this.webhooks = alerts.webhooks();
  }

  /** {@code GET /api/v1/notification-settings}. */
  public void settings(Context ctx) {
    ctx.json(settingsJson(feed.settings(Access.user(ctx))));
  }

  /**
   * {@code PUT /api/v1/notification-settings {"kinds"?, "confidence_threshold"?,
   * "cooldown_seconds"?}}: the fields given replace the current values.
   */
  public void putSettings(Context ctx) {
    JsonNode body = Bodies.object(ctx, Set.of("kinds", "confidence_threshold", "cooldown_seconds"));
    String user = Access.user(ctx);
    NotificationSettings settings = feed.settings(user);
    try {
      if (body.has("kinds")) {
        settings =
            settings.withKinds(NotificationSettings.parseKinds("kinds", texts(body, "kinds")));
      }
      if (body.has("confidence_threshold")) {
        JsonNode t = body.get("confidence_threshold");
        if (!t.isNumber()) {
          throw ApiException.badRequest(
              "invalid_field", "confidence_threshold", "confidence_threshold must be a number");
        }
        settings = settings.withThreshold(t.asDouble());
      }
      if (body.has("cooldown_seconds")) {
        JsonNode c = body.get("cooldown_seconds");
        if (!c.canConvertToLong() || !c.isIntegralNumber()) {
          throw ApiException.badRequest(
              "invalid_field", "cooldown_seconds", "cooldown_seconds must be an integer");
        }
        if (c.asLong() < NotificationSettings.MIN_COOLDOWN.toSeconds()) {
          throw ApiException.badRequest(
              "invalid_field",
              "cooldown_seconds",
              "cooldown_seconds must be at least 60 (one minute); got %d".formatted(c.asLong()));
        }
        settings = settings.withCooldown(Duration.ofSeconds(c.asLong()));
      }
    } catch (InvalidAlertInputException e) {
      throw invalid(e);
    }
    feed.saveSettings(user, settings);
    ctx.json(settingsJson(settings));
  }

  /** {@code GET /api/v1/notifications?after_id=&limit=&unread=}: newest first. */
  public void list(Context ctx) {
    String user = Access.user(ctx);
    long afterId = Params.intParam(ctx, "after_id", 0, 0, Integer.MAX_VALUE);
    int limit = Params.intParam(ctx, "limit", 50, 1, NotificationFeed.MAX_LIMIT);
    boolean unread = bool(ctx, "unread");
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("notifications", feed.page(user, afterId, limit, unread));
    answer.put("unread_count", feed.unreadCount(user));
    ctx.json(answer);
  }

  /** {@code POST /api/v1/notifications/read {"ids": [...]} or {"up_to_id": N}}. */
  public void markRead(Context ctx) {
    JsonNode body = Bodies.object(ctx, Set.of("ids", "up_to_id"));
    String user = Access.user(ctx);
    if (body.has("ids") == body.has("up_to_id")) {
      throw ApiException.badRequest(
          "missing_field", "ids", "give exactly one of ids (a list of ids) or up_to_id");
    }
    int marked;
    if (body.has("ids")) {
      JsonNode ids = body.get("ids");
      if (!ids.isArray() || ids.size() > 1000) {
        throw ApiException.badRequest(
            "invalid_field", "ids", "ids must be a list of at most 1000 notification ids");
      }
      List<Long> list = new ArrayList<>();
      for (JsonNode id : ids) {
        if (!id.isIntegralNumber() || !id.canConvertToLong()) {
          throw ApiException.badRequest("invalid_field", "ids", "ids must hold integers only");
        }
        list.add(id.asLong());
      }
      marked = feed.markRead(user, list);
    } else {
      JsonNode upTo = body.get("up_to_id");
      if (!upTo.isIntegralNumber() || !upTo.canConvertToLong()) {
        throw ApiException.badRequest("invalid_field", "up_to_id", "up_to_id must be an integer");
      }
      marked = feed.markReadUpTo(user, upTo.asLong());
    }
    ctx.json(Map.of("marked", marked, "unread_count", feed.unreadCount(user)));
  }

  /** {@code POST /api/v1/webhooks {"url", "kinds"?}}: 201 with the secret, shown only here. */
  public void addWebhook(Context ctx) {
    JsonNode body = Bodies.object(ctx, Set.of("url", "kinds"));
    String url = Bodies.text(body, "url");
    WebhookEndpoints.Created created;
    try {
      Set<NotificationKind> kinds =
          body.has("kinds")
              ? NotificationSettings.parseKinds("kinds", texts(body, "kinds"))
              : Set.of();
      created = webhooks.add(Access.user(ctx), url, kinds);
    } catch (InvalidAlertInputException e) {
      throw invalid(e);
    }
    ctx.status(201).json(created);
  }

  /** {@code GET /api/v1/webhooks}: without secrets. */
  public void listWebhooks(Context ctx) {
    ctx.json(Map.of("webhooks", webhooks.list(Access.user(ctx))));
  }

  /** {@code DELETE /api/v1/webhooks/{id}}. */
  public void removeWebhook(Context ctx) {
    long id = webhookId(ctx);
    if (!webhooks.remove(Access.user(ctx), id)) {
      throw ApiException.notFound("unknown_webhook", "id", "you have no webhook " + id);
    }
    ctx.json(Map.of("message", "Removed webhook " + id, "id", id));
  }

  /** {@code POST /api/v1/webhooks/{id}/test}: 202, a {@code webhook.test} delivery queued. */
  public void testWebhook(Context ctx) {
    long id = webhookId(ctx);
    long delivery =
        webhooks
            .test(Access.user(ctx), id)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "unknown_webhook", "id", "you have no active webhook " + id));
    ctx.status(202)
        .json(
            Map.of(
                "message",
                "a webhook.test event is queued for webhook " + id,
                "delivery_id",
                delivery));
  }

  private static long webhookId(Context ctx) {
    String raw = ctx.pathParam("id");
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "invalid_parameter", "id", "id must be an integer, got '" + Params.printable(raw) + "'");
    }
  }

  private static Map<String, Object> settingsJson(NotificationSettings s) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kinds", s.kindNames());
    json.put("confidence_threshold", s.confidenceThreshold());
    json.put("cooldown_seconds", s.cooldown().toSeconds());
    return json;
  }

  private static List<String> texts(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (!node.isArray() || node.size() > 20) {
      throw ApiException.badRequest(
          "invalid_field", field, field + " must be a list of at most 20 kind names");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode n : node) {
      if (!n.isTextual()) {
        throw ApiException.badRequest("invalid_field", field, field + " must hold strings only");
      }
      values.add(n.asText());
    }
    return values;
  }

  private static boolean bool(Context ctx, String name) {
    Optional<String> raw = Params.query(ctx, name);
    if (raw.isEmpty()) {
      return false;
    }
    return switch (raw.get()) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default ->
          throw ApiException.badRequest(
              "invalid_parameter",
              name,
              name + " must be true or false, got '" + Params.printable(raw.get()) + "'");
    };
  }

  private static ApiException invalid(InvalidAlertInputException e) {
    return ApiException.badRequest("invalid_field", e.field(), e.getMessage());
  }
}
