package dev.swiftbolt.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetSourceWithHealthStatusReporting;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.health.HealthStatus;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The public keys of a Supabase project's JWT signing keys, from {@code
 * <SUPABASE_URL>/auth/v1/.well-known/jwks.json}, through nimbus-jose-jwt's {@link
 * JWKSourceBuilder}: the key set is cached for at most {@link Timing#cacheTtl()} (5 minutes), and a
 * token whose {@code kid} is not in the cached set triggers a refresh. At most one request for the
 * key set leaves per {@link Timing#minRefreshInterval()} (30 s), whatever its reason (first load,
 * expiry, unknown {@code kid}): see {@link OneFetchPerInterval}. Nothing is fetched when this
 * object is built; the first token (or {@link #fetchKeys()}) does it. Thread-safe.
 */
public final class SupabaseJwks {

  /** The JWKS path under the project URL. */
  public static final String JWKS_PATH = "/auth/v1/.well-known/jwks.json";

  /** How long the key set is kept, and how often an unknown {@code kid} may trigger a refresh. */
  public record Timing(Duration cacheTtl, Duration minRefreshInterval) {
    /** Supabase's advice: cache at most 5 minutes; refresh on an unknown key at most every 30 s. */
    public static final Timing DEFAULT = new Timing(Duration.ofMinutes(5), Duration.ofSeconds(30));

    public Timing {
      if (cacheTtl.compareTo(minRefreshInterval) <= 0) {
        throw new IllegalArgumentException(
            "the JWKS cache time to live must exceed the minimum refresh interval");
      }
    }
  }

  /** Connect and read timeout of one fetch of the key set. */
  public static final Duration FETCH_TIMEOUT = Duration.ofSeconds(3);

  private final String projectUrl;
  private final URL jwksUrl;
  private final JWKSource<SecurityContext> source;
  private volatile HealthStatus lastFetch;

  private SupabaseJwks(String projectUrl, URL jwksUrl, Timing timing) {
    this.projectUrl = projectUrl;
    this.jwksUrl = jwksUrl;
    // Health sits below the limiter, so a request the limiter turns away does not count as a
    // failed fetch; the cache above both serialises refreshes.
    JWKSetSource<SecurityContext> fetches =
        new OneFetchPerInterval<>(
            new JWKSetSourceWithHealthStatusReporting<>(
                new URLBasedJWKSetSource<>(
                    jwksUrl,
                    new DefaultResourceRetriever(
                        (int) FETCH_TIMEOUT.toMillis(),
                        (int) FETCH_TIMEOUT.toMillis(),
                        JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT)),
                report -> lastFetch = report.getHealthStatus()),
            timing.minRefreshInterval());
    this.source =
        JWKSourceBuilder.create(fetches)
            .cache(timing.cacheTtl().toMillis(), JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
            .refreshAheadCache(false)
            .rateLimited(false)
            .retrying(false)
            .build();
  }

  /**
   * The key source of the project at {@code supabaseUrl} (e.g. {@code https://abcd.supabase.co},
   * trailing slashes ignored).
   *
   * @throws IllegalArgumentException naming SUPABASE_URL when it is not an http(s) URL with a host
   *     and nothing after it
   */
  public static SupabaseJwks of(String supabaseUrl, Timing timing) {
    String base = projectUrl(supabaseUrl);
    try {
      return new SupabaseJwks(base, new URI(base + JWKS_PATH).toURL(), timing);
    } catch (URISyntaxException | MalformedURLException e) {
      throw new IllegalArgumentException(invalid(supabaseUrl), e);
    }
  }

  private static String projectUrl(String raw) {
    String trimmed = raw.trim();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(invalid(raw), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean bare =
        (uri.getRawPath() == null || uri.getRawPath().isEmpty())
            && uri.getRawQuery() == null
            && uri.getRawFragment() == null
            && uri.getRawUserInfo() == null;
    if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || !bare) {
      throw new IllegalArgumentException(invalid(raw));
    }
    return trimmed;
  }

  private static String invalid(String raw) {
    return "SUPABASE_URL must be the project URL, such as https://abcd.supabase.co (no path), got '%s'"
        .formatted(raw);
  }

  /** The project URL without a trailing slash. */
  public String projectUrl() {
    return projectUrl;
  }

  /** The issuer Supabase writes into its tokens: {@code <SUPABASE_URL>/auth/v1}. */
  public String issuer() {
    return projectUrl + "/auth/v1";
  }

  /** Where the key set is fetched from. */
  public URL jwksUrl() {
    return jwksUrl;
  }

  /** The cached, refreshing key source that verification selects keys from. */
  JWKSource<SecurityContext> source() {
    return source;
  }

  /** Whether the most recent fetch of the key set succeeded (false before any fetch). */
  public boolean lastFetchSucceeded() {
    return lastFetch == HealthStatus.HEALTHY;
  }

  /**
   * Every key of the set (from the cache, or fetched when the cache is empty or expired).
   *
   * @throws KeySourceException when the key set cannot be fetched or parsed
   */
  public List<JWK> fetchKeys() throws KeySourceException {
    try {
      return source.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
    } catch (com.nimbusds.jose.jwk.source.RateLimitReachedException e) {
      // nimbus asks for a refresh at once when the set it just fetched matches nothing (an empty
      // set); the one-fetch-per-interval limit refuses it, and the answer is that empty set
      if (lastFetch == HealthStatus.HEALTHY) {
        return List.of();
      }
      throw e;
    }
  }

  @Override
  public String toString() {
    return "SupabaseJwks[" + jwksUrl + "]";
  }
}
