package dev.swiftbolt.alerts;

import dev.swiftbolt.jobs.Job;
import dev.swiftbolt.jobs.JobContext;
import dev.swiftbolt.jobs.JobHandler;
import dev.swiftbolt.jobs.JobOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@value WebhookOutbox#JOB_TYPE} job: one attempt of one delivery. It POSTs the delivery's
 * fixed body with the Standard Webhooks headers ({@code webhook-id} the same on every attempt,
 * {@code webhook-timestamp} of this attempt, {@code webhook-signature}), follows no redirect and
 * gives up after 10 s. A 2xx delivers; a 410 disables the endpoint; anything else is recorded and
 * the next attempt is queued as a follow-up job due at {@link RetrySchedule#next} (so it is
 * inserted with this job's success, and a worker's crash loses nothing: the job runs again after
 * its lease, under the same {@code webhook-id}). After the last attempt the delivery is dead.
 *
 * <p>The job itself succeeds whenever the attempt was recorded; it fails (and is retried by the
 * queue) only when the database could not be read or written. Thread-safe.
 */
public final class WebhookDeliveryHandler implements JobHandler {

  private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryHandler.class);

  /** Longest wait for a receiver's answer. */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final WebhookDeliveries deliveries;
  private final WebhookUrlRule rule;
  private final HttpClient http;

  public WebhookDeliveryHandler(Jdbi jdbi, WebhookUrlRule rule) {
    this.deliveries = new WebhookDeliveries(jdbi);
    this.rule = Objects.requireNonNull(rule, "rule");
    this.http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();
  }

  @Override
  public JobOutcome handle(Job job, JobContext context) {
    long id = job.payload().path("delivery_id").asLong(-1);
    Optional<WebhookDeliveries.Pending> found = deliveries.pending(id);
    if (found.isEmpty()) {
      return JobOutcome.success(); // delivered, dead or disabled already: nothing to send
    }
    WebhookDeliveries.Pending d = found.get();
    Instant now = context.clock().instant();
    if (!d.endpointActive()) {
      deliveries.disable(d, "the endpoint was disabled or removed", now);
      return JobOutcome.success();
    }
    Attempt attempt = send(d, now);
    int attempts = d.attempts() + 1;
    if (attempt.status() >= 200 && attempt.status() < 300) {
      deliveries.delivered(d, attempts, attempt.status(), now);
    } else if (attempt.status() == 410) {
      deliveries.gone(d, attempts, now);
    } else {
      Optional<Instant> next = RetrySchedule.next(attempts, now, attempt.retryAfter());
      deliveries.failed(d, attempts, attempt, next, now);
      next.ifPresent(at -> context.enqueue(WebhookOutbox.job(d.id(), d.userId(), at)));
      log.info(
          "Webhook delivery {} attempt {} failed ({}); {}",
          d.id(),
          attempts,
          attempt.describe(),
          next.map(at -> "next at " + at).orElse("dead"));
    }
    return JobOutcome.success();
  }

  /** What one attempt got: an HTTP status (0 when none) and the error, if any. */
  record Attempt(int status, Optional<String> error, Optional<String> retryAfter) {
    String describe() {
      return error.orElse("HTTP " + status);
    }
  }

  private Attempt send(WebhookDeliveries.Pending d, Instant now) {
    URI uri;
    try {
      uri = rule.check(d.url());
    } catch (InvalidAlertInputException e) {
      return new Attempt(0, Optional.of("refused: " + e.getMessage()), Optional.empty());
    }
    long timestamp = now.getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("webhook-id", d.messageId())
            .header("webhook-timestamp", Long.toString(timestamp))
            .header(
                "webhook-signature",
                WebhookSignature.sign(d.secret(), d.messageId(), timestamp, d.body()))
            .header("User-Agent", "SwiftBolt-Webhooks/1")
            .POST(HttpRequest.BodyPublishers.ofString(d.body()))
            .build();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      Optional<String> error =
          status >= 200 && status < 300
              ? Optional.empty()
              : Optional.of(
                  status >= 300 && status < 400
                      ? "HTTP %d: redirects are not followed".formatted(status)
                      : "HTTP %d".formatted(status));
      return new Attempt(status, error, response.headers().firstValue("Retry-After"));
    } catch (HttpTimeoutException e) {
      return new Attempt(
          0, Optional.of("no answer within %d s".formatted(TIMEOUT.toSeconds())), Optional.empty());
    } catch (IOException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Attempt(0, Optional.of("connection failed: " + message), Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Attempt(0, Optional.of("interrupted (worker stopping)"), Optional.empty());
    }
  }
}
