package dev.swiftbolt.api.internal;

import java.util.Optional;

/**
 * A client error with its HTTP status, a stable machine-readable code and a message for people;
 * rendered as {@code {"error": code, "message": text, "field": name}}.
 */
final class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final Optional<String> field;

  public ApiException(int status, String code, String message, Optional<String> field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }

  /** 400 about one named parameter or body field. */
  public static ApiException badRequest(String code, String field, String message) {
    return new ApiException(400, code, message, Optional.of(field));
  }

  /** 404 about one named parameter. */
  public static ApiException notFound(String code, String field, String message) {
    return new ApiException(404, code, message, Optional.of(field));
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Optional<String> field() {
    return field;
  }
}
