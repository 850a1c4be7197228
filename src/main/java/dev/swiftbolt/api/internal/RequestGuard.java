package dev.swiftbolt.api.internal;

import dev.swiftbolt.api.HttpLimits;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * The filter in front of every route and static file, before Javalin sees the request:
 *
 * <ul>
 *   <li>sends the {@link SecurityHeaders} on every answer;
 *   <li>refuses {@code CONNECT} and {@code TRACE} (405, connection closed), method-override headers
 *       and a second {@code Authorization} header (400 {@code bad_request});
 *   <li>refuses a {@code Content-Length} over {@link HttpLimits#maxBodyBytes} at once and reads
 *       every other body, chunked or not, without blocking a thread ({@link BodyReader}), stopping
 *       at the limit with 413 {@code body_too_large};
 *   <li>admits at most {@link HttpLimits#maxConcurrentRequests} requests into handlers and {@link
 *       HttpLimits#maxBodiesInFlight} bodies into memory; beyond, 503 {@code too_many_requests}
 *       with {@code Retry-After}.
 * </ul>
 *
 * Thread-safe; one instance per server.
 */
public final class RequestGuard implements Filter {

  /** Seconds a client told 503 should wait before retrying. */
  static final String RETRY_AFTER_SECONDS = "1";

  /** The request attribute carrying a body read by {@link BodyReader} into the async dispatch. */
  private static final String BODY = "swiftbolt.body";

  private static final Set<String> REFUSED_METHODS = Set.of("CONNECT", "TRACE");
  private static final List<String> OVERRIDE_HEADERS =
      List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

  private final HttpLimits limits;
  private final Refusals refusals;
  private final Semaphore handlers;
  private final Semaphore bodies;

  public RequestGuard(HttpLimits limits, Refusals refusals) {
    this.limits = limits;
    this.refusals = refusals;
    this.handlers = new Semaphore(limits.maxConcurrentRequests());
    this.bodies = new Semaphore(limits.maxBodiesInFlight());
  }

  /** Request bodies being received now (each holds one of {@link HttpLimits#maxBodiesInFlight}). */
  public int bodiesInFlight() {
    return limits.maxBodiesInFlight() - bodies.availablePermits();
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if (request.getDispatcherType() == DispatcherType.ASYNC) {
      // the body has been read without a thread (BodyReader); now run the handler with it
      if (request.getAttribute(BODY) instanceof byte[] body) {
        request.removeAttribute(BODY);
        runHandler(new BodyReader.BufferedBodyRequest(request, body), response, chain);
      }
      return;
    }
    SecurityHeaders.FIELDS.forEach(response::setHeader);
    Optional<Refusal> refusal = refusalOf(request);
    if (refusal.isPresent()) {
      if (refusal.get().status() == 405) {
        response.setHeader("Allow", "GET, HEAD, POST, DELETE");
      }
      refuse(request, response, refusal.get());
      return;
    }
    if (request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null) {
      runHandler(request, response, chain);
    } else if (bodies.tryAcquire()) {
      readBody(request, response);
    } else {
      refuseBusy(request, response, "request bodies being received");
    }
  }

  /** A request refused before anything is read: status, code, message, whether to close. */
  private record Refusal(int status, String code, String message, boolean close) {}

  /** Why the request is refused on its request line and headers alone, if it is. */
  private Optional<Refusal> refusalOf(HttpServletRequest request) {
    String method = request.getMethod();
    if (REFUSED_METHODS.contains(method)) {
      return Optional.of(
          new Refusal(
              405, "method_not_allowed", method + " is not supported by this server", true));
    }
    for (String header : OVERRIDE_HEADERS) {
      if (request.getHeader(header) != null) {
        return Optional.of(
            new Refusal(
                400,
                "bad_request",
                header + " is not supported; send the request with the method itself",
                false));
      }
    }
    if (Collections.list(request.getHeaders("Authorization")).size() > 1) {
      return Optional.of(
          new Refusal(400, "bad_request", "send one Authorization header, not several", false));
    }
    long declared = request.getContentLengthLong();
    if (declared > limits.maxBodyBytes()) {
      return Optional.of(new Refusal(413, "body_too_large", tooLarge(declared), true));
    }
    return Optional.empty();
  }

  /**
   * Reads the body without holding a thread ({@link BodyReader}), then dispatches the request again
   * to run its handler; a body over the limit or cut short is answered here. Holds one {@link
   * #bodies} permit until the body is complete or refused.
   */
  private void readBody(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    AsyncContext async = request.startAsync();
    async.setTimeout(0);
    BodyReader.Outcome outcome =
        new BodyReader.Outcome() {
          @Override
          public void complete(byte[] body) {
            bodies.release();
            request.setAttribute(BODY, body);
            async.dispatch();
          }

          @Override
          public void tooLarge(long read) {
            bodies.release();
            refuseQuietly(
                async,
                request,
                response,
                new Refusal(413, "body_too_large", RequestGuard.this.tooLarge(read), true));
          }

          @Override
          public void failed(String message) {
            bodies.release();
            refuseQuietly(async, request, response, new Refusal(400, "bad_request", message, true));
          }
        };
    request
        .getInputStream()
        .setReadListener(
            new BodyReader(
                request, limits.maxBodyBytes(), request.getContentLengthLong(), outcome));
  }

  private String tooLarge(long bytes) {
    return "the request body is larger than %d bytes (%d KiB) (at least %d bytes sent); send less"
        .formatted(limits.maxBodyBytes(), limits.maxBodyBytes() / 1024, bytes);
  }

  private void runHandler(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!handlers.tryAcquire()) {
      refuseBusy(request, response, "requests in progress");
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      handlers.release();
    }
  }

  private void refuseBusy(HttpServletRequest request, HttpServletResponse response, String what)
      throws IOException {
    response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
    refuse(
        request,
        response,
        new Refusal(
            503,
            "too_many_requests",
            "the server is at its limit of %s; retry after %s s"
                .formatted(what, RETRY_AFTER_SECONDS),
            false));
  }

  private void refuseQuietly(
      AsyncContext async,
      HttpServletRequest request,
      HttpServletResponse response,
      Refusal refusal) {
    try {
      refuse(request, response, refusal);
    } catch (IOException | RuntimeException gone) {
      // the client has gone; nothing left to tell it
    } finally {
      async.complete();
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal)
      throws IOException {
    refusals.refused(
        refusal.code(),
        "%s %s: %s"
            .formatted(
                Printable.quote(request.getMethod()),
                Printable.quote(request.getRequestURI()),
                refusal.message()));
    if (response.isCommitted()) {
      return;
    }
    response.setStatus(refusal.status());
    response.setContentType("application/json");
    response.setHeader("Cache-Control", "no-store");
    if (refusal.close()) {
      response.setHeader("Connection", "close");
    }
    byte[] body = JsonErrorHandler.json(refusal.code(), refusal.message());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }
}
