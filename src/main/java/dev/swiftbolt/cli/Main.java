package dev.swiftbolt.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.swiftbolt.config.LogFormat;
import dev.swiftbolt.config.SwiftBoltConfig;
import dev.swiftbolt.config.SwiftBoltVersion;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.Databases;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code swiftbolt}: the one program. Every operation is a subcommand; this class holds the global
 * options and opens the database once, on first use, for whichever subcommand needs it.
 *
 * <p>Exit codes: 0 success, 1 the operation failed or found problems, 2 bad input or usage.
 */
@Command(
    name = "swiftbolt",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Self-hosted ML forecasting backend for a trader's watchlist.",
      "",
      "Database: DATABASE_URL (postgresql://user:pass@host:port/db?sslmode=… or jdbc:postgresql:…);"
          + " unset, an embedded PostgreSQL under SWIFTBOLT_HOME (default ~/.swiftbolt).",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:the operation failed or found problems",
      "2:bad input or usage (the message names the problem)"
    },
    subcommands = {
      DemoCommand.class,
      DbCommand.class,
      SymbolsCommand.class,
      TrackCommand.class,
      UntrackCommand.class,
      WatchlistCommand.class,
      CheckCommand.class,
      JobsCommand.class,
      ServeCommand.class,
      TokenCommand.class,
      WorkerCommand.class,
      PipelineCommand.class,
      ImportCommand.class,
      BackfillCommand.class,
      IngestCommand.class,
      BarsCommand.class,
      QualityCommand.class,
      ValidateCommand.class,
      ReplayCommand.class,
      TrainCommand.class,
      ForecastCommand.class,
      EvaluateCommand.class,
      ModelsCommand.class,
      PredictionsCommand.class,
      NotificationsCommand.class,
      WebhooksCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @Option(
      names = "--home",
      paramLabel = "DIR",
      scope = CommandLine.ScopeType.INHERIT,
      description =
          "SwiftBolt home: embedded database, dev secrets (default: $SWIFTBOLT_HOME or ~/.swiftbolt)")
  Path home;

  @Option(
      names = {"-v", "--verbose"},
      scope = CommandLine.ScopeType.INHERIT,
      description = "Log progress (INFO) to stderr; twice for DEBUG")
  boolean[] verbose = new boolean[0];

  private final Map<String, String> environment;
  private SwiftBoltConfig config;
  private Database database;
  private Thread closeAtExit;
  private volatile boolean commandClosesAtExit;

  /** Reads its configuration from the process environment. */
  public Main() {
    this(System.getenv());
  }

  /** Reads its configuration from {@code environment} (tests pass a fake Alpaca's URL here). */
  Main(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The environment this command line reads its configuration from. */
  Map<String, String> environment() {
    return environment;
  }

  /** The configuration from the environment and the global flags. */
  public SwiftBoltConfig config() {
    if (config == null) {
      config = SwiftBoltConfig.from(environment, Optional.ofNullable(home));
    }
    return config;
  }

  /**
   * The home given by {@code --home} or {@code SWIFTBOLT_HOME} (or the default), before any command
   * changed it.
   */
  Path configuredHome() {
    return SwiftBoltConfig.from(environment, Optional.ofNullable(home)).home();
  }

  /**
   * Makes {@code home} this command's home (the demo's own); call before the configuration or the
   * database is used.
   */
  synchronized void useHome(Path home) {
    if (database != null) {
      throw new IllegalStateException("the database is open already; set the home before");
    }
    this.home = home;
    this.config = null;
  }

  /** The opened, migrated database; opened on first call, closed when the command ends. */
  public Database database() {
    return database(Database.PoolOptions.DEFAULT);
  }

  /**
   * The opened, migrated database, opened with {@code pool} if this is the first call (a worker
   * sizes the pool to its threads).
   */
  public synchronized Database database(Database.PoolOptions pool) {
    if (database == null) {
      database = Databases.open(config(), pool);
      // Ctrl-C or SIGTERM: close the pool and stop the embedded server this process started.
      closeAtExit =
          new Thread(
              () -> {
                if (!commandClosesAtExit) {
                  close();
                }
              },
              "swiftbolt-close-database");
      Runtime.getRuntime().addShutdownHook(closeAtExit);
    }
    return database;
  }

  /**
   * For a command whose own shutdown hook first stops its work gracefully and then calls {@link
   * #close()} ({@code worker}, {@code serve}): the database is then not closed under it at exit.
   */
  void closeInOwnShutdownHook() {
    commandClosesAtExit = true;
  }

  /** Whether a subcommand opened the database (for summaries). */
  boolean databaseOpened() {
    return database != null;
  }

  synchronized void close() {
    if (database != null) {
      database.close();
      database = null;
    }
    if (closeAtExit != null && Thread.currentThread() != closeAtExit) {
      try {
        Runtime.getRuntime().removeShutdownHook(closeAtExit);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is exiting: the hook finds the database closed.
      }
      closeAtExit = null;
    }
  }

  private void applyVerbosity() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    if (verbose.length >= 2) {
      root.setLevel(Level.DEBUG);
    } else if (verbose.length == 1) {
      root.setLevel(Level.INFO);
    }
  }

  /** Builds the command line with SwiftBolt's exit-code mapping. */
  public static CommandLine commandLine(Main main) {
    CommandLine cmd = new CommandLine(main);
    cmd.setExecutionStrategy(
        parseResult -> {
          try {
            LogOutput.apply(LogFormat.from(main.environment));
          } catch (IllegalArgumentException e) {
            cmd.getErr().println("error: " + e.getMessage());
            cmd.getErr().flush();
            return 2;
          }
          main.applyVerbosity();
          return new CommandLine.RunLast().execute(parseResult);
        });
    cmd.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          err.println("error: " + ex.getMessage());
          if (main.verbose.length > 0) {
            ex.printStackTrace(err);
          }
          err.flush();
          return ex instanceof IllegalArgumentException ? 2 : 1;
        });
    return cmd;
  }

  /** Runs {@code args} and returns the exit code; closes the database afterwards. */
  public static int run(String... args) {
    Main main = new Main();
    try {
      return commandLine(main).execute(args);
    } finally {
      main.close();
    }
  }

  /** {@code --version}: the build's version from {@link SwiftBoltVersion}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"swiftbolt " + SwiftBoltVersion.current()};
    }
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }
}
