package dev.swiftbolt.auth;

/** A missing, malformed, forged or expired bearer token: HTTP 401, message says which. */
public final class AuthenticationException extends RuntimeException {
  public AuthenticationException(String message) {
    super(message);
  }
}
