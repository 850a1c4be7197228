package dev.swiftbolt.cli;

import dev.swiftbolt.alerts.NotificationKind;
import dev.swiftbolt.alerts.NotificationSettings;
import dev.swiftbolt.alerts.WebhookDeliveries;
import dev.swiftbolt.alerts.WebhookEndpoints;
import dev.swiftbolt.config.Json;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code swiftbolt webhooks add | list | remove | test | deliveries}. */
@Command(
    name = "webhooks",
    mixinStandardHelpOptions = true,
    description = {
      "Manage a user's signed webhook endpoints and see their deliveries.",
      "Each notification is POSTed to every matching endpoint through the job queue, signed as the Standard Webhooks specification says (webhook-id, webhook-timestamp, webhook-signature); see docs/alerts.md."
    },
    subcommands = {
      WebhooksCommand.Add.class,
      WebhooksCommand.ListEndpoints.class,
      WebhooksCommand.Remove.class,
      WebhooksCommand.Test.class,
      WebhooksCommand.Deliveries.class
    })
final class WebhooksCommand extends CommandGroup {

  WebhookEndpoints endpoints() {
    return NotificationsCommand.alerts(main).webhooks();
  }

  /** A subcommand about one user's webhooks: its first positional parameter is {@code USER}. */
  abstract static class UserSubcommand implements Callable<Integer> {
    @ParentCommand WebhooksCommand group;

    @Parameters(index = "0", paramLabel = "USER", description = "The user id (a token's sub)")
    String user;
  }

  /** A subcommand about one of a user's endpoints: {@code USER ID}. */
  abstract static class EndpointSubcommand extends UserSubcommand {
    @Parameters(index = "1", paramLabel = "ID", description = "The endpoint's id")
    long id;
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Add a webhook endpoint for USER and print its secret, shown only now.",
        "The URL must be https and must not resolve to a loopback or private address unless SWIFTBOLT_WEBHOOK_ALLOW_PRIVATE=true (which also allows http)."
      })
  static final class Add extends UserSubcommand {

    @Parameters(index = "1", paramLabel = "URL", description = "Where events are POSTed")
    String url;

    @Option(
        names = "--kinds",
        paramLabel = "LIST",
        description = "Comma-separated kinds to send (default every kind)")
    String kinds;

    @Option(names = "--json", description = "One JSON object with id, url, kinds and secret")
    boolean json;

    @Override
    public Integer call() throws Exception {
      Set<NotificationKind> selected =
          kinds == null
              ? Set.of()
              : NotificationSettings.parseKinds("--kinds", Arrays.asList(kinds.split(",")));
      WebhookEndpoints.Created created = group.endpoints().add(user, url, selected);
      if (json) {
        System.out.println(Json.mapper().writeValueAsString(created));
        return 0;
      }
      System.out.printf(
          "Added webhook %d for %s: %s (%s).%nSecret (shown only now): %s%n",
          created.id(),
          user,
          created.url(),
          created.kinds().isEmpty() ? "every kind" : String.join(", ", created.kinds()),
          created.secret());
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List USER's webhook endpoints (never their secrets).")
  static final class ListEndpoints extends UserSubcommand {

    @Option(names = "--json", description = "One JSON array, snake_case")
    boolean json;

    @Override
    public Integer call() throws Exception {
      List<WebhookEndpoints.Endpoint> all = group.endpoints().list(user);
      if (json) {
        System.out.println(Json.mapper().writeValueAsString(all));
        return 0;
      }
      if (all.isEmpty()) {
        System.out.println(
            "%s has no webhooks. Add one: swiftbolt webhooks add %s https://…"
                .formatted(user, user));
        return 0;
      }
      for (WebhookEndpoints.Endpoint e : all) {
        System.out.printf(
            "%-6d %-8s %s (%s)%s%n",
            e.id(),
            e.active() ? "active" : "disabled",
            e.url(),
            e.kinds().isEmpty() ? "every kind" : String.join(", ", e.kinds()),
            e.disabledReason() == null ? "" : ": " + e.disabledReason());
      }
      return 0;
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Remove one of USER's webhook endpoints and its pending deliveries.")
  static final class Remove extends EndpointSubcommand {

    @Override
    public Integer call() {
      if (!group.endpoints().remove(user, id)) {
        throw new IllegalArgumentException(
            "%s has no webhook %d; see `swiftbolt webhooks list %s`".formatted(user, id, user));
      }
      System.out.printf("Removed webhook %d of %s.%n", id, user);
      return 0;
    }
  }

  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description = {
        "Queue a webhook.test event to one of USER's endpoints.",
        "A worker (`swiftbolt worker` or `serve`) delivers it; `webhooks deliveries USER` shows the outcome."
      })
  static final class Test extends EndpointSubcommand {

    @Override
    public Integer call() {
      long delivery =
          group
              .endpoints()
              .test(user, id)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "%s has no active webhook %d; see `swiftbolt webhooks list %s`"
                              .formatted(user, id, user)));
      System.out.printf("Queued webhook.test delivery %d to webhook %d.%n", delivery, id);
      return 0;
    }
  }

  @Command(
      name = "deliveries",
      mixinStandardHelpOptions = true,
      description = "List USER's latest webhook deliveries with their attempts and last outcome.")
  static final class Deliveries extends UserSubcommand {

    @Option(names = "--limit", paramLabel = "N", description = "At most N (default 50)")
    int limit = 50;

    @Option(names = "--json", description = "JSON Lines: one delivery per line, snake_case")
    boolean json;

    @Override
    public Integer call() throws Exception {
      if (limit < 1 || limit > 1000) {
        throw new IllegalArgumentException("--limit must be between 1 and 1000; got " + limit);
      }
      List<WebhookDeliveries.View> all =
          NotificationsCommand.alerts(group.main).deliveries().list(user, limit);
      if (json) {
        for (WebhookDeliveries.View d : all) {
          System.out.println(Json.mapper().writeValueAsString(d));
        }
        return 0;
      }
      if (all.isEmpty()) {
        System.out.println("No webhook deliveries for %s.".formatted(user));
        return 0;
      }
      for (WebhookDeliveries.View d : all) {
        System.out.printf(
            "%-6d webhook %-4d %-18s %-9s attempts=%d last=%s%s%n",
            d.id(),
            d.endpointId(),
            d.type(),
            d.status(),
            d.attempts(),
            d.lastStatusCode() == null ? "-" : d.lastStatusCode(),
            d.lastError() == null
                ? ""
                : " ("
                    + d.lastError()
                    + ")"
                    + (d.nextAttemptAt() == null ? "" : " next " + d.nextAttemptAt()));
      }
      return 0;
    }
  }
}
