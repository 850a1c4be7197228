package dev.swiftbolt.api.internal;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;

/**
 * Who may call a route. Every route and static-file handler declares one; anything that declares
 * none is treated as {@link #USER} (deny by default).
 */
public enum Access implements RouteRole {
  /** No token needed: health, symbols, openapi, the dashboard's files. */
  PUBLIC,
  /** A valid bearer token; the handler acts for its {@code sub}. */
  USER,
  /** The operator's {@code SWIFTBOLT_METRICS_TOKEN} ({@link MetricsAccess}): {@code /metrics}. */
  OPERATOR;

  private static final String USER_ATTRIBUTE = "swiftbolt.user";

  /** Stores the authenticated user id on the request. */
  static void setUser(Context ctx, String user) {
    ctx.attribute(USER_ATTRIBUTE, user);
  }

  /**
   * The authenticated user id of the request.
   *
   * @throws IllegalStateException when called from a public route (a programming error)
   */
  public static String user(Context ctx) {
    String user = ctx.attribute(USER_ATTRIBUTE);
    if (user == null) {
      throw new IllegalStateException("route " + ctx.endpointHandlerPath() + " is not USER-only");
    }
    return user;
  }
}
