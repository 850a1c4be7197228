package dev.swiftbolt.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open, migrated PostgreSQL database: a HikariCP pool, JDBI on top of it, and the embedded
 * server it runs on when there is one.
 *
 * <p>Opening waits for the database with exponential backoff (bounded by {@link
 * ConnectRetry#maxWait()}) and then applies the Flyway migrations under {@code db/migration}.
 * Thread-safe; close once.
 */
public final class Database implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final ConnectionSettings settings;
  private final Optional<EmbeddedPostgresServer> embedded;

  private Database(
      HikariDataSource dataSource,
      ConnectionSettings settings,
      Optional<EmbeddedPostgresServer> embedded) {
    this.dataSource = dataSource;
    this.settings = settings;
    this.embedded = embedded;
    this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
  }

  /** How long and how often to wait for an unreachable database before giving up. */
  public record ConnectRetry(Duration firstWait, Duration maxWait, int maxAttempts) {
    /** About 30 s in all: waits of 0.5, 1, 2, 4, 8, 8, 8 s. */
    public static final ConnectRetry DEFAULT =
        new ConnectRetry(Duration.ofMillis(500), Duration.ofSeconds(8), 8);
  }

  /** Options of the connection pool. */
  public record PoolOptions(int maximumPoolSize, String poolName) {
    public static final PoolOptions DEFAULT = new PoolOptions(10, "swiftbolt");
  }

  /**
   * Connects to {@code settings} (waiting for it with backoff), migrates it and returns it.
   *
   * @throws DatabaseUnavailableException naming host and port when it stays unreachable
   */
  public static Database open(ConnectionSettings settings, ConnectRetry retry, PoolOptions pool) {
    Database database = connect(settings, retry, pool, Optional.empty());
    database.migrate();
    return database;
  }

  /**
   * Connects to {@code settings} (waiting for it with backoff) without migrating: for checks that
   * report the schema as they find it.
   *
   * @throws DatabaseUnavailableException naming host and port when it stays unreachable
   */
  public static Database connect(
      ConnectionSettings settings, ConnectRetry retry, PoolOptions pool) {
    return connect(settings, retry, pool, Optional.empty());
  }

  /** Opens the database of an embedded server; the server is closed with the database. */
  public static Database openEmbedded(EmbeddedPostgresServer server, PoolOptions pool) {
    Database database =
        connect(server.connectionSettings(), ConnectRetry.DEFAULT, pool, Optional.of(server));
    database.migrate();
    return database;
  }

  /** Connects to the database of an embedded server without migrating it. */
  public static Database connectEmbedded(EmbeddedPostgresServer server, PoolOptions pool) {
    return connect(server.connectionSettings(), ConnectRetry.DEFAULT, pool, Optional.of(server));
  }

  private static Database connect(
      ConnectionSettings settings,
      ConnectRetry retry,
      PoolOptions pool,
      Optional<EmbeddedPostgresServer> embedded) {
    waitUntilReachable(settings, retry);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.jdbcUrl());
    if (settings.user() != null) {
      config.setUsername(settings.user());
    }
    if (settings.password() != null) {
      config.setPassword(settings.password());
    }
    config.setDataSourceProperties(settings.properties());
    config.setMaximumPoolSize(pool.maximumPoolSize());
    config.setMinimumIdle(1);
    config.setPoolName(pool.poolName());
    config.setConnectionTimeout(10_000);
    return new Database(new HikariDataSource(config), settings, embedded);
  }

  private static void waitUntilReachable(ConnectionSettings settings, ConnectRetry retry) {
    RetryConfig config =
        RetryConfig.custom()
            .maxAttempts(retry.maxAttempts())
            .intervalFunction(
                IntervalFunction.ofExponentialBackoff(retry.firstWait(), 2.0, retry.maxWait()))
            .retryExceptions(SQLException.class)
            .build();
    Retry connect = Retry.of("database-connect", config);
    connect
        .getEventPublisher()
        .onRetry(
            event ->
                log.warn(
                    "Database {} not reachable (attempt {}), retrying in {} ms",
                    settings.address(),
                    event.getNumberOfRetryAttempts(),
                    event.getWaitInterval().toMillis()));
    try {
      connect.executeCallable(
          () -> {
            try (Connection ignored = connectOnce(settings)) {
              return Boolean.TRUE;
            }
          });
    } catch (SQLException e) {
      throw new DatabaseUnavailableException(
          "Cannot reach PostgreSQL at %s after %s attempts: %s"
              .formatted(settings.address(), retry.maxAttempts(), e.getMessage()),
          e);
    } catch (Exception e) {
      throw new DatabaseUnavailableException(
          "Cannot reach PostgreSQL at " + settings.address() + ": " + e.getMessage(), e);
    }
  }

  private static Connection connectOnce(ConnectionSettings settings) throws SQLException {
    Properties properties = settings.properties();
    if (settings.user() != null) {
      properties.setProperty("user", settings.user());
    }
    if (settings.password() != null) {
      properties.setProperty("password", settings.password());
    }
    properties.putIfAbsent("connectTimeout", "5");
    return DriverManager.getConnection(settings.jdbcUrl(), properties);
  }

  /**
   * Applies pending migrations; returns how many ran.
   *
   * <p>Through a transaction pooler Flyway takes its lock with {@code pg_try_advisory_xact_lock}
   * (transaction-scoped: Flyway's default {@code postgresql.transactional.lock=true}) and prepared
   * statements are off, so migrating works there too; should it fail anyway, the message names the
   * session pooler (port 5432) and the direct connection.
   *
   * @throws IllegalStateException when migrating through a transaction pooler fails
   */
  public int migrate() {
    MigrateResult result;
    try {
      result = flyway().migrate();
    } catch (FlywayException e) {
      if (settings.mode() != ConnectionMode.TRANSACTION_POOLER) {
        throw e;
      }
      throw new IllegalStateException(
          "migrating through the transaction pooler at %s failed: %s; run `swiftbolt db migrate` with DATABASE_URL on the session pooler (port %d) or the direct connection, then use the transaction pooler again"
              .formatted(settings.address(), e.getMessage(), ConnectionMode.SESSION_POOLER_PORT),
          e);
    }
    protectHistory();
    if (result.migrationsExecuted > 0) {
      log.info("Applied {} database migrations", result.migrationsExecuted);
    }
    return result.migrationsExecuted;
  }

  /**
   * Row-level security on Flyway's history table, as V7 enables it on every other table, and no
   * privilege on it for Supabase's anon and authenticated, as V11 grants every other table: Flyway
   * holds a transaction on the history while a migration runs, so this runs after Flyway is done,
   * and only takes the table's lock when the setting is still off.
   */
  private void protectHistory() {
    try {
      jdbi.useHandle(h -> h.execute(PROTECT_HISTORY));
    } catch (RuntimeException e) {
      log.warn(
          "Row-level security could not be enabled on flyway_schema_history (connect as its"
              + " owner once to do it): {}",
          e.getMessage());
    }
  }

  private static final String PROTECT_HISTORY =
      """
      DO $$
      BEGIN
        IF EXISTS (
          SELECT 1
          FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = current_schema()
            AND c.relname = 'flyway_schema_history'
            AND NOT c.relrowsecurity
        ) THEN
          ALTER TABLE flyway_schema_history ENABLE ROW LEVEL SECURITY;
        END IF;
        IF (SELECT count(*) FROM pg_roles
            WHERE rolname IN ('anon', 'authenticated', 'service_role')) = 3
           AND to_regclass('flyway_schema_history') IS NOT NULL THEN
          IF has_table_privilege('anon', 'flyway_schema_history',
               'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
             OR has_table_privilege('authenticated', 'flyway_schema_history',
               'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER') THEN
            REVOKE ALL ON TABLE flyway_schema_history FROM anon, authenticated;
          END IF;
        END IF;
      END
      $$""";

  /** Flyway configured for this database, for {@code db info}. */
  public Flyway flyway() {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .loggers("slf4j")
        .load();
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** The connection settings, password hidden in {@code toString()}. */
  public ConnectionSettings settings() {
    return settings;
  }

  /** Whether this database lives in the embedded server. */
  public boolean isEmbedded() {
    return embedded.isPresent();
  }

  @Override
  public void close() {
    dataSource.close();
    embedded.ifPresent(EmbeddedPostgresServer::close);
  }
}
