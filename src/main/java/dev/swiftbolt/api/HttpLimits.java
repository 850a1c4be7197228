package dev.swiftbolt.api;

import java.time.Duration;

/**
 * The limits the HTTP server enforces on every request; {@link #DEFAULTS} are what {@code serve}
 * uses. Documented in {@code docs/security.md}.
 *
 * @param maxBodyBytes the largest request body read, whatever its framing ({@code Content-Length}
 *     or chunked); a larger one is refused with 413 {@code body_too_large} (default 64 KiB)
 * @param idleTimeout how long a connection may send nothing while its headers or body are expected;
 *     a body cut short by it is a 400 {@code bad_request} (default 10 s)
 * @param maxConcurrentRequests requests running in a handler at once; beyond, 503 {@code
 *     too_many_requests} with {@code Retry-After} (default 200, below the 250 server threads)
 * @param maxBodiesInFlight request bodies being received at once (each buffered up to {@code
 *     maxBodyBytes}, so at most 64 MiB by default); beyond, 503 {@code too_many_requests}
 */
public record HttpLimits(
    int maxBodyBytes, Duration idleTimeout, int maxConcurrentRequests, int maxBodiesInFlight) {

  public static final HttpLimits DEFAULTS =
      new HttpLimits(64 * 1024, Duration.ofSeconds(10), 200, 1024);

  public HttpLimits {
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be at least 1, got " + maxBodyBytes);
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
    }
    if (maxConcurrentRequests < 1 || maxBodiesInFlight < 1) {
      throw new IllegalArgumentException(
          "maxConcurrentRequests and maxBodiesInFlight must be at least 1, got %d and %d"
              .formatted(maxConcurrentRequests, maxBodiesInFlight));
    }
  }
}
