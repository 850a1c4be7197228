package dev.swiftbolt.db;

/** The database could not be reached within the connect retry budget. */
public final class DatabaseUnavailableException extends RuntimeException {
  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
