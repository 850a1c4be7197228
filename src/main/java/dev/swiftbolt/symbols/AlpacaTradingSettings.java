package dev.swiftbolt.symbols;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration of the Alpaca trading API client that reads the asset list.
 *
 * @param baseUrl {@code APCA_API_BASE_URL}, default {@value #DEFAULT_BASE_URL} (paper keys; live
 *     keys use {@code https://api.alpaca.markets})
 * @param keyId {@code APCA_API_KEY_ID}, the same key as the market-data API
 * @param secretKey {@code APCA_API_SECRET_KEY}
 * @param maxAttempts attempts per request for HTTP 429, 5xx and network errors; default 4
 * @param initialBackoff first retry wait, doubled each retry with ±50 % jitter; default 500 ms
 * @param requestTimeout per-request timeout; default 60 s (the full list is several megabytes)
 */
public record AlpacaTradingSettings(
    URI baseUrl,
    String keyId,
    String secretKey,
    int maxAttempts,
    Duration initialBackoff,
    Duration requestTimeout) {

  public static final String DEFAULT_BASE_URL = "https://paper-api.alpaca.markets";

  public AlpacaTradingSettings {
    if (baseUrl == null || !baseUrl.isAbsolute()) {
      throw new IllegalArgumentException(
          "APCA_API_BASE_URL must be an absolute URL such as %s, got %s"
              .formatted(DEFAULT_BASE_URL, baseUrl));
    }
    if (keyId == null || keyId.isBlank() || secretKey == null || secretKey.isBlank()) {
      throw new IllegalArgumentException(
          "APCA_API_KEY_ID and APCA_API_SECRET_KEY must both be set");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
  }

  /** Settings with the defaults above. */
  public static AlpacaTradingSettings of(URI baseUrl, String keyId, String secretKey) {
    return new AlpacaTradingSettings(
        baseUrl, keyId, secretKey, 4, Duration.ofMillis(500), Duration.ofSeconds(60));
  }

  /**
   * Settings from {@code APCA_API_BASE_URL}, {@code APCA_API_KEY_ID} and {@code
   * APCA_API_SECRET_KEY}; empty when either key is unset or blank.
   *
   * @throws IllegalArgumentException when {@code APCA_API_BASE_URL} is not an absolute URL
   */
  public static Optional<AlpacaTradingSettings> fromEnvironment(Map<String, String> env) {
    String key = env.getOrDefault("APCA_API_KEY_ID", "").trim();
    String secret = env.getOrDefault("APCA_API_SECRET_KEY", "").trim();
    if (key.isEmpty() || secret.isEmpty()) {
      return Optional.empty();
    }
    String url = env.getOrDefault("APCA_API_BASE_URL", "").trim();
    URI base;
    try {
      base = URI.create(url.isEmpty() ? DEFAULT_BASE_URL : url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "APCA_API_BASE_URL must be an absolute URL such as %s, got '%s'"
              .formatted(DEFAULT_BASE_URL, url),
          e);
    }
    return Optional.of(of(base, key, secret));
  }

  /** These settings with other retry waits (tests keep them tiny). */
  public AlpacaTradingSettings withBackoff(Duration initial) {
    return new AlpacaTradingSettings(
        baseUrl, keyId, secretKey, maxAttempts, initial, requestTimeout);
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "AlpacaTradingSettings[baseUrl=" + baseUrl + ", keyId=" + keyId + "]";
  }
}
