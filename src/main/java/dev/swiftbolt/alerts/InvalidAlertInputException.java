package dev.swiftbolt.alerts;

/**
 * Bad input to alerts (a setting, a webhook URL), naming the field or option it came from; nothing
 * was written. The API answers 400 with {@link #field()}, the CLI exits 2.
 */
public final class InvalidAlertInputException extends IllegalArgumentException {

  private final String field;

  public InvalidAlertInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request field (snake_case) the input came from, e.g. {@code confidence_threshold}. */
  public String field() {
    return field;
  }
}
