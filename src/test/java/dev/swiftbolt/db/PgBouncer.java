package dev.swiftbolt.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A real PgBouncer (Debian's {@code pgbouncer} package, {@code /usr/sbin/pgbouncer}) in {@code
 * pool_mode = transaction} in front of the shared embedded PostgreSQL, on a free port: the stand-in
 * for Supabase's transaction pooler (port 6543), which follows the same rules (no prepared
 * statements, no session state). Started by the test, stopped with {@link #close()}.
 */
public final class PgBouncer implements AutoCloseable {

  /** Where Debian installs it; {@code .ci/run} installs the package when it is missing. */
  static final Path BINARY = Path.of("/usr/sbin/pgbouncer");

  private final Process process;
  private final int port;
  private final Path directory;
  private final Path log;

  private PgBouncer(Process process, int port, Path directory, Path log) {
    this.process = process;
    this.port = port;
    this.directory = directory;
    this.log = log;
  }

  /** Starts PgBouncer in transaction mode in front of {@link TestDatabase#server()}. */
  public static PgBouncer startInTransactionMode() {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException(
          BINARY + " is missing: install Debian's pgbouncer package (.ci/run does)");
    }
    int backendPort = TestDatabase.server().getPort();
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        return start(backendPort, freePort());
      } catch (IOException e) {
        last = e;
      }
    }
    throw new UncheckedIOException("PgBouncer did not start", last);
  }

  private static PgBouncer start(int backendPort, int port) throws IOException {
    Path dir =
        Files.createTempDirectory(
            "pgbouncer",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Path users = dir.resolve("users.txt");
    Files.writeString(users, "\"postgres\" \"\"\n", StandardCharsets.UTF_8);
    Path ini = dir.resolve("pgbouncer.ini");
    Files.writeString(
        ini,
        """
        [databases]
        * = host=127.0.0.1 port=%d

        [pgbouncer]
        listen_addr = 127.0.0.1
        listen_port = %d
        unix_socket_dir =
        auth_type = trust
        auth_file = %s
        pool_mode = transaction
        max_client_conn = 400
        default_pool_size = 3
        ignore_startup_parameters = extra_float_digits,options
        """
            .formatted(backendPort, port, users),
        StandardCharsets.UTF_8);
    for (Path p : List.of(users, ini)) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
    }
    List<String> command = new ArrayList<>(List.of(BINARY.toString()));
    if ("root".equals(System.getProperty("user.name"))) {
      // PgBouncer refuses to run as root; -u drops to an unprivileged user.
      command.addAll(List.of("-u", "nobody"));
    }
    command.add(ini.toString());
    Path log = dir.resolve("pgbouncer.log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    PgBouncer bouncer = new PgBouncer(process, port, dir, log);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException("PgBouncer exited: " + Files.readString(log));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return bouncer;
      } catch (IOException notYet) {
        sleep(50);
      }
    }
    bouncer.close();
    throw new IOException("PgBouncer did not listen within 10 s: " + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public int port() {
    return port;
  }

  /**
   * A {@code DATABASE_URL} for {@code database} through this PgBouncer, as Supabase shows its
   * transaction pooler's: {@code ?pgbouncer=true}.
   */
  public String databaseUrl(String database) {
    return "postgresql://postgres@127.0.0.1:" + port + "/" + database + "?pgbouncer=true";
  }

  /** Connection settings for {@code database} through this PgBouncer, parsed from its URL. */
  public ConnectionSettings settings(String database) {
    return DatabaseUrl.parse(databaseUrl(database));
  }

  /** Everything PgBouncer logged so far (for failure messages). */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (var files = Files.list(directory)) {
      for (Path p : files.toList()) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(directory);
    } catch (IOException ignored) {
      // a leftover temporary directory is harmless
    }
  }
}
