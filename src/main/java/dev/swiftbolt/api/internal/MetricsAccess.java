package dev.swiftbolt.api.internal;

import dev.swiftbolt.auth.AuthenticationException;
import dev.swiftbolt.auth.TokenVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may scrape {@code /metrics}: operators, not the app's users. With {@code
 * SWIFTBOLT_METRICS_TOKEN} set, only {@code Authorization: Bearer <that token>} (Prometheus' {@code
 * authorization} setting) is accepted; a user's token is refused with 403. Without it, a user's
 * token is accepted only while the server verifies development tokens (local development, as
 * before); a deployment verifying Supabase tokens refuses them with 403 naming the variable.
 * Thread-safe (immutable).
 *
 * @param token the operator's static bearer token, when configured
 */
public record MetricsAccess(Optional<String> token) {

  private static final String BEARER = "Bearer ";

  /**
   * Checks {@code authorizationHeader} against this policy.
   *
   * @throws AuthenticationException (401) when the header is missing or not a valid token
   * @throws ApiException (403) when it is a valid user token that may not scrape here
   */
  public void authorize(String authorizationHeader, TokenVerifier users) {
    if (token.isPresent() && isOperatorToken(authorizationHeader)) {
      return;
    }
    users.userOf(authorizationHeader);
    if (token.isPresent()) {
      throw forbidden(
          "/metrics is for operators: send 'Authorization: Bearer <SWIFTBOLT_METRICS_TOKEN>', not a user's token");
    }
    if (!users.keys().development()) {
      throw forbidden(
          "/metrics is for operators and SWIFTBOLT_METRICS_TOKEN is not set; set it on the server and scrape with 'Authorization: Bearer <token>' (users' tokens are accepted with development tokens only)");
    }
  }

  private boolean isOperatorToken(String header) {
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return false;
    }
    byte[] given = header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, token.orElseThrow().getBytes(StandardCharsets.UTF_8));
  }

  private static ApiException forbidden(String message) {
    return new ApiException(403, "forbidden", message, Optional.empty());
  }
}
