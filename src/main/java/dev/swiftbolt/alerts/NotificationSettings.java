package dev.swiftbolt.alerts;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One user's notification settings: the kinds enabled, the unified-confidence threshold whose
 * crossing is an event, and the cooldown that drops repeats of one (symbol, kind, state) inside it.
 *
 * @param kinds the enabled event kinds (default all of {@link NotificationKind#EVENTS})
 * @param confidenceThreshold in [0, 1] (default {@value #DEFAULT_THRESHOLD})
 * @param cooldown at least one minute (default six hours)
 */
public record NotificationSettings(
    Set<NotificationKind> kinds, double confidenceThreshold, Duration cooldown) {

  public static final double DEFAULT_THRESHOLD = 0.50;
  public static final Duration DEFAULT_COOLDOWN = Duration.ofHours(6);
  public static final Duration MIN_COOLDOWN = Duration.ofMinutes(1);

  /** Every kind, threshold 0.50, cooldown 6 h: what a user without a settings row has. */
  public static final NotificationSettings DEFAULTS =
      new NotificationSettings(
          EnumSet.copyOf(NotificationKind.EVENTS), DEFAULT_THRESHOLD, DEFAULT_COOLDOWN);

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,7})\\s*(s|m|min|h|d)");

  public NotificationSettings {
    if (kinds.contains(NotificationKind.WEBHOOK_TEST)) {
      throw new InvalidAlertInputException("kinds", "webhook.test is not a kind one can enable");
    }
    kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    if (!(confidenceThreshold >= 0 && confidenceThreshold <= 1)) {
      throw new InvalidAlertInputException(
          "confidence_threshold",
          "confidence_threshold must be between 0 and 1; got %s".formatted(confidenceThreshold));
    }
    if (cooldown.compareTo(MIN_COOLDOWN) < 0) {
      throw new InvalidAlertInputException(
          "cooldown", "cooldown must be at least one minute; got %s".formatted(cooldown));
    }
  }

  public boolean enabled(NotificationKind kind) {
    return kind == NotificationKind.WEBHOOK_TEST || kinds.contains(kind);
  }

  public NotificationSettings withKinds(Set<NotificationKind> k) {
    return new NotificationSettings(k, confidenceThreshold, cooldown);
  }

  public NotificationSettings withThreshold(double t) {
    return new NotificationSettings(kinds, t, cooldown);
  }

  public NotificationSettings withCooldown(Duration c) {
    return new NotificationSettings(kinds, confidenceThreshold, c);
  }

  /**
   * Event kinds by name ({@code direction.changed}, …; {@code all} for every one).
   *
   * @throws InvalidAlertInputException naming {@code field} and the unknown kind
   */
  public static Set<NotificationKind> parseKinds(String field, List<String> names) {
    Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
    for (String raw : names) {
      String name = raw.trim();
      if (name.equals("all")) {
        kinds.addAll(NotificationKind.EVENTS);
        continue;
      }
      kinds.add(
          NotificationKind.event(name)
              .orElseThrow(
                  () ->
                      new InvalidAlertInputException(
                          field,
                          "unknown kind '%s' in %s; the kinds are %s"
                              .formatted(printable(name), field, NotificationKind.eventNames()))));
    }
    return kinds;
  }

  /**
   * A cooldown written {@code 90s}, {@code 30m}, {@code 6h}, {@code 1d} or ISO-8601 ({@code PT6H}).
   *
   * @throws InvalidAlertInputException naming {@code field} when it is neither
   */
  public static Duration parseCooldown(String field, String raw) {
    String text = raw.trim().toLowerCase(Locale.ROOT);
    Matcher m = SHORT_DURATION.matcher(text);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m", "min" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(raw.trim().toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new InvalidAlertInputException(
          field,
          "%s '%s' is not a duration; write e.g. 30m, 6h, 1d or PT6H"
              .formatted(field, printable(raw)));
    }
  }

  /** The enabled kinds' names in the catalogue's order. */
  public List<String> kindNames() {
    List<String> names = new ArrayList<>();
    for (NotificationKind k : NotificationKind.EVENTS) {
      if (kinds.contains(k)) {
        names.add(k.wire());
      }
    }
    return names;
  }

  static String printable(String raw) {
    String cut = raw.length() > 60 ? raw.substring(0, 60) + "…" : raw;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
