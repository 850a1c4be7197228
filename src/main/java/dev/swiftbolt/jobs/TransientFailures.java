package dev.swiftbolt.jobs;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Which database failures are worth retrying: lost or refused connections (SQLSTATE class 08), the
 * server shutting down or starting (57P01–57P03), serialization failures and deadlocks (40001,
 * 40P01), and the pool's connection timeout. Everything else (constraint violations, bad SQL) fails
 * the same way again.
 */
final class TransientFailures {

  private TransientFailures() {}

  static boolean isTransient(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08")
            || state.startsWith("57P")
            || state.equals("40001")
            || state.equals("40P01")) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
