package dev.swiftbolt.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShortLivedCacheTest {

  /** A clock the test moves by hand. */
  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void a_value_is_served_until_just_before_the_ttl_and_reloaded_at_it() {
    MovableClock clock = new MovableClock();
    ShortLivedCache<String, Integer> cache =
        new ShortLivedCache<>(Duration.ofSeconds(1), clock, 100);
    AtomicInteger loads = new AtomicInteger();
    assertThat(cache.get("AAPL", k -> loads.incrementAndGet())).isEqualTo(1);
    clock.now = clock.now.plusMillis(999);
    assertThat(cache.get("AAPL", k -> loads.incrementAndGet())).isEqualTo(1);
    clock.now = clock.now.plusMillis(1);
    assertThat(cache.get("AAPL", k -> loads.incrementAndGet())).isEqualTo(2);
  }

  @Test
  void keys_are_cached_separately_and_the_map_is_bounded() {
    MovableClock clock = new MovableClock();
    ShortLivedCache<String, String> cache = new ShortLivedCache<>(Duration.ofSeconds(1), clock, 2);
    AtomicInteger loads = new AtomicInteger();
    cache.get("A", k -> k + loads.incrementAndGet());
    cache.get("B", k -> k + loads.incrementAndGet());
    assertThat(cache.get("A", k -> k + loads.incrementAndGet())).isEqualTo("A1");
    cache.get("C", k -> k + loads.incrementAndGet()); // full: cleared, then C stored
    assertThat(cache.get("A", k -> k + loads.incrementAndGet())).isEqualTo("A4");
  }
}
