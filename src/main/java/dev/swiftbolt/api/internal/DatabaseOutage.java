package dev.swiftbolt.api.internal;

/**
 * How the API answers while the database is out of reach (whether a failure means that is decided
 * by {@link dev.swiftbolt.db.DatabaseOutages}, which reads the driver's SQL states): clients are
 * told when to retry.
 */
final class DatabaseOutage {

  /** How long a client is told to wait before retrying while the database is away. */
  static final String RETRY_AFTER_SECONDS = "5";

  private DatabaseOutage() {}
}
