package dev.swiftbolt.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL under {@code SWIFTBOLT_HOME/pgdata}, whose data is kept between runs.
 *
 * <p>When a server is already running on that data directory (another SwiftBolt process, e.g.
 * {@code serve}, started it), this process attaches to it through the port named in its {@code
 * postmaster.pid} instead of starting a second one. Starting, attaching and stopping take turns
 * under a lock file beside the data directory ({@code pgdata.lock}): a command started at the same
 * moment as another waits (up to {@link #BUSY_WAIT}) for the server the other is starting and
 * attaches to it. An attached process holds one connection open (application name {@value
 * #ATTACHED}) until it closes.
 *
 * <p>The server outlives the process that started it while any other SwiftBolt process uses it: on
 * {@link #close()} the starter stops the server only when no other process is attached; otherwise
 * it hands the server over (it deletes {@code pgdata.starter}, the file naming the starter's pid)
 * and leaves it running. An attached process that closes stops the server when it was the last one
 * attached and the starter has handed over or is gone.
 *
 * <p>The PostgreSQL binaries are unpacked once into zonky's shared directory under {@code
 * java.io.tmpdir} ({@code embedded-pg/}), not into the home: zonky remembers the first unpack
 * location for the whole JVM, so a per-home location would break every later server in the same JVM
 * once that home is deleted.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  /** How long a command waits for another process starting or stopping the server. */
  public static final Duration BUSY_WAIT = Duration.ofSeconds(120);

  /** How long the last process stopping a handed-over server waits for it to shut down. */
  public static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

  /** The application name of the one connection each attached process holds. */
  static final String ATTACHED = "swiftbolt-attached";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final String USER = "postgres";
  private static final String DATABASE = "postgres";
  private static final String LOCK_FILE = "pgdata.lock";
  private static final String STARTER_FILE = "pgdata.starter";

  private final Optional<EmbeddedPostgres> owned;
  private final Optional<Connection> attachment;
  private final Path home;
  private final int port;

  private EmbeddedPostgresServer(
      Optional<EmbeddedPostgres> owned, Optional<Connection> attachment, Path home, int port) {
    this.owned = owned;
    this.attachment = attachment;
    this.home = home;
    this.port = port;
  }

  /**
   * Attaches to the server running on {@code home/pgdata}, or starts one there; waits for another
   * process that is starting or stopping it.
   *
   * @throws UncheckedIOException when the server cannot be started
   * @throws IllegalStateException when another process keeps it busy for more than {@link
   *     #BUSY_WAIT}
   */
  public static EmbeddedPostgresServer startOrAttach(Path home) {
    Path dataDirectory = home.resolve("pgdata");
    Path lockFile = home.resolve(LOCK_FILE);
    try {
      Files.createDirectories(home);
      try (StartupLock lock = StartupLock.acquire(lockFile, BUSY_WAIT)) {
        Optional<Integer> running = runningPort(dataDirectory);
        if (running.isPresent()) {
          log.info(
              "Attaching to the embedded PostgreSQL already running on port {}", running.get());
          Connection attachment = connect(running.get(), ATTACHED);
          return new EmbeddedPostgresServer(
              Optional.empty(), Optional.of(attachment), home, running.get());
        }
        EmbeddedPostgres postgres =
            EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "on")
                .start();
        log.info("Started the embedded PostgreSQL on port {}", postgres.getPort());
        Files.writeString(home.resolve(STARTER_FILE), Long.toString(ProcessHandle.current().pid()));
        return new EmbeddedPostgresServer(
            Optional.of(postgres), Optional.empty(), home, postgres.getPort());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not start the embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new UncheckedIOException(
          new IOException(
              "Could not attach to the embedded PostgreSQL in %s: %s"
                  .formatted(dataDirectory, e.getMessage()),
              e));
    }
  }

  /** Connection settings for the server's default database. */
  public ConnectionSettings connectionSettings() {
    return new ConnectionSettings(jdbcUrl(port), "localhost", port, USER, null, new Properties());
  }

  private static String jdbcUrl(int port) {
    return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
  }

  private static Connection connect(int port, String applicationName) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", USER);
    properties.setProperty("ApplicationName", applicationName);
    return DriverManager.getConnection(jdbcUrl(port), properties);
  }

  /** Whether this process started the server (and so stops it on close). */
  public boolean ownsServer() {
    return owned.isPresent();
  }

  /** The port the server listens on. */
  public int port() {
    return port;
  }

  /**
   * The port of a live server on {@code dataDirectory}, read from its {@code postmaster.pid} (line
   * 4) and confirmed by a TCP connection; empty when there is none or the file is stale.
   */
  public static Optional<Integer> runningPort(Path dataDirectory) {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(pidFile);
      if (lines.size() < 4) {
        return Optional.empty();
      }
      long pid = Long.parseLong(lines.get(0).trim());
      int port = Integer.parseInt(lines.get(3).trim());
      boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      return alive && accepts(port) ? Optional.of(port) : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Detaches (stopping the server when this was the last process using it and its starter has
   * handed it over or is gone), or, in the process that started the server, stops it when no other
   * process is attached and otherwise hands it over. Call it after this process's own connections
   * are closed.
   */
  @Override
  public void close() {
    attachment.ifPresent(
        connection -> {
          try {
            connection.close();
          } catch (SQLException e) {
            log.debug("Detaching from the embedded PostgreSQL: {}", e.getMessage());
          }
          stopIfLastAfterHandOver();
        });
    owned.ifPresent(this::stopOrHandOver);
  }

  private void stopOrHandOver(EmbeddedPostgres postgres) {
    try (StartupLock lock = StartupLock.acquire(home.resolve(LOCK_FILE), BUSY_WAIT)) {
      long others = attachedProcesses();
      Files.deleteIfExists(home.resolve(STARTER_FILE));
      if (others > 0) {
        log.info(
            "Leaving the embedded PostgreSQL running on port {} for the {} other SwiftBolt processes using it; the last of them stops it",
            port,
            others);
        return;
      }
      postgres.close();
    } catch (IOException | RuntimeException e) {
      log.warn("Stopping the embedded PostgreSQL: {}", e.getMessage());
      try {
        postgres.close();
      } catch (IOException again) {
        log.warn("Stopping the embedded PostgreSQL failed: {}", again.getMessage());
      }
    }
  }

  /** In an attached process: stops a handed-over server that no other process uses any more. */
  private void stopIfLastAfterHandOver() {
    Path dataDirectory = home.resolve("pgdata");
    try (StartupLock lock = StartupLock.acquire(home.resolve(LOCK_FILE), BUSY_WAIT)) {
      if (starterAlive() || runningPort(dataDirectory).isEmpty() || attachedProcesses() > 0) {
        return;
      }
      Optional<ProcessHandle> postmaster = postmaster(dataDirectory);
      if (postmaster.isEmpty()) {
        return;
      }
      log.info("Stopping the embedded PostgreSQL on port {}: no SwiftBolt process uses it", port);
      postmaster.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown
      postmaster.get().onExit().get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (IOException | RuntimeException | ExecutionException | TimeoutException e) {
      log.warn("Stopping the handed-over embedded PostgreSQL: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the process that started the server still runs and has not handed it over. */
  private boolean starterAlive() throws IOException {
    Path starter = home.resolve(STARTER_FILE);
    if (!Files.isRegularFile(starter)) {
      return false;
    }
    try {
      long pid = Long.parseLong(Files.readString(starter).trim());
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Optional<ProcessHandle> postmaster(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    try {
      return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  /** How many other processes are attached (each holds one {@value #ATTACHED} connection). */
  private long attachedProcesses() {
    try (Connection connection = connect(port, "swiftbolt-closing");
        Statement statement = connection.createStatement()) {
      return otherClients(statement);
    } catch (SQLException e) {
      log.debug("Could not count the attached processes: {}", e.getMessage());
      return 0;
    }
  }

  private static long otherClients(Statement statement) throws SQLException {
    try (ResultSet rows =
        statement.executeQuery(
            """
            SELECT count(*)
              FROM pg_stat_activity
             WHERE backend_type = 'client backend'
               AND application_name = 'swiftbolt-attached'
            """)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
