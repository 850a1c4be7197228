package dev.swiftbolt.db;

import dev.swiftbolt.config.SwiftBoltConfig;

/** Opens the database the configuration names: {@code DATABASE_URL}, or the embedded one. */
public final class Databases {

  private Databases() {}

  /**
   * Opens and migrates the configured database.
   *
   * @throws IllegalArgumentException when {@code DATABASE_URL} is malformed (naming the part)
   * @throws DatabaseUnavailableException when it cannot be reached
   */
  public static Database open(SwiftBoltConfig config, Database.PoolOptions pool) {
    if (config.databaseUrl().isPresent()) {
      ConnectionSettings settings = DatabaseUrl.parse(config.databaseUrl().get());
      return Database.open(settings, Database.ConnectRetry.DEFAULT, pool);
    }
    return Database.openEmbedded(EmbeddedPostgresServer.startOrAttach(config.home()), pool);
  }

  /**
   * Connects to the configured database without migrating it, waiting for an external one with
   * {@code retry}.
   *
   * @throws IllegalArgumentException when {@code DATABASE_URL} is malformed (naming the part)
   * @throws DatabaseUnavailableException when it cannot be reached
   */
  public static Database connect(
      SwiftBoltConfig config, Database.PoolOptions pool, Database.ConnectRetry retry) {
    if (config.databaseUrl().isPresent()) {
      return Database.connect(DatabaseUrl.parse(config.databaseUrl().get()), retry, pool);
    }
    return Database.connectEmbedded(EmbeddedPostgresServer.startOrAttach(config.home()), pool);
  }
}
