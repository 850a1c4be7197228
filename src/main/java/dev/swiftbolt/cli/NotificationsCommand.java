package dev.swiftbolt.cli;

import dev.swiftbolt.alerts.Alerts;
import dev.swiftbolt.alerts.NotificationFeed;
import dev.swiftbolt.alerts.NotificationSettings;
import dev.swiftbolt.config.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code swiftbolt notifications USER [--unread] [--json]} and {@code notifications settings}. */
@Command(
    name = "notifications",
    mixinStandardHelpOptions = true,
    description = {
      "Show USER's notifications, newest first.",
      "Events (prediction.ready, direction.changed, confidence.crossed, drift.detected, drift.cleared, model.retrained, data.stale, job.failed) are written when they happen for every user tracking the symbol; `notifications settings USER` chooses which."
    },
    subcommands = {NotificationsCommand.Settings.class})
final class NotificationsCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "USER",
      description = "The user id (a token's sub); required unless a subcommand is given")
  String user;

  @Option(names = "--unread", description = "Only notifications not yet read")
  boolean unread;

  @Option(names = "--limit", paramLabel = "N", description = "At most N (1-100, default 50)")
  int limit = 50;

  @Option(names = "--json", description = "JSON Lines: one notification per line, snake_case")
  boolean json;

  static Alerts alerts(Main main) {
    return Alerts.fromEnvironment(main.database().jdbi(), Clock.systemUTC(), main.environment());
  }

  @Override
  public Integer call() throws Exception {
    if (user == null) {
      throw new IllegalArgumentException(
          "USER is required: swiftbolt notifications USER [--unread] [--json]");
    }
    if (limit < 1 || limit > NotificationFeed.MAX_LIMIT) {
      throw new IllegalArgumentException("--limit must be between 1 and 100; got " + limit);
    }
    NotificationFeed feed = alerts(main).feed();
    List<NotificationFeed.Notification> page = feed.page(user, 0, limit, unread);
    if (json) {
      for (NotificationFeed.Notification n : page) {
        System.out.println(Json.mapper().writeValueAsString(n));
      }
      return 0;
    }
    if (page.isEmpty()) {
      System.out.println("No %snotifications for %s.".formatted(unread ? "unread " : "", user));
      return 0;
    }
    for (NotificationFeed.Notification n : page) {
      System.out.printf(
          "%-8d %s %s %-19s %s%n",
          n.id(), n.createdAt(), n.readAt() == null ? "•" : " ", n.kind(), n.title());
    }
    System.out.printf("%d unread.%n", feed.unreadCount(user));
    return 0;
  }

  /**
   * {@code swiftbolt notifications settings USER [--kinds LIST] [--threshold X] [--cooldown D]}.
   */
  @Command(
      name = "settings",
      mixinStandardHelpOptions = true,
      description = {
        "Show or change USER's notification settings.",
        "Without options it prints them; each option given replaces that setting (defaults: every kind, threshold 0.50, cooldown 6h)."
      })
  static final class Settings implements Callable<Integer> {

    @ParentCommand NotificationsCommand parent;

    @Parameters(index = "0", paramLabel = "USER", description = "The user id (a token's sub)")
    String user;

    @Option(
        names = "--kinds",
        paramLabel = "LIST",
        description = "Comma-separated kinds to receive, or `all`")
    String kinds;

    @Option(
        names = "--threshold",
        paramLabel = "X",
        description = "Unified confidence in [0, 1] whose crossing is an event")
    Double threshold;

    @Option(
        names = "--cooldown",
        paramLabel = "DURATION",
        description = "Quiet time per symbol and kind: 30m, 6h, 1d or PT6H; at least 1m")
    String cooldown;

    @Option(names = "--json", description = "One JSON object, snake_case")
    boolean json;

    @Override
    public Integer call() throws Exception {
      NotificationFeed feed = alerts(parent.main).feed();
      NotificationSettings settings = feed.settings(user);
      boolean changed = false;
      if (kinds != null) {
        settings =
            settings.withKinds(
                NotificationSettings.parseKinds("--kinds", Arrays.asList(kinds.split(","))));
        changed = true;
      }
      if (threshold != null) {
        settings = settings.withThreshold(threshold);
        changed = true;
      }
      if (cooldown != null) {
        Duration d = NotificationSettings.parseCooldown("--cooldown", cooldown);
        settings = settings.withCooldown(d);
        changed = true;
      }
      if (changed) {
        feed.saveSettings(user, settings);
      }
      if (json) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kinds", settings.kindNames());
        out.put("confidence_threshold", settings.confidenceThreshold());
        out.put("cooldown_seconds", settings.cooldown().toSeconds());
        System.out.println(Json.mapper().writeValueAsString(out));
        return 0;
      }
      System.out.printf(
          "%s's notification settings%s:%n  kinds:     %s%n  threshold: %.2f%n  cooldown:  %s%n",
          user,
          changed ? " (saved)" : "",
          String.join(", ", settings.kindNames()),
          settings.confidenceThreshold(),
          describe(settings.cooldown()));
      return 0;
    }

    private static String describe(Duration d) {
      return d.toSeconds() % 3600 == 0
          ? d.toHours() + "h"
          : d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }
  }
}
