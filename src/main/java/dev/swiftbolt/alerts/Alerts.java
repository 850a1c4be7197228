package dev.swiftbolt.alerts;

import dev.swiftbolt.jobs.JobDeathListener;
import dev.swiftbolt.marketdata.TradingCalendar;
import dev.swiftbolt.ml.registry.ModelListener;
import dev.swiftbolt.predictions.PredictionListener;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * Alerts over one database: the outbox's listeners for the layers below (wired by {@code
 * pipelines}), the feed, the webhook endpoints and deliveries, and the delivery job's handler. One
 * per process; thread-safe.
 */
public final class Alerts {

  private final Jdbi jdbi;
  private final Clock clock;
  private final WebhookUrlRule rule;

  public Alerts(Jdbi jdbi, Clock clock, WebhookUrlRule rule) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  /**
   * Alerts with the URL rule of the environment ({@value WebhookUrlRule#ALLOW_PRIVATE_VARIABLE}).
   *
   * @throws IllegalArgumentException naming the variable when its value is not true or false
   */
  public static Alerts fromEnvironment(Jdbi jdbi, Clock clock, Map<String, String> env) {
    return new Alerts(jdbi, clock, WebhookUrlRule.fromEnvironment(env));
  }

  public PredictionListener predictions() {
    return new PredictionAlerts(clock);
  }

  public JobDeathListener jobDeaths() {
    return new JobFailureAlerts();
  }

  public ModelListener retraining() {
    return new RetrainAlerts(clock);
  }

  public StaleDataCheck staleData() {
    return new StaleDataCheck(jdbi, TradingCalendar.nyse());
  }

  public NotificationFeed feed() {
    return new NotificationFeed(jdbi, clock);
  }

  public WebhookEndpoints webhooks() {
    return new WebhookEndpoints(jdbi, rule, clock);
  }

  public WebhookDeliveries deliveries() {
    return new WebhookDeliveries(jdbi);
  }

  public WebhookDeliveryHandler deliveryHandler() {
    return new WebhookDeliveryHandler(jdbi, rule);
  }
}
