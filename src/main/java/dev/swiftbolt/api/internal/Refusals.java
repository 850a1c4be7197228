package dev.swiftbolt.api.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests refused before a handler (oversized, malformed, over a limit): each is counted in {@code
 * swiftbolt_http_refused_total{reason}}, and logged at most once per {@link #LOG_EVERY} per reason
 * with the number refused since the last line, so a flood of bad requests cannot flood the log.
 * Thread-safe.
 */
public final class Refusals {

  /** At most one log line per reason in this period. */
  public static final Duration LOG_EVERY = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(Refusals.class);

  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public Refusals(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  /** One reason's log window: when it was last logged and how many were refused since. */
  private static final class Window {
    private Instant loggedAt = Instant.MIN;
    private long unlogged;
  }

  /**
   * Counts one refused request of kind {@code reason} (a snake_case error code); logs {@code
   * detail} (already made printable by the caller) when the reason was not logged within {@link
   * #LOG_EVERY}.
   */
  public void refused(String reason, String detail) {
    Counter.builder("swiftbolt.http.refused")
        .description("Requests refused before reaching a handler, by reason")
        .tag("reason", reason)
        .register(registry)
        .increment();
    Window window = windows.computeIfAbsent(reason, r -> new Window());
    long count;
    synchronized (window) {
      window.unlogged++;
      Instant now = clock.instant();
      if (window.loggedAt != Instant.MIN
          && Duration.between(window.loggedAt, now).compareTo(LOG_EVERY) < 0) {
        return;
      }
      count = window.unlogged;
      window.unlogged = 0;
      window.loggedAt = now;
    }
    log.warn(
        "refused {} request(s) as {} since the last such line (at most one a minute); latest: {}",
        count,
        reason,
        detail);
  }
}
