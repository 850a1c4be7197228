package dev.swiftbolt.api.internal;

import dev.swiftbolt.auth.TokenVerifier;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * The before-matched handler: a route that is not {@link Access#PUBLIC} needs a valid bearer token,
 * whose {@code sub} becomes the request's user ({@link Access#user}).
 */
public final class Authentication implements Handler {

  private final TokenVerifier verifier;

  public Authentication(TokenVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public void handle(Context ctx) {
    if (ctx.routeRoles().contains(Access.PUBLIC)) {
      return;
    }
    ctx.header("Cache-Control", "no-store");
    Access.setUser(ctx, verifier.userOf(ctx.header("Authorization")));
  }
}
