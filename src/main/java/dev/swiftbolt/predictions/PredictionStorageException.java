package dev.swiftbolt.predictions;

/**
 * Storing a unified prediction failed. The message is "Failed to store prediction: " followed by
 * the database's own message, as the seed reported it; the cause is the driver's exception.
 */
public final class PredictionStorageException extends RuntimeException {

  public PredictionStorageException(String databaseMessage, Throwable cause) {
    super("Failed to store prediction: " + databaseMessage, cause);
  }
}
