package dev.swiftbolt.cli;

import com.nimbusds.jose.KeySourceException;
import dev.swiftbolt.api.ApiServer;
import dev.swiftbolt.api.DashboardSignIn;
import dev.swiftbolt.auth.SupabaseJwks;
import dev.swiftbolt.auth.TokenIssuer;
import dev.swiftbolt.auth.TokenKeys;
import dev.swiftbolt.auth.TokenVerifier;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.pipelines.BackgroundJobs;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code swiftbolt serve [--host ADDRESS] [--port N] [--workers N]}: the API, the dashboard, the
 * pipeline scheduler and a worker pool in one process until SIGTERM or Ctrl-C, then a graceful stop
 * (in-flight requests finish, the scheduler stops, workers finish or release their jobs, the
 * database closes).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the API and the dashboard, with the pipeline scheduler and a worker pool.",
      "The JSON API is at /api/v1 and the dashboard at /; it runs until stopped (SIGTERM or"
          + " Ctrl-C).",
      "Tokens: with SUPABASE_URL, ES256/RS256 tokens are verified against the project's JWKS;"
          + " SUPABASE_JWT_SECRET verifies legacy HS256 tokens, alone or beside it; with neither,"
          + " local development tokens from `swiftbolt token USER`."
    })
final class ServeCommand implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

  /** Database connections kept for the API's request threads, beside one per worker thread. */
  static final int API_CONNECTIONS = 10;

  /** The address {@code serve} and {@code demo} listen on unless told otherwise: loopback only. */
  static final String DEFAULT_HOST = "127.0.0.1";

  @ParentCommand Main main;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      defaultValue = DEFAULT_HOST,
      description =
          "Address to listen on: 0.0.0.0 for every interface (in a container, or behind a reverse"
              + " proxy on another machine); default: ${DEFAULT-VALUE}, this machine only")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "HTTP port, 0 for any free port (default: ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--workers",
      defaultValue = "2",
      description =
          "Job worker threads in this process, 0 for none (scheduler only; default:"
              + " ${DEFAULT-VALUE})")
  int workers;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
    }
    if (workers < 0 || workers > 64) {
      throw new IllegalArgumentException("--workers must be between 0 and 64, got " + workers);
    }
    if (host.isBlank()) {
      throw new IllegalArgumentException(
          "--host must be an address such as 127.0.0.1 or 0.0.0.0, got an empty value");
    }
    return serveUntilStopped(main, host, port, workers, Optional.empty(), false);
  }

  /** The {@code Database:} line: where the data lives. */
  static String databaseLine(Main main, Database database) {
    return "Database: "
        + (database.isEmbedded()
            ? "embedded PostgreSQL under " + main.config().home()
            : database.settings().address());
  }

  /**
   * Serves API and dashboard on {@code host}:{@code port} until SIGTERM or Ctrl-C, then stops
   * gracefully; {@code signedInAs} prints a ready development token for that user (the demo);
   * {@code databaseAnnounced} leaves out the {@code Database:} line a caller has printed already.
   */
  static int serveUntilStopped(
      Main main,
      String host,
      int port,
      int workers,
      Optional<String> signedInAs,
      boolean databaseAnnounced)
      throws InterruptedException {
    Database database =
        main.database(new Database.PoolOptions(API_CONNECTIONS + workers, "swiftbolt-serve"));
    TokenKeys keys = TokenKeys.resolve(main.config());
    Clock clock = Clock.systemUTC();
    ApiServer server =
        new ApiServer(
                database, new TokenVerifier(keys, clock), clock, SymbolsCommand.directory(main))
            .metricsToken(main.config().metricsToken())
            .dashboardSignIn(
                DashboardSignIn.of(main.config().supabaseUrl(), main.config().supabaseAnonKey()))
            .start(host, port);
    BackgroundJobs jobs = BackgroundJobs.start(database, main.config(), workers, clock);
    jobs.worker().ifPresent(server::reportWorker);
    CountDownLatch stopped = new CountDownLatch(1);
    main.closeInOwnShutdownHook();
    Thread hook =
        new Thread(
            () -> {
              System.out.println("Stopping: finishing in-flight requests and running jobs…");
              server.close();
              jobs.close();
              main.close();
              stopped.countDown();
              // A stop by SIGTERM or Ctrl-C is a success, not the JVM's 143.
              GracefulExit.halt(0);
            },
            "swiftbolt-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    if (!databaseAnnounced) {
      System.out.println(databaseLine(main, database));
    }
    System.out.println(keys.describe());
    keys.jwks().ifPresent(ServeCommand::fetchKeysOnce);
    System.out.println(
        workers == 0
            ? "Jobs: the pipeline scheduler runs here; no worker threads (--workers 0), so run"
                + " `swiftbolt worker` processes against the same database"
            : """
                Jobs: the pipeline scheduler and %s worker threads run here; more `swiftbolt \
                worker` processes may share the database"""
                .formatted(workers));
    String address = browsableAddress(host) + ":" + server.port();
    System.out.println("Serving the dashboard at http://" + address + "/");
    System.out.println("API at http://" + address + "/api/v1 (Ctrl-C to stop)");
    signedInAs
        .filter(user -> keys.development())
        .ifPresent(
            user ->
                System.out.println(
                    "Sign in as %s with this token (valid 24 h):\n%s"
                        .formatted(
                            user,
                            new TokenIssuer(keys.secret().orElseThrow(), clock)
                                .issue(user, TokenIssuer.DEFAULT_LIFETIME))));
    System.out.flush();
    stopped.await();
    return 0;
  }

  /** The address to print for a browser: {@code localhost} for loopback and "every interface". */
  static String browsableAddress(String host) {
    return switch (host) {
      case "127.0.0.1", "0.0.0.0", "::", "::1", "localhost" -> "localhost";
      default -> host.contains(":") ? "[" + host + "]" : host;
    };
  }

  /**
   * Fetches the project's keys once at startup, so that an unreachable JWKS is in the log at once;
   * the server starts either way and answers 503 to tokens that need the keys until a fetch works.
   */
  private static void fetchKeysOnce(SupabaseJwks jwks) {
    try {
      System.out.println(
          "Token keys: %d keys at %s".formatted(jwks.fetchKeys().size(), jwks.jwksUrl()));
    } catch (KeySourceException e) {
      log.warn(
          "Token keys at {} could not be fetched ({}); tokens signed with them are answered 503"
              + " until a fetch succeeds",
          jwks.jwksUrl(),
          e.getMessage());
    }
  }
}
