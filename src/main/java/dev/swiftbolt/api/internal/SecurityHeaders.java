package dev.swiftbolt.api.internal;

import java.util.Map;

/**
 * The browser security headers sent on every answer, dashboard and API alike: a Content Security
 * Policy that allows scripts, styles, images and requests from this origin only (no inline script
 * or style, no framing), no MIME sniffing, no referrer.
 */
public final class SecurityHeaders {

  /** The policy: everything from this origin only; chart images drawn as data: URLs are allowed. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  /** Header name to value, in the order they are sent. */
  public static final Map<String, String> FIELDS =
      Map.of(
          "Content-Security-Policy", CONTENT_SECURITY_POLICY,
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "no-referrer",
          "X-Frame-Options", "DENY");

  /**
   * The policy of {@link #CONTENT_SECURITY_POLICY} that also lets the page's scripts call {@code
   * origin} (scheme, host and port of Supabase Auth, for the dashboard's sign-in); nothing else is
   * widened.
   */
  public static String contentSecurityPolicyConnectingTo(java.net.URI origin) {
    String source =
        origin.getPort() < 0
            ? "%s://%s".formatted(origin.getScheme(), origin.getHost())
            : "%s://%s:%s".formatted(origin.getScheme(), origin.getHost(), origin.getPort());
    return CONTENT_SECURITY_POLICY.replace("connect-src 'self'", "connect-src 'self' " + source);
  }

  private SecurityHeaders() {}
}
