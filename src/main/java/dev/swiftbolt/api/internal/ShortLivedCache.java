package dev.swiftbolt.api.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers each key's value for a short time so that hot read routes (the app polling a symbol's
 * prediction, load balancers polling health) cost one database read per key per {@code ttl} instead
 * of one per request. A value is served at most {@code ttl} after it was loaded, by the injected
 * clock. Concurrent misses of one key may load it more than once (harmless: loads are reads).
 * Thread-safe.
 */
final class ShortLivedCache<K, V> {

  private record Entry<V>(V value, Instant loadedAt) {}

  private final Duration ttl;
  private final Clock clock;
  private final int maxEntries;
  private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

  /**
   * @param ttl how long a loaded value is served; positive
   * @param maxEntries the map is cleared when it grows beyond this (keys are validated symbols, so
   *     this only bounds memory against misuse)
   */
  public ShortLivedCache(Duration ttl, Clock clock, int maxEntries) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, got " + ttl);
    }
    this.ttl = ttl;
    this.clock = clock;
    this.maxEntries = maxEntries;
  }

  /** The cached value of {@code key}, or a fresh one from {@code loader} when absent or too old. */
  public V get(K key, Function<K, V> loader) {
    Instant now = clock.instant();
    Entry<V> entry = entries.get(key);
    if (entry != null && now.isBefore(entry.loadedAt().plus(ttl))) {
      return entry.value();
    }
    V value = loader.apply(key);
    if (entries.size() >= maxEntries) {
      entries.clear();
    }
    entries.put(key, new Entry<>(value, now));
    return value;
  }
}
