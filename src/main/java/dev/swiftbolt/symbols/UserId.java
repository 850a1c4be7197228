package dev.swiftbolt.symbols;

/**
 * Validation of user ids: Supabase UUIDs (a JWT's {@code sub}) or local names such as {@code
 * test-user-123}. 1 to 200 printable characters without whitespace.
 */
public final class UserId {

  private UserId() {}

  /**
   * @throws IllegalArgumentException naming the rule when {@code raw} is not a valid user id
   */
  public static String validate(String raw) {
    if (raw == null || raw.isEmpty()) {
      throw new IllegalArgumentException("user id is missing");
    }
    if (raw.length() > 200) {
      throw new IllegalArgumentException("user id is longer than 200 characters");
    }
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            "user id must not contain whitespace or control characters");
      }
    }
    return raw;
  }
}
