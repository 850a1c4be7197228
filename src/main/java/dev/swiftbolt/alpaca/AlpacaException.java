package dev.swiftbolt.alpaca;

import java.time.Duration;
import java.util.Optional;

/**
 * Alpaca answered with an error, an unreadable body, or could not be reached. {@link #retryable()}
 * tells whether trying again may help (HTTP 429, 5xx, network errors).
 */
public class AlpacaException extends RuntimeException {

  private final int status;
  private final boolean retryable;
  private final Optional<Duration> retryAfter;

  public AlpacaException(
      String message,
      int status,
      boolean retryable,
      Optional<Duration> retryAfter,
      Throwable cause) {
    super(message, cause);
    this.status = status;
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  /** The HTTP status, or 0 when no response arrived. */
  public int status() {
    return status;
  }

  /** True when the request may succeed if repeated. */
  public boolean retryable() {
    return retryable;
  }

  /** The server's {@code Retry-After} wait, when it sent one. */
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
