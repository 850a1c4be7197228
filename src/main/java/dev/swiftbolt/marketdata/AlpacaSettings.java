package dev.swiftbolt.marketdata;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of the Alpaca market-data client.
 *
 * @param dataUrl base URL; {@code APCA_API_DATA_URL}, default {@code https://data.alpaca.markets}
 * @param keyId {@code APCA_API_KEY_ID}
 * @param secretKey {@code APCA_API_SECRET_KEY}
 * @param feed the {@code feed} of historical bars (anything that opened more than {@link
 *     #RECENT_WINDOW} ago), default {@code sip}: every plan, the free one included, gets SIP
 *     history; {@code APCA_DATA_FEED} overrides it
 * @param recentFeed the {@code feed} of bars of the last {@link #RECENT_WINDOW}, default {@code
 *     sip} falling back to {@code iex} once when Alpaca refuses it (a plan without SIP gets recent
 *     bars from IEX only); {@code APCA_DATA_FEED} overrides it too, without fallback
 * @param recentFallback whether a refused {@code recentFeed} falls back to {@code iex}: true unless
 *     {@code APCA_DATA_FEED} chose the feed
 * @param adjustment the {@code adjustment} parameter, default {@code split} (prices adjusted for
 *     splits only, so old bars keep their traded prices apart from splits)
 * @param pageLimit bars per page ({@code limit}), 1–10000, default 10000
 * @param requestsPerMinute rate-limiter budget, {@code APCA_RATE_LIMIT_PER_MIN}, default 200
 *     (Alpaca's free-plan budget; paid plans allow more)
 * @param maxAttempts attempts per request including the first, for HTTP 429, 5xx and network
 *     errors; default 5
 * @param initialBackoff first retry wait, doubled each retry with ±50 % jitter; default 500 ms
 * @param maxBackoff cap on any retry wait, including a server's {@code Retry-After}; default 60 s
 * @param requestTimeout per-request timeout, default 30 s
 */
public record AlpacaSettings(
    URI dataUrl,
    String keyId,
    String secretKey,
    String feed,
    String recentFeed,
    boolean recentFallback,
    String adjustment,
    int pageLimit,
    int requestsPerMinute,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration requestTimeout) {

  /** How far back "recent" bars reach: the free plan's SIP embargo. */
  public static final Duration RECENT_WINDOW = Duration.ofMinutes(15);

  /** The default feed: SIP, all US exchanges (history on every plan). */
  public static final String SIP = "sip";

  /** The feed recent bars fall back to on a plan without SIP: IEX, one exchange. */
  public static final String IEX = "iex";

  /** Default of {@code APCA_RATE_LIMIT_PER_MIN}. */
  public static final int DEFAULT_REQUESTS_PER_MINUTE = 200;

  /** Default base URL of Alpaca's market-data API. */
  public static final URI DEFAULT_DATA_URL = URI.create("https://data.alpaca.markets");

  public AlpacaSettings {
    Objects.requireNonNull(dataUrl, "dataUrl");
    requireText("APCA_API_KEY_ID", keyId);
    requireText("APCA_API_SECRET_KEY", secretKey);
    requireText("feed", feed);
    requireText("recentFeed", recentFeed);
    requireText("adjustment", adjustment);
    if (pageLimit < 1 || pageLimit > 10_000) {
      throw new IllegalArgumentException("pageLimit must lie in [1, 10000], got " + pageLimit);
    }
    if (requestsPerMinute < 1) {
      throw new IllegalArgumentException(
          "requestsPerMinute must be positive, got " + requestsPerMinute);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    requirePositive("initialBackoff", initialBackoff);
    requirePositive("maxBackoff", maxBackoff);
    requirePositive("requestTimeout", requestTimeout);
  }

  /** Settings with the defaults above for the given base URL and keys. */
  public static AlpacaSettings of(URI dataUrl, String keyId, String secretKey) {
    return new AlpacaSettings(
        dataUrl,
        keyId,
        secretKey,
        SIP,
        SIP,
        true,
        "split",
        10_000,
        DEFAULT_REQUESTS_PER_MINUTE,
        5,
        Duration.ofMillis(500),
        Duration.ofSeconds(60),
        Duration.ofSeconds(30));
  }

  /**
   * Settings from environment variables, or empty when {@code APCA_API_KEY_ID} or {@code
   * APCA_API_SECRET_KEY} is unset or blank.
   *
   * @throws IllegalArgumentException when {@code APCA_API_DATA_URL} is not an absolute URL
   */
  public static Optional<AlpacaSettings> fromEnvironment(Map<String, String> env) {
    String key = env.getOrDefault("APCA_API_KEY_ID", "");
    String secret = env.getOrDefault("APCA_API_SECRET_KEY", "");
    if (key.isBlank() || secret.isBlank()) {
      return Optional.empty();
    }
    URI url = DEFAULT_DATA_URL;
    String configured = env.getOrDefault("APCA_API_DATA_URL", "");
    if (!configured.isBlank()) {
      url = URI.create(configured.trim());
      if (!url.isAbsolute()) {
        throw new IllegalArgumentException(
            "APCA_API_DATA_URL must be an absolute URL such as https://data.alpaca.markets, got "
                + configured);
      }
    }
    AlpacaSettings settings = of(url, key.trim(), secret.trim());
    String feed = env.getOrDefault("APCA_DATA_FEED", "");
    if (!feed.isBlank()) {
      settings = settings.withFeed(feed.trim());
    }
    String rate = env.getOrDefault("APCA_RATE_LIMIT_PER_MIN", "");
    if (!rate.isBlank()) {
      int perMinute;
      try {
        perMinute = Integer.parseInt(rate.trim());
      } catch (NumberFormatException e) {
        perMinute = 0;
      }
      if (perMinute < 1 || perMinute > 100_000) {
        throw new IllegalArgumentException(
            "APCA_RATE_LIMIT_PER_MIN must be a whole number of requests per minute between 1 and 100000 (default %d), got '%s'"
                .formatted(DEFAULT_REQUESTS_PER_MINUTE, rate.trim()));
      }
      settings = settings.withRequestsPerMinute(perMinute);
    }
    return Optional.of(settings);
  }

  /** These settings with another feed. */
  public AlpacaSettings withFeed(String value) {
    return new AlpacaSettings(
        dataUrl,
        keyId,
        secretKey,
        value,
        value,
        false,
        adjustment,
        pageLimit,
        requestsPerMinute,
        maxAttempts,
        initialBackoff,
        maxBackoff,
        requestTimeout);
  }

  /** These settings with another request budget per minute. */
  public AlpacaSettings withRequestsPerMinute(int value) {
    return new AlpacaSettings(
        dataUrl,
        keyId,
        secretKey,
        feed,
        recentFeed,
        recentFallback,
        adjustment,
        pageLimit,
        value,
        maxAttempts,
        initialBackoff,
        maxBackoff,
        requestTimeout);
  }

  /** These settings with other retry waits (tests keep them tiny). */
  public AlpacaSettings withBackoff(Duration initial, Duration max) {
    return new AlpacaSettings(
        dataUrl,
        keyId,
        secretKey,
        feed,
        recentFeed,
        recentFallback,
        adjustment,
        pageLimit,
        requestsPerMinute,
        maxAttempts,
        initial,
        max,
        requestTimeout);
  }

  /** These settings with another page size. */
  public AlpacaSettings withPageLimit(int value) {
    return new AlpacaSettings(
        dataUrl,
        keyId,
        secretKey,
        feed,
        recentFeed,
        recentFallback,
        adjustment,
        value,
        requestsPerMinute,
        maxAttempts,
        initialBackoff,
        maxBackoff,
        requestTimeout);
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "AlpacaSettings[dataUrl="
        + dataUrl
        + ", keyId="
        + keyId
        + ", feed="
        + feed
        + ", recentFeed="
        + recentFeed
        + "]";
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
    }
  }
}
