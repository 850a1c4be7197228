package dev.swiftbolt.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * postmaster.pid} instead of starting a second one. Only the process that started the server stops
 * it on {@link #close()}.
 *
 * <p>The PostgreSQL binaries are unpacked once into zonky's shared directory under {@code
 * java.io.tmpdir} ({@code embedded-pg/}), not into the home: zonky remembers the first unpack
 * location for the whole JVM, so a per-home location would break every later server in the same JVM
 * once that home is deleted.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final String USER = "postgres";
  private static final String DATABASE = "postgres";

  private final Optional<EmbeddedPostgres> owned;
  private final int port;

  private EmbeddedPostgresServer(Optional<EmbeddedPostgres> owned, int port) {
    this.owned = owned;
    this.port = port;
  }

  /**
   * Attaches to the server running on {@code home/pgdata}, or starts one there.
   *
   * @throws UncheckedIOException when the server cannot be started
   */
  public static EmbeddedPostgresServer startOrAttach(Path home) {
    Path dataDirectory = home.resolve("pgdata");
    Optional<Integer> running = runningPort(dataDirectory);
    if (running.isPresent()) {
      log.info("Attaching to the embedded PostgreSQL already running on port {}", running.get());
      return new EmbeddedPostgresServer(Optional.empty(), running.get());
    }
    try {
      Files.createDirectories(home);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setServerConfig("max_connections", "200")
              .setServerConfig("fsync", "on")
              .start();
      log.info("Started the embedded PostgreSQL on port {}", postgres.getPort());
      return new EmbeddedPostgresServer(Optional.of(postgres), postgres.getPort());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not start the embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage(), e);
    }
  }

  /** Connection settings for the server's default database. */
  public ConnectionSettings connectionSettings() {
    return new ConnectionSettings(
        "jdbc:postgresql://localhost:" + port + "/" + DATABASE,
        "localhost",
        port,
        USER,
        null,
        new Properties());
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

  @Override
  public void close() {
    owned.ifPresent(
        postgres -> {
          try {
            postgres.close();
          } catch (IOException e) {
            log.warn("Stopping the embedded PostgreSQL failed: {}", e.getMessage());
          }
        });
  }
}
