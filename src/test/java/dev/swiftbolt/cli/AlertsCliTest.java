package dev.swiftbolt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.cli.CliRun.Result;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code swiftbolt notifications} and {@code swiftbolt webhooks} end to end. */
class AlertsCliTest {

  @TempDir static Path home;

  private static Result run(String... args) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("SWIFTBOLT_WEBHOOK_ALLOW_PRIVATE", "true");
    return CliRun.run(env, home, args);
  }

  @Test
  void settings_print_defaults_change_and_refuse_bad_values_with_exit_2() {
    Result defaults = run("notifications", "settings", "alice", "--json");
    assertThat(defaults.exitCode()).as(defaults.err()).isZero();
    assertThat(defaults.out())
        .contains("\"confidence_threshold\":0.5")
        .contains("\"cooldown_seconds\":21600");

    Result saved =
        run(
            "notifications",
            "settings",
            "alice",
            "--kinds",
            "direction.changed,drift.detected",
            "--threshold",
            "0.6",
            "--cooldown",
            "30m");
    assertThat(saved.exitCode()).as(saved.err()).isZero();
    assertThat(saved.out())
        .contains("(saved)")
        .contains("direction.changed, drift.detected")
        .contains("0.60")
        .contains("30m");

    Result badKind = run("notifications", "settings", "alice", "--kinds", "price.moved");
    assertThat(badKind.exitCode()).isEqualTo(2);
    assertThat(badKind.err()).contains("unknown kind 'price.moved' in --kinds");
    assertThat(run("notifications", "settings", "alice", "--threshold", "1.5").exitCode())
        .isEqualTo(2);
    Result shortCooldown = run("notifications", "settings", "alice", "--cooldown", "59s");
    assertThat(shortCooldown.exitCode()).isEqualTo(2);
    assertThat(shortCooldown.err()).contains("at least one minute");
    assertThat(run("notifications", "settings", "alice", "--json").out())
        .contains("\"cooldown_seconds\":1800");
  }

  @Test
  void the_feed_of_a_user_without_notifications_says_so() {
    Result r = run("notifications", "nobody");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("No notifications for nobody.");
    assertThat(run("notifications", "nobody", "--unread", "--json").out()).isEmpty();
  }

  @Test
  void webhooks_add_list_test_deliveries_remove() {
    Result added =
        run("webhooks", "add", "carol", "http://127.0.0.1:9/hook", "--kinds", "job.failed");
    assertThat(added.exitCode()).as(added.err()).isZero();
    assertThat(added.out()).contains("Secret (shown only now): whsec_");
    String id = added.out().replaceAll("(?s)^Added webhook (\\d+).*", "$1");

    Result list = run("webhooks", "list", "carol");
    assertThat(list.out()).contains("http://127.0.0.1:9/hook").contains("job.failed");
    assertThat(list.out()).doesNotContain("whsec_");

    Result test = run("webhooks", "test", "carol", id);
    assertThat(test.exitCode()).as(test.err()).isZero();
    Result deliveries = run("webhooks", "deliveries", "carol", "--json");
    assertThat(deliveries.out())
        .contains("\"type\":\"webhook.test\"")
        .contains("\"status\":\"pending\"")
        .contains("\"webhook_id\":\"msg_");

    Result someoneElse = run("webhooks", "remove", "dave", id);
    assertThat(someoneElse.exitCode()).isEqualTo(2);
    assertThat(someoneElse.err()).contains("dave has no webhook " + id);
    assertThat(run("webhooks", "remove", "carol", id).exitCode()).isZero();
    assertThat(run("webhooks", "list", "carol").out()).contains("carol has no webhooks");
  }

  @Test
  void a_private_address_is_refused_without_the_development_switch() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("SWIFTBOLT_WEBHOOK_ALLOW_PRIVATE");
    Result r = CliRun.run(env, home, "webhooks", "add", "erin", "https://127.0.0.1/hook");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("loopback").contains("SWIFTBOLT_WEBHOOK_ALLOW_PRIVATE=true");
  }
}
