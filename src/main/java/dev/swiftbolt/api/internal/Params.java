package dev.swiftbolt.api.internal;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.symbols.SymbolCode;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Parsing of path and query parameters into values, with 400s that name the parameter. */
final class Params {

  /** Earliest and latest instants a date parameter may name. */
  public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  private static final Pattern ASCII_INTEGER = Pattern.compile("-?[0-9]{1,10}");

  private Params() {}

  /** The {@code {symbol}} path parameter, upper-cased and validated. */
  public static String symbol(Context ctx) {
    return symbol("symbol", ctx.pathParam("symbol"));
  }

  /** A symbol from any source, upper-cased and validated; 400 {@code invalid_symbol}. */
  public static String symbol(String field, String raw) {
    if (raw != null && raw.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.badRequest(
          "invalid_symbol", field, field + " must not contain control characters");
    }
    try {
      return SymbolCode.normalize(raw);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid_symbol", field, e.getMessage());
    }
  }

  /**
   * An optional query parameter, empty when absent or blank; 400 {@code invalid_parameter} when it
   * holds a control character (e.g. a trailing {@code %00}), which trimming would otherwise hide.
   */
  public static Optional<String> query(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw != null && raw.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.badRequest(
          "invalid_parameter",
          name,
          "%s must not contain control characters, got '%s'".formatted(name, printable(raw)));
    }
    return Optional.ofNullable(raw).map(String::trim).filter(s -> !s.isEmpty());
  }

  /** The {@code timeframe} query parameter; required. */
  public static Timeframe timeframe(Context ctx) {
    String raw =
        query(ctx, "timeframe")
            .orElseThrow(
                () ->
                    ApiException.badRequest(
                        "missing_parameter",
                        "timeframe",
                        "timeframe is required; one of M15, H1, H4, D1, W1"));
    return timeframe(raw);
  }

  /** The {@code timeframe} query parameter when given. */
  public static Optional<Timeframe> optionalTimeframe(Context ctx) {
    return query(ctx, "timeframe").map(Params::timeframe);
  }

  /** The {@code timeframes} query parameter (comma-separated), all five M15 to W1 when absent. */
  public static List<Timeframe> timeframes(Context ctx) {
    Optional<String> raw = query(ctx, "timeframes");
    if (raw.isEmpty()) {
      return List.of(Timeframe.values());
    }
    Set<Timeframe> list = new LinkedHashSet<>();
    for (String part : raw.get().split(",", -1)) {
      try {
        list.add(Timeframe.parse(part.trim()));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("invalid_timeframe", "timeframes", e.getMessage());
      }
    }
    return List.copyOf(list);
  }

  private static Timeframe timeframe(String raw) {
    try {
      return Timeframe.parse(raw);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid_timeframe", "timeframe", e.getMessage());
    }
  }

  /**
   * An instant query parameter: an ISO date ({@code 2024-03-01}, midnight UTC; for {@code to} the
   * whole day is included by the caller) or an ISO instant ({@code 2024-03-01T14:30:00Z}), between
   * 1970 and 2100.
   */
  public static Optional<Instant> instant(Context ctx, String name) {
    return query(ctx, name).map(raw -> parseInstant(name, raw));
  }

  /** Whether the parameter was given as a plain date (so {@code to} means "through that day"). */
  public static boolean isDate(Context ctx, String name) {
    return query(ctx, name).map(raw -> raw.length() == 10).orElse(false);
  }

  static Instant parseInstant(String name, String raw) {
    Instant value;
    try {
      value =
          raw.length() == 10
              ? LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant()
              : Instant.parse(raw);
    } catch (DateTimeException e) {
      throw ApiException.badRequest(
          "invalid_date",
          name,
          "%s must be an ISO date (2024-03-01) or instant (2024-03-01T14:30:00Z), got '%s'"
              .formatted(name, printable(raw)));
    }
    if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
      throw ApiException.badRequest(
          "invalid_date",
          name,
          name + " must be between 1970-01-01 and 2100-01-01, got " + printable(raw));
    }
    return value;
  }

  /**
   * An integer query parameter within [min, max], or the default. Only ASCII digits with an
   * optional leading minus are an integer: no {@code +}, no other scripts' digits ({@code ５}).
   */
  public static int intParam(Context ctx, String name, int defaultValue, int min, int max) {
    Optional<String> raw = query(ctx, name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    int value;
    try {
      if (!ASCII_INTEGER.matcher(raw.get()).matches()) {
        throw new NumberFormatException("not ASCII digits");
      }
      value = Integer.parseInt(raw.get());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "invalid_parameter",
          name,
          name + " must be an integer, got '" + printable(raw.get()) + "'");
    }
    if (value < min || value > max) {
      throw ApiException.badRequest(
          "invalid_parameter",
          name,
          name + " must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  /** Input echoed in messages: see {@link Printable#quote}. */
  public static String printable(String raw) {
    return Printable.quote(raw);
  }
}
