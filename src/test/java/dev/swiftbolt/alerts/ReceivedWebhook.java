package dev.swiftbolt.alerts;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One webhook request as a receiver in a test got it: its Standard Webhooks headers, its body,
 * whether its signature verified with {@link IndependentSignature}, its content type and when it
 * arrived.
 */
public record ReceivedWebhook(
    String id, long timestamp, String body, boolean verified, String contentType, Instant at) {

  /** Reads {@code exchange}'s request (not its answer) and checks it against {@code secret}. */
  public static ReceivedWebhook read(HttpExchange exchange, String secret) throws IOException {
    byte[] bytes;
    try (InputStream in = exchange.getRequestBody()) {
      bytes = in.readAllBytes();
    }
    String body = new String(bytes, StandardCharsets.UTF_8);
    String id = exchange.getRequestHeaders().getFirst("webhook-id");
    long ts = Long.parseLong(exchange.getRequestHeaders().getFirst("webhook-timestamp"));
    String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
    return new ReceivedWebhook(
        id,
        ts,
        body,
        signature.equals(IndependentSignature.of(secret, id, ts, body)),
        exchange.getRequestHeaders().getFirst("Content-Type"),
        Instant.now());
  }
}
