package dev.swiftbolt.pipelines;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * Once a week on a New York local day and time, e.g. Saturday 06:00 for the symbol list (markets
 * closed, Alpaca's list settled after Friday's listings and delistings). Pure and thread-safe.
 */
public record WeeklySchedule(DayOfWeek day, LocalTime at) implements Schedule {

  public WeeklySchedule {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(at, "at");
  }

  @Override
  public Instant nextRun(Instant after) {
    LocalDate date = after.atZone(NEW_YORK).toLocalDate().with(TemporalAdjusters.nextOrSame(day));
    Instant candidate = ZonedDateTime.of(date, at, NEW_YORK).toInstant();
    return candidate.isAfter(after)
        ? candidate
        : ZonedDateTime.of(date.plusWeeks(1), at, NEW_YORK).toInstant();
  }

  @Override
  public String describe() {
    String name = day.name().charAt(0) + day.name().substring(1).toLowerCase(java.util.Locale.ROOT);
    return "%ss %s America/New_York".formatted(name, at);
  }
}
