package dev.swiftbolt.ml.features;

/**
 * There are not enough bars to train or evaluate honestly (the message says which window lacks rows
 * and how many are needed). An operation failure (exit 1), not bad input.
 */
public final class InsufficientHistoryException extends RuntimeException {
  public InsufficientHistoryException(String message) {
    super(message);
  }
}
