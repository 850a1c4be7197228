package dev.swiftbolt.api.internal;

import dev.swiftbolt.config.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The web server's own error pages as JSON {@link ApiError}s: requests Jetty refuses before Javalin
 * sees them (a bad request line, {@code %zz} or an ambiguous encoding in the path, a URI or headers
 * over the limit, conflicting {@code Content-Length}/{@code Transfer-Encoding}) get {@code
 * {"error": code, "message": reason}} with the right status instead of an HTML page. Each is
 * counted and logged through {@link Refusals}.
 */
public final class JsonErrorHandler extends ErrorHandler {

  private final Refusals refusals;

  public JsonErrorHandler(Refusals refusals) {
    this.refusals = refusals;
    setShowStacks(false);
    setShowServlet(false);
  }

  /** The snake_case code of a status the server answers on its own. */
  public static String codeOf(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 408 -> "request_timeout";
      case 413 -> "body_too_large";
      case 414 -> "uri_too_long";
      case 415 -> "unsupported_media_type";
      case 431 -> "headers_too_large";
      case 501 -> "not_implemented";
      case 503 -> "unavailable";
      default -> status >= 500 ? "internal_error" : "http_" + status;
    };
  }

  private static String messageOf(int status, String reason) {
    String what =
        switch (status) {
          case 414 -> "the request URI is longer than the server accepts (8 KiB with headers)";
          case 431 -> "the request headers are larger than the server accepts (8 KiB)";
          case 413 -> "the request body is larger than the server accepts (64 KiB)";
          default ->
              status >= 500
                  ? "the web server failed to handle the request"
                  : "the web server refused the request";
        };
    return reason == null || reason.isBlank() ? what : what + ": " + Printable.quote(reason);
  }

  static byte[] json(String code, String message) {
    try {
      return Json.mapper().writeValueAsBytes(new ApiError(code, message, Optional.empty()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Errors found while parsing the request, before any handler: a JSON body. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    refusals.refused(codeOf(status), (status + " " + Printable.quote(reason)).trim());
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    fields.put(HttpHeader.CACHE_CONTROL, "no-store");
    SecurityHeaders.FIELDS.forEach(fields::put);
    return ByteBuffer.wrap(json(codeOf(status), messageOf(status, reason)));
  }

  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  /** Errors raised inside the server after parsing (e.g. an ambiguous path): a JSON body. */
  @Override
  protected void generateAcceptableResponse(
      Request baseRequest,
      HttpServletRequest request,
      HttpServletResponse response,
      int code,
      String message)
      throws IOException {
    if (code >= 400 && code < 500) {
      refusals.refused(codeOf(code), (code + " " + Printable.quote(message)).trim());
    }
    baseRequest.setHandled(true);
    response.setContentType("application/json");
    response.setHeader("Cache-Control", "no-store");
    SecurityHeaders.FIELDS.forEach(response::setHeader);
    response.getOutputStream().write(json(codeOf(code), messageOf(code, message)));
  }
}
