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
}
