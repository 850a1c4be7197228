package dev.swiftbolt.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database is out of reach (down, restarting, refusing connections), as
 * opposed to a bug: a {@link DatabaseUnavailableException}, a pool that timed out waiting for a
 * connection, or an SQL state of class 08 (connection exception) or 57P01–57P03 (the server is
 * shutting down or starting). Read along the whole cause chain, since JDBI and the pool wrap the
 * driver's exception. Pure.
 */
public final class DatabaseOutages {

  private DatabaseOutages() {}

  /** Whether {@code failure}, or any exception in its cause chain, means the database is away. */
  public static boolean causedBy(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DatabaseUnavailableException
          || t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.matches("57P0[123]")) {
          return true;
        }
      }
    }
    return false;
  }
}
