package dev.swiftbolt.auth;

/**
 * The project's JWKS could not be fetched, so a token signed with one of its keys cannot be
 * verified: HTTP 503 {@code {"error": "token keys unavailable", …}} until a fetch succeeds. Such a
 * token is never accepted unverified.
 */
public final class TokenKeysUnavailableException extends RuntimeException {
  public TokenKeysUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
