package dev.swiftbolt.alpaca;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * One authenticated GET to an Alpaca API (market data or trading), shared by the bar source and the
 * asset list so both send the same headers and report an unreachable endpoint the same way. The
 * caller reads the status; retries and rate limits stay with the caller.
 */
public final class AlpacaHttp {
  private AlpacaHttp() {}

  /**
   * Sends {@code GET uri} with the key headers.
   *
   * @param endpoint the base URL named in the error when Alpaca cannot be reached
   * @throws AlpacaException retryable when the endpoint cannot be reached, not retryable when the
   *     thread was interrupted (the interrupt flag is restored)
   */
  public static HttpResponse<String> get(
      HttpClient http, URI uri, String keyId, String secretKey, Duration timeout, Object endpoint) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("APCA-API-KEY-ID", keyId)
            .header("APCA-API-SECRET-KEY", secretKey)
            .header("Accept", "application/json")
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AlpacaException(
          "cannot reach Alpaca at %s: %s".formatted(endpoint, e.getMessage()),
          0,
          true,
          Optional.empty(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AlpacaException("interrupted while calling Alpaca", 0, false, Optional.empty(), e);
    }
  }
}
