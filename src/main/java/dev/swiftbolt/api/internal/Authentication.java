package dev.swiftbolt.api.internal;

import dev.swiftbolt.auth.TokenVerifier;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * The before-matched handler: a route that is not {@link Access#PUBLIC} needs a valid bearer token,
 * whose {@code sub} becomes the request's user ({@link Access#user}); an {@link Access#OPERATOR}
 * route is checked by {@link MetricsAccess}.
 */
public final class Authentication implements Handler {

  private final TokenVerifier verifier;
  private volatile MetricsAccess metrics = new MetricsAccess(java.util.Optional.empty());

  public Authentication(TokenVerifier verifier) {
    this.verifier = verifier;
  }

  /** Sets who may call {@link Access#OPERATOR} routes (before the server starts). */
  public void metricsAccess(MetricsAccess metrics) {
    this.metrics = metrics;
  }

  @Override
  public void handle(Context ctx) {
    if (ctx.routeRoles().contains(Access.PUBLIC)) {
      return;
    }
    ctx.header("Cache-Control", "no-store");
    if (ctx.routeRoles().contains(Access.OPERATOR)) {
      metrics.authorize(ctx.header("Authorization"), verifier);
      return;
    }
    Access.setUser(ctx, verifier.userOf(ctx.header("Authorization")));
  }
}
