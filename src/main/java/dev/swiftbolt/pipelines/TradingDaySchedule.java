package dev.swiftbolt.pipelines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Once on every trading day at a New York local time, e.g. 16:30 for the daily refresh after the
 * 16:00 close. Pure and thread-safe.
 */
public record TradingDaySchedule(LocalTime at, MarketSessions sessions) implements Schedule {

  private static final int SEARCH_DAYS = 366;

  public TradingDaySchedule {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(sessions, "sessions");
  }

  @Override
  public Instant nextRun(Instant after) {
    LocalDate day = after.atZone(NEW_YORK).toLocalDate();
    for (int i = 0; i <= SEARCH_DAYS; i++, day = day.plusDays(1)) {
      if (sessions.hours(day).isPresent()) {
        Instant candidate = ZonedDateTime.of(day, at, NEW_YORK).toInstant();
        if (candidate.isAfter(after)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException("no trading day within a year after " + after);
  }

  @Override
  public String describe() {
    return at + " America/New_York on trading days";
  }
}
