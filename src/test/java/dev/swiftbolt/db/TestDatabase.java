package dev.swiftbolt.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real PostgreSQL for tests: one embedded server per test JVM, and a fresh, migrated database of
 * its own for each {@link #create()} call (one per test class), so test classes never see each
 * other's rows.
 */
public final class TestDatabase {

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestDatabase() {}

  /** The shared embedded server, started on first use; stopped by its shutdown hook. */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server;
  }

  /** A new empty database, migrated to the latest schema. Close it when the test class ends. */
  public static Database create() {
    return create(Database.PoolOptions.DEFAULT);
  }

  /** Like {@link #create()} with pool options (e.g. several pools for concurrency tests). */
  public static Database create(Database.PoolOptions pool) {
    return Database.open(newDatabase(), Database.ConnectRetry.DEFAULT, pool);
  }

  /** Creates a new empty database (not migrated) and returns how to connect to it. */
  public static ConnectionSettings newDatabase() {
    String name = "t_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return settingsFor(name);
  }

  /** Connection settings of a database in the shared server. */
  public static ConnectionSettings settingsFor(String name) {
    int port = server().getPort();
    return new ConnectionSettings(
        "jdbc:postgresql://localhost:" + port + "/" + name,
        "localhost",
        port,
        "postgres",
        null,
        new Properties());
  }

  /**
   * A server of its own configured like the production embedded one (fsync on) and with commits
   * waiting for the WAL flush (synchronous_commit on, PostgreSQL's default), for benchmarks whose
   * figures depend on what a commit costs (the shared test server does not flush). Stopped when the
   * JVM exits.
   */
  public static ConnectionSettings durableServer() {
    try {
      EmbeddedPostgres durable =
          EmbeddedPostgres.builder()
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("max_connections", "100")
              .start();
      return new ConnectionSettings(
          "jdbc:postgresql://localhost:" + durable.getPort() + "/postgres",
          "localhost",
          durable.getPort(),
          "postgres",
          null,
          new Properties());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
