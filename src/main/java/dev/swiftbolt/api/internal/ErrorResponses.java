package dev.swiftbolt.api.internal;

import dev.swiftbolt.alpaca.AlpacaException;
import dev.swiftbolt.auth.AuthenticationException;
import dev.swiftbolt.auth.TokenKeysUnavailableException;
import dev.swiftbolt.db.DatabaseOutages;
import dev.swiftbolt.db.DatabaseUnavailableException;
import dev.swiftbolt.symbols.InactiveSymbolException;
import dev.swiftbolt.symbols.UnknownSymbolException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to a JSON {@link ApiError}: client errors to 4xx with the reason, unexpected
 * failures to a 500 that hides internals (they are logged). Input never produces a 500: every
 * parser at the edge throws {@link ApiException} or {@link IllegalArgumentException}.
 */
public final class ErrorResponses {

  private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

  private ErrorResponses() {}

  /**
   * Installs the exception and status handlers on {@code app}; outages seen by requests (token
   * keys, Alpaca, the database) are logged through {@code refusals}, at most once a minute each.
   */
  public static void install(Javalin app, Refusals refusals) {
    app.exception(
        ApiException.class, (e, ctx) -> send(ctx, e.status(), e.code(), e.getMessage(), e.field()));
    app.exception(
        AuthenticationException.class,
        (e, ctx) -> {
          ctx.header("WWW-Authenticate", "Bearer");
          send(ctx, 401, "unauthorized", e.getMessage(), Optional.empty());
        });
    app.exception(
        TokenKeysUnavailableException.class,
        (e, ctx) -> {
          refusals.refused("token_keys_unavailable", where(ctx) + e.getMessage());
          ctx.header("Retry-After", "30");
          send(ctx, 503, "token keys unavailable", e.getMessage(), Optional.empty());
        });
    app.exception(
        UnknownSymbolException.class,
        (e, ctx) -> send(ctx, 404, "unknown_symbol", e.getMessage(), Optional.of("symbol")));
    app.exception(
        InactiveSymbolException.class,
        (e, ctx) -> send(ctx, 409, "inactive_symbol", e.getMessage(), Optional.of("symbol")));
    app.exception(
        AlpacaException.class,
        (e, ctx) -> {
          refusals.refused("alpaca_unavailable", where(ctx) + "Alpaca failed: " + e.getMessage());
          send(
              ctx,
              502,
              "alpaca_unavailable",
              "looking the symbol up in Alpaca's asset list failed; try again shortly",
              Optional.of("symbol"));
        });
    app.exception(
        IllegalArgumentException.class,
        (e, ctx) -> send(ctx, 400, "invalid_input", e.getMessage(), Optional.empty()));
    app.exception(
        MethodNotAllowedResponse.class,
        (e, ctx) -> {
          e.getDetails().values().stream()
              .findFirst()
              .ifPresent(allow -> ctx.header("Allow", allow));
          send(
              ctx,
              405,
              "method_not_allowed",
              ctx.method() + " is not allowed on " + Printable.quote(ctx.path()),
              Optional.empty());
        });
    app.exception(
        HttpResponseException.class,
        (e, ctx) ->
            send(
                ctx,
                e.getStatus(),
                JsonErrorHandler.codeOf(e.getStatus()),
                e.getMessage(),
                Optional.empty()));
    app.exception(
        DatabaseUnavailableException.class, (e, ctx) -> databaseUnavailable(refusals, e, ctx));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          if (DatabaseOutages.causedBy(e)) {
            databaseUnavailable(refusals, e, ctx);
            return;
          }
          log.error("{} {} failed", ctx.method(), ctx.path(), e);
          send(
              ctx,
              500,
              "internal_error",
              "internal error; the server log has the details",
              Optional.empty());
        });
    app.error(
        404,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            send(
                ctx,
                404,
                "not_found",
                "no route %s %s (see /api/v1/openapi.json)"
                    .formatted(ctx.method(), Params.printable(ctx.path())),
                Optional.empty());
          }
        });
    app.error(
        405,
        ctx ->
            send(
                ctx,
                405,
                "method_not_allowed",
                ctx.method() + " is not allowed on " + Params.printable(ctx.path()),
                Optional.empty()));
  }

  /**
   * 503 {@code database_unavailable} with {@code Retry-After}: the database is away, not broken;
   * counted and logged at most once a minute like every refusal.
   */
  private static void databaseUnavailable(Refusals refusals, Exception e, Context ctx) {
    refusals.refused("database_unavailable", where(ctx) + e.getMessage());
    ctx.header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS);
    send(
        ctx,
        503,
        "database_unavailable",
        "the database is unavailable; try again shortly",
        Optional.empty());
  }

  private static String where(Context ctx) {
    return "%s %s: ".formatted(ctx.method(), Printable.quote(ctx.path()));
  }

  private static void send(
      Context ctx, int status, String code, String message, Optional<String> field) {
    ctx.status(status).json(new ApiError(code, Printable.escape(message), field));
  }
}
