package dev.swiftbolt.api.internal;

import dev.swiftbolt.db.DatabaseOutages;

/**
 * How the API answers while the database is out of reach: whether a failure means that is decided
 * by {@link DatabaseOutages} (the database package reads the driver's SQL states), and clients are
 * told when to retry.
 */
final class DatabaseOutage {

  /** How long a client is told to wait before retrying while the database is away. */
  static final String RETRY_AFTER_SECONDS = "5";

  private DatabaseOutage() {}

  static boolean causedBy(Throwable failure) {
    return DatabaseOutages.causedBy(failure);
  }
}
