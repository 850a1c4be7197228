package dev.swiftbolt.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.swiftbolt.jobs.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** One log line per reason per minute, with the count; every refusal counted. */
class RefusalsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Refusals refusals = new Refusals(registry, clock);
  private final Logger logger = (Logger) LoggerFactory.getLogger(Refusals.class);
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  @BeforeEach
  void capture() {
    lines.start();
    logger.addAppender(lines);
  }

  @AfterEach
  void release() {
    logger.detachAppender(lines);
  }

  private List<String> messages() {
    return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void the_first_refusal_is_logged_the_rest_of_the_minute_only_counted() {
    refusals.refused("body_too_large", "POST /a");
    for (int i = 0; i < 999; i++) {
      refusals.refused("body_too_large", "POST /b");
    }
    assertThat(messages()).hasSize(1);
    assertThat(messages().get(0)).startsWith("refused 1 request(s) as body_too_large");
    assertThat(registry.counter("swiftbolt.http.refused", "reason", "body_too_large").count())
        .isEqualTo(1000.0);
  }

  @Test
  void the_next_line_comes_a_minute_later_with_the_count_since_the_last() {
    refusals.refused("bad_request", "x");
    clock.advance(Duration.ofSeconds(59));
    refusals.refused("bad_request", "y");
    refusals.refused("bad_request", "z");
    assertThat(messages()).hasSize(1);
    clock.advance(Duration.ofSeconds(1));
    refusals.refused("bad_request", "latest");
    assertThat(messages()).hasSize(2);
    // y, z and this one: three since the first line
    assertThat(messages().get(1))
        .startsWith("refused 3 request(s) as bad_request")
        .endsWith("latest: latest");
  }

  @Test
  void each_reason_has_its_own_minute() {
    refusals.refused("bad_request", "x");
    refusals.refused("headers_too_large", "y");
    refusals.refused("bad_request", "x");
    assertThat(messages()).hasSize(2);
  }
}
