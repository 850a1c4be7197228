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
 * attaches to it. An attached process holds one connection open until it closes, so the process
 * that started the server, which alone stops it on {@link #close()}, first waits (up to {@link
 * #CLIENTS_WAIT}) for the other processes' connections to close.
 *
 * <p>The PostgreSQL binaries are unpacked once into zonky's shared directory under {@code
 * java.io.tmpdir} ({@code embedded-pg/}), not into the home: zonky remembers the first unpack
 * location for the whole JVM, so a per-home location would break every later server in the same JVM
 * once that home is deleted.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  /** How long a command waits for another process starting or stopping the server. */
  public static final Duration BUSY_WAIT = Duration.ofSeconds(120);

  /** How long the process that started the server waits for other processes to disconnect. */
  public static final Duration CLIENTS_WAIT = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final String USER = "postgres";
  private static final String DATABASE = "postgres";
  private static final String LOCK_FILE = "pgdata.lock";

  private final Optional<EmbeddedPostgres> owned;
  private final Optional<Connection> attachment;
  private final Path lockFile;
  private final int port;

  private EmbeddedPostgresServer(
      Optional<EmbeddedPostgres> owned, Optional<Connection> attachment, Path lockFile, int port) {
    this.owned = owned;
    this.attachment = attachment;
    this.lockFile = lockFile;
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
          Connection attachment = connect(running.get());
          return new EmbeddedPostgresServer(
              Optional.empty(), Optional.of(attachment), lockFile, running.get());
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
        return new EmbeddedPostgresServer(
            Optional.of(postgres), Optional.empty(), lockFile, postgres.getPort());
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

  private static Connection connect(int port) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", USER);
    properties.setProperty("ApplicationName", "swiftbolt-attached");
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
  static Optional<Integer> runningPort(Path dataDirectory) {
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
   * Detaches, or, in the process that started the server, waits for the other processes'
   * connections to close (up to {@link #CLIENTS_WAIT}) and stops it. Call it after this process's
   * own connections are closed.
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
        });
    owned.ifPresent(this::stop);
  }

  private void stop(EmbeddedPostgres postgres) {
    try (StartupLock lock = StartupLock.acquire(lockFile, BUSY_WAIT)) {
      awaitOtherClients();
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

  /** Waits until no other client is connected, or {@link #CLIENTS_WAIT} has passed. */
  private void awaitOtherClients() {
    long deadline = System.nanoTime() + CLIENTS_WAIT.toNanos();
    boolean announced = false;
    try (Connection connection = connect(port);
        Statement statement = connection.createStatement()) {
      while (true) {
        long others = otherClients(statement);
        if (others == 0) {
          return;
        }
        if (System.nanoTime() > deadline) {
          log.warn(
              "Stopping the embedded PostgreSQL with {} connections of other processes still open",
              others);
          return;
        }
        if (!announced) {
          log.info(
              "Waiting up to {} s for {} connections of other processes to close before stopping"
                  + " the embedded PostgreSQL",
              CLIENTS_WAIT.toSeconds(),
              others);
          announced = true;
        }
        Thread.sleep(100);
      }
    } catch (SQLException e) {
      log.debug("Could not count the other clients: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long otherClients(Statement statement) throws SQLException {
    try (ResultSet rows =
        statement.executeQuery(
            """
            SELECT count(*)
              FROM pg_stat_activity
             WHERE backend_type = 'client backend'
               AND pid <> pg_backend_pid()
            """)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
