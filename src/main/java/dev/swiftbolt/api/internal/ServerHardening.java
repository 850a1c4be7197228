package dev.swiftbolt.api.internal;

import dev.swiftbolt.api.HttpLimits;
import io.javalin.config.JavalinConfig;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.servlet.FilterHolder;

/**
 * The web server's side of {@link HttpLimits} (docs/decisions/0010): the {@link RequestGuard}
 * filter in front of every request, JSON for Jetty's own errors ({@link JsonErrorHandler}), the
 * idle timeout on every connector, 405 instead of 404 for a wrong method, and dispatch as soon as
 * the headers are in.
 */
public final class ServerHardening {

  /** The most bytes of request line and headers read (Jetty's default, stated here). */
  public static final int HEADER_BYTES = 8 * 1024;

  private ServerHardening() {}

  /**
   * Applies the limits to {@code config}; refusals are counted and logged by {@code refusals}.
   *
   * @return the filter enforcing the caps (its {@link RequestGuard#bodiesInFlight()} is observable)
   */
  public static RequestGuard apply(JavalinConfig config, HttpLimits limits, Refusals refusals) {
    JsonErrorHandler errors = new JsonErrorHandler(refusals);
    RequestGuard guard = new RequestGuard(limits, refusals);
    AtomicReference<Server> jetty = new AtomicReference<>();
    config.http.maxRequestSize = limits.maxBodyBytes();
    config.http.prefer405over404 = true;
    config.jetty.modifyServer(
        server -> {
          jetty.set(server);
          server.setErrorHandler(errors);
        });
    // dispatch on the headers: a Content-Length over the limit is refused at once, and bodies
    // are read without a thread by RequestGuard anyway
    config.jetty.modifyHttpConfiguration(
        http -> {
          http.setDelayDispatchUntilContent(false);
          // request line and headers together; beyond, Jetty answers 414 or 431 (JsonErrorHandler)
          http.setRequestHeaderSize(HEADER_BYTES);
        });
    config.jetty.modifyServletContextHandler(
        context -> {
          context.setErrorHandler(errors);
          context.addFilter(
              new FilterHolder(guard),
              "/*",
              EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
        });
    // the connectors exist only once the server is being started
    config.events(
        events ->
            events.serverStarting(
                () -> {
                  for (Connector connector : jetty.get().getConnectors()) {
                    if (connector instanceof AbstractConnector c) {
                      c.setIdleTimeout(limits.idleTimeout().toMillis());
                    }
                  }
                }));
    return guard;
  }
}
