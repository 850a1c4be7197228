package dev.swiftbolt.config;

import java.util.Locale;
import java.util.Map;

/**
 * How SwiftBolt writes its log lines to stderr, from {@code SWIFTBOLT_LOG_FORMAT}: {@code text}
 * (the default; one readable line per event) or {@code json} (one JSON object per line with
 * timestamp, level, logger, thread, message, MDC and throwable, for a log shipper).
 */
public enum LogFormat {
  TEXT,
  JSON;

  /** The environment variable that selects the format. */
  public static final String VARIABLE = "SWIFTBOLT_LOG_FORMAT";

  /**
   * The format {@code env} asks for; unset or blank is {@link #TEXT}.
   *
   * @throws IllegalArgumentException when the value is neither {@code text} nor {@code json}
   */
  public static LogFormat from(Map<String, String> env) {
    String value = env.getOrDefault(VARIABLE, "").trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "", "text" -> TEXT;
      case "json" -> JSON;
      default ->
          throw new IllegalArgumentException(
              "%s must be text or json, got '%s'".formatted(VARIABLE, env.get(VARIABLE)));
    };
  }
}
