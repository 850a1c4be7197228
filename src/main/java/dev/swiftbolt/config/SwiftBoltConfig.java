package dev.swiftbolt.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Every configuration option of SwiftBolt, read in one place from the environment (and the global
 * {@code --home} flag), with its default. The README's configuration table mirrors this class.
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>SWIFTBOLT_HOME</td><td>~/.swiftbolt</td><td>embedded database, dev JWT secret</td></tr>
 *   <tr><td>DATABASE_URL</td><td>unset: embedded PostgreSQL</td><td>external PostgreSQL</td></tr>
 *   <tr><td>APCA_API_KEY_ID, APCA_API_SECRET_KEY</td><td>unset: simulator</td><td>Alpaca</td></tr>
 *   <tr><td>APCA_API_DATA_URL</td><td>https://data.alpaca.markets</td><td>Alpaca base URL</td></tr>
 *   <tr><td>APCA_DATA_FEED</td><td>unset: sip for history, the last 15 minutes from iex on plans
 *   without SIP</td><td>Alpaca feed for every request</td></tr>
 *   <tr><td>APCA_RATE_LIMIT_PER_MIN</td><td>200</td><td>Alpaca requests per minute</td></tr>
 *   <tr><td>APCA_API_BASE_URL</td><td>https://paper-api.alpaca.markets</td><td>Alpaca trading API
 *   (asset list)</td></tr>
 *   <tr><td>SUPABASE_URL</td><td>unset: no JWKS</td><td>project URL; ES256/RS256 tokens via its JWKS</td></tr>
 *   <tr><td>SWIFTBOLT_METRICS_TOKEN</td><td>unset: /metrics for development tokens only</td><td>
 *   operator's bearer token for /metrics (at least 16 characters)</td></tr>
 *   <tr><td>SUPABASE_ANON_KEY</td><td>unset</td><td>the project's anon key: with SUPABASE_URL, the
 *   dashboard signs in with Supabase Auth (email and password)</td></tr>
 *   <tr><td>SUPABASE_JWT_SECRET</td><td>unset: dev secret in home (when SUPABASE_URL is unset too)</td><td>legacy HS256 JWT verification</td></tr>
 * </table>
 *
 * <p>Blank variables count as unset.
 */
public record SwiftBoltConfig(
    Path home,
    Optional<String> databaseUrl,
    Optional<String> alpacaKeyId,
    Optional<String> alpacaSecretKey,
    String alpacaDataUrl,
    Optional<String> alpacaDataFeed,
    Optional<String> supabaseJwtSecret,
    Optional<String> supabaseUrl,
    String alpacaBaseUrl,
    Optional<String> metricsToken,
    Optional<String> alpacaRateLimitPerMinute,
    Optional<String> supabaseAnonKey) {

  /** The shortest {@code SWIFTBOLT_METRICS_TOKEN} accepted: a guessable token is no protection. */
  public static final int MIN_METRICS_TOKEN_LENGTH = 16;

  /**
   * Validates the options that have a shape.
   *
   * @throws IllegalArgumentException naming the variable
   */
  public SwiftBoltConfig {
    metricsToken.ifPresent(
        token -> {
          if (token.length() < MIN_METRICS_TOKEN_LENGTH || token.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException(
                "SWIFTBOLT_METRICS_TOKEN must be at least %d characters without spaces (e.g. `openssl rand -hex 32`), got %d characters"
                    .formatted(MIN_METRICS_TOKEN_LENGTH, token.length()));
          }
        });
  }

  public static final String DEFAULT_ALPACA_DATA_URL = "https://data.alpaca.markets";

  /** Alpaca's trading API for paper keys; live keys use {@code https://api.alpaca.markets}. */
  public static final String DEFAULT_ALPACA_BASE_URL = "https://paper-api.alpaca.markets";

  /**
   * Reads the configuration from {@code env}; {@code homeOverride} (the {@code --home} flag) wins
   * over {@code SWIFTBOLT_HOME}.
   */
  public static SwiftBoltConfig from(Map<String, String> env, Optional<Path> homeOverride) {
    Path home =
        homeOverride.orElseGet(
            () ->
                value(env, "SWIFTBOLT_HOME")
                    .map(Path::of)
                    .orElseGet(() -> Path.of(System.getProperty("user.home"), ".swiftbolt")));
    return new SwiftBoltConfig(
        home.toAbsolutePath().normalize(),
        value(env, "DATABASE_URL"),
        value(env, "APCA_API_KEY_ID"),
        value(env, "APCA_API_SECRET_KEY"),
        value(env, "APCA_API_DATA_URL").orElse(DEFAULT_ALPACA_DATA_URL),
        value(env, "APCA_DATA_FEED"),
        value(env, "SUPABASE_JWT_SECRET"),
        value(env, "SUPABASE_URL"),
        value(env, "APCA_API_BASE_URL").orElse(DEFAULT_ALPACA_BASE_URL),
        value(env, "SWIFTBOLT_METRICS_TOKEN"),
        value(env, "APCA_RATE_LIMIT_PER_MIN"),
        value(env, "SUPABASE_ANON_KEY"));
  }

  /** Whether both Alpaca keys are set. */
  public boolean hasAlpacaKeys() {
    return alpacaKeyId.isPresent() && alpacaSecretKey.isPresent();
  }

  /**
   * The Alpaca options as environment variables ({@code APCA_API_KEY_ID}, {@code
   * APCA_API_SECRET_KEY}, {@code APCA_API_DATA_URL}, {@code APCA_DATA_FEED}, {@code
   * APCA_RATE_LIMIT_PER_MIN}, {@code APCA_API_BASE_URL}; unset ones left out), the form the
   * market-data and symbols packages validate them in.
   */
  public Map<String, String> alpacaEnvironment() {
    Map<String, String> env = new java.util.LinkedHashMap<>();
    alpacaKeyId.ifPresent(v -> env.put("APCA_API_KEY_ID", v));
    alpacaSecretKey.ifPresent(v -> env.put("APCA_API_SECRET_KEY", v));
    env.put("APCA_API_DATA_URL", alpacaDataUrl);
    alpacaDataFeed.ifPresent(v -> env.put("APCA_DATA_FEED", v));
    alpacaRateLimitPerMinute.ifPresent(v -> env.put("APCA_RATE_LIMIT_PER_MIN", v));
    env.put("APCA_API_BASE_URL", alpacaBaseUrl);
    return Map.copyOf(env);
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }
}
