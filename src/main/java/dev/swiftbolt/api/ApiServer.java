package dev.swiftbolt.api;

import dev.swiftbolt.alerts.Alerts;
import dev.swiftbolt.api.internal.Access;
import dev.swiftbolt.api.internal.AlertRoutes;
import dev.swiftbolt.api.internal.ApiDocsRoutes;
import dev.swiftbolt.api.internal.ApiMetrics;
import dev.swiftbolt.api.internal.Authentication;
import dev.swiftbolt.api.internal.ChartRoutes;
import dev.swiftbolt.api.internal.ErrorResponses;
import dev.swiftbolt.api.internal.HistoryRoutes;
import dev.swiftbolt.api.internal.MetricsAccess;
import dev.swiftbolt.api.internal.ModelRoutes;
import dev.swiftbolt.api.internal.NotificationStream;
import dev.swiftbolt.api.internal.PredictionRoutes;
import dev.swiftbolt.api.internal.Refusals;
import dev.swiftbolt.api.internal.ReliabilityRoutes;
import dev.swiftbolt.api.internal.RequestGuard;
import dev.swiftbolt.api.internal.ServerHardening;
import dev.swiftbolt.api.internal.SystemRoutes;
import dev.swiftbolt.api.internal.WatchlistRoutes;
import dev.swiftbolt.auth.JwtSecret;
import dev.swiftbolt.auth.TokenVerifier;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.DatabaseStatus;
import dev.swiftbolt.jobs.JobQueries;
import dev.swiftbolt.jobs.QueueStatistics;
import dev.swiftbolt.jobs.Worker;
import dev.swiftbolt.marketdata.BarHistory;
import dev.swiftbolt.ml.ForecastHistory;
import dev.swiftbolt.ml.ModelHistoryService;
import dev.swiftbolt.ml.ReliabilityReport;
import dev.swiftbolt.pipelines.PipelineRunStatistics;
import dev.swiftbolt.predictions.StoredPredictions;
import dev.swiftbolt.replay.ReplayHistory;
import dev.swiftbolt.symbols.AssetDirectory;
import dev.swiftbolt.symbols.SymbolRegistry;
import dev.swiftbolt.symbols.SymbolSearch;
import dev.swiftbolt.symbols.WatchlistService;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The HTTP API ({@code /api/v1}), the Prometheus metrics ({@code /metrics}) and the dashboard
 * ({@code /}) in one Javalin server.
 *
 * <p>Routes are listed in DESIGN.md ("Surface") and documented in {@code /api/v1/openapi.json}.
 * Health, symbols, openapi and the dashboard's files are public; every other route needs {@code
 * Authorization: Bearer <JWT>} verified by {@link TokenVerifier}. Errors are JSON {@code {"error",
 * "message", "field"}}, including the web server's own. Every request passes the {@link HttpLimits}
 * first (bounded bodies however framed, caps on concurrent requests, an idle timeout, browser
 * security headers; docs/security.md). Start once, stop once; {@link #close()} stops gracefully
 * (in-flight requests finish).
 */
public final class ApiServer implements AutoCloseable {

  /** One registered HTTP route, e.g. {@code GET /api/v1/watchlist}. */
  public record Route(String method, String path) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private static final Set<HandlerType> HTTP_METHODS =
      Set.of(
          HandlerType.GET,
          HandlerType.POST,
          HandlerType.PUT,
          HandlerType.PATCH,
          HandlerType.DELETE);

  private final Javalin app;
  private final ApiMetrics metrics;
  private final Authentication authentication;
  private volatile DashboardSignIn signIn = DashboardSignIn.of(Optional.empty(), Optional.empty());

  /** The CSP that lets the dashboard call Supabase Auth, built once when sign-in is configured. */
  private volatile Optional<String> supabaseAuthPolicy = Optional.empty();

  private final NotificationStream stream;
  private RequestGuard guard; // set while the server is built, in the constructor
  private final List<Route> routes = new CopyOnWriteArrayList<>();

  /**
   * Builds the server (not started) over {@code database}, verifying tokens with {@code secret} and
   * reading "now" from {@code clock}.
   */
  public ApiServer(Database database, JwtSecret secret, Clock clock) {
    this(database, new TokenVerifier(secret, clock), clock, Optional.empty());
  }

  /** Builds the server (not started) with the HS256 {@code secret} and Alpaca's {@code assets}. */
  public ApiServer(
      Database database, JwtSecret secret, Clock clock, Optional<AssetDirectory> assets) {
    this(database, new TokenVerifier(secret, clock), clock, assets);
  }

  /** Builds the server (not started) verifying tokens with {@code verifier}; no asset lookup. */
  public ApiServer(Database database, TokenVerifier verifier, Clock clock) {
    this(database, verifier, clock, Optional.empty());
  }

  /**
   * Builds the server (not started) over {@code database}, verifying tokens with {@code verifier}
   * and reading "now" from {@code clock}; {@code assets} (Alpaca's asset list, when configured)
   * lets {@code POST /api/v1/watchlist} register an unknown ticker that Alpaca lists as active.
   */
  public ApiServer(
      Database database, TokenVerifier verifier, Clock clock, Optional<AssetDirectory> assets) {
    this(database, verifier, clock, assets, HttpLimits.DEFAULTS);
  }

  /**
   * Builds the server (not started) as {@link #ApiServer(Database, TokenVerifier, Clock, Optional)}
   * does, enforcing {@code limits} on every request instead of {@link HttpLimits#DEFAULTS}.
   */
  public ApiServer(
      Database database,
      TokenVerifier verifier,
      Clock clock,
      Optional<AssetDirectory> assets,
      HttpLimits limits) {
    this(
        database,
        verifier,
        clock,
        assets,
        limits,
        Alerts.fromEnvironment(database.jdbi(), clock, System.getenv()));
  }

  /**
   * Builds the server (not started) as above, with {@code alerts} serving the notification feed,
   * its stream, the settings and the webhook endpoints.
   */
  public ApiServer(
      Database database,
      TokenVerifier verifier,
      Clock clock,
      Optional<AssetDirectory> assets,
      HttpLimits limits,
      Alerts alerts) {
    SymbolRegistry registry = new SymbolRegistry(database.jdbi(), assets);
    StoredPredictions stored = new StoredPredictions(database.jdbi());
    metrics =
        new ApiMetrics(
            new QueueStatistics(database.jdbi()),
            new PipelineRunStatistics(database.jdbi()),
            stored);
    Refusals refusals = new Refusals(metrics.registry(), clock);
    SystemRoutes system =
        new SystemRoutes(
            new DatabaseStatus(database.jdbi()), new SymbolSearch(database.jdbi()), metrics, clock);
    WatchlistRoutes watchlist =
        new WatchlistRoutes(
            new WatchlistService(database.jdbi(), registry),
            registry,
            new JobQueries(database.jdbi()));
    PredictionRoutes predictions = new PredictionRoutes(registry, stored, clock);
    ChartRoutes charts =
        new ChartRoutes(
            registry, new BarHistory(database.jdbi()), new ForecastHistory(database.jdbi()), clock);
    HistoryRoutes history = new HistoryRoutes(registry, new ReplayHistory(database.jdbi()));
    AlertRoutes alertRoutes = new AlertRoutes(alerts);
    stream = new NotificationStream(alerts.feed());
    ReliabilityRoutes reliability = new ReliabilityRoutes(registry, new ReliabilityReport(stored));
    ModelRoutes models = new ModelRoutes(new ModelHistoryService(database.jdbi()));
    app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.jsonMapper(new JavalinJackson(Json.mapper(), false));
              guard = ServerHardening.apply(config, limits, refusals);
              config.requestLogger.http(metrics::record);
              config.events(
                  events ->
                      events.handlerAdded(
                          info -> {
                            if (HTTP_METHODS.contains(info.getHttpMethod())) {
                              routes.add(new Route(info.getHttpMethod().name(), info.getPath()));
                            }
                          }));
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = "/";
                    files.directory = "/dashboard";
                    files.location = Location.CLASSPATH;
                    files.roles = Set.of(Access.PUBLIC);
                  });
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = ApiDocsRoutes.ASSETS_PATH;
                    files.directory = ApiDocsRoutes.ASSETS_DIRECTORY;
                    files.location = Location.CLASSPATH;
                    files.roles = Set.of(Access.PUBLIC);
                  });
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = "/webjars";
                    files.directory = "META-INF/resources/webjars";
                    files.location = Location.CLASSPATH;
                    files.roles = Set.of(Access.PUBLIC);
                    files.headers = java.util.Map.of("Cache-Control", "max-age=31536000");
                  });
            });
    ErrorResponses.install(app, refusals);
    authentication = new Authentication(verifier);
    app.beforeMatched(authentication);

    app.get("/api/v1/health", system::health, Access.PUBLIC);
    app.get("/api/v1/symbols", system::symbols, Access.PUBLIC);
    app.get("/api/v1/openapi.json", system::openApi, Access.PUBLIC);
    app.get("/api/docs", new ApiDocsRoutes()::page, Access.PUBLIC);
    app.get("/api/v1/auth/config", this::signInConfig, Access.PUBLIC);
    app.before(this::allowSupabaseAuthInPolicy);
    app.get("/metrics", system::metrics, Access.OPERATOR);

    app.get("/api/v1/watchlist", watchlist::list, Access.USER);
    app.post("/api/v1/watchlist", watchlist::add, Access.USER);
    app.delete("/api/v1/watchlist/{symbol}", watchlist::remove, Access.USER);
    app.get("/api/v1/jobs", watchlist::jobs, Access.USER);
    app.get("/api/v1/symbols/{symbol}/bars", charts::bars, Access.USER);
    app.get("/api/v1/symbols/{symbol}/forecasts", charts::forecasts, Access.USER);
    app.get("/api/v1/symbols/{symbol}/prediction", predictions::latest, Access.USER);
    app.get("/api/v1/symbols/{symbol}/history", history::history, Access.USER);
    app.get("/api/v1/symbols/{symbol}/models", models::models, Access.USER);
    app.post("/api/v1/validate", predictions::validate, Access.USER);

    app.get("/api/v1/notification-settings", alertRoutes::settings, Access.USER);
    app.put("/api/v1/notification-settings", alertRoutes::putSettings, Access.USER);
    app.get("/api/v1/notifications", alertRoutes::list, Access.USER);
    app.post("/api/v1/notifications/read", alertRoutes::markRead, Access.USER);
    app.sse("/api/v1/notifications/stream", stream::serve, Access.USER);
    app.post("/api/v1/webhooks", alertRoutes::addWebhook, Access.USER);
    app.get("/api/v1/webhooks", alertRoutes::listWebhooks, Access.USER);
    app.delete("/api/v1/webhooks/{id}", alertRoutes::removeWebhook, Access.USER);
    app.post("/api/v1/webhooks/{id}/test", alertRoutes::testWebhook, Access.USER);
    app.get("/api/v1/reliability", reliability::reliability, Access.USER);
  }

  /**
   * Adds the claim failures of {@code worker}, a worker pool running in this process, to {@code
   * /metrics}.
   */
  public ApiServer reportWorker(Worker worker) {
    metrics.watch(worker);
    return this;
  }

  /**
   * Lets {@code /metrics} be scraped with the operator's static bearer {@code token} ({@code
   * SWIFTBOLT_METRICS_TOKEN}) and refuses users' tokens there; without one, users' tokens are
   * accepted only with development tokens. Call before {@link #start}.
   */
  public ApiServer metricsToken(Optional<String> token) {
    authentication.metricsAccess(new MetricsAccess(token));
    return this;
  }

  /**
   * How the dashboard signs users in ({@code GET /api/v1/auth/config}); development tokens unless
   * set. Call before {@link #start}.
   */
  public ApiServer dashboardSignIn(DashboardSignIn signIn) {
    this.signIn = java.util.Objects.requireNonNull(signIn, "signIn");
    this.supabaseAuthPolicy =
        signIn
            .supabaseUrl()
            .map(
                url ->
                    dev.swiftbolt.api.internal.SecurityHeaders.contentSecurityPolicyConnectingTo(
                        java.net.URI.create(url)));
    return this;
  }

  /**
   * With Supabase sign-in configured, the dashboard's scripts call Supabase Auth: its origin joins
   * the Content Security Policy's {@code connect-src} (and only that directive).
   */
  private void allowSupabaseAuthInPolicy(io.javalin.http.Context ctx) {
    supabaseAuthPolicy.ifPresent(policy -> ctx.header("Content-Security-Policy", policy));
  }

  private void signInConfig(io.javalin.http.Context ctx) {
    java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
    DashboardSignIn current = signIn;
    body.put("mode", current.mode());
    current.supabaseUrl().ifPresent(url -> body.put("supabase_url", url));
    current.anonKey().ifPresent(key -> body.put("anon_key", key));
    current.problem().ifPresent(problem -> body.put("message", problem));
    ctx.header("Cache-Control", "no-store").json(body);
  }

  /** Starts listening on {@code port} (0 picks a free port) on all interfaces. */
  public ApiServer start(int port) {
    app.start(port);
    return this;
  }

  /**
   * Starts listening on {@code host} (an address or name of this machine; {@code 0.0.0.0} for all
   * interfaces) and {@code port} (0 picks a free port).
   */
  public ApiServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  /** The port the server listens on (after {@link #start}). */
  public int port() {
    return app.port();
  }

  /** Request bodies being received now (tests wait on it instead of sleeping). */
  int bodiesInFlight() {
    return guard.bodiesInFlight();
  }

  /** Every registered HTTP route, in registration order. */
  public List<Route> routes() {
    return List.copyOf(routes);
  }

  /** Stops gracefully: stops accepting, lets in-flight requests finish, releases the port. */
  @Override
  public void close() {
    stream.close();
    app.stop();
  }
}
