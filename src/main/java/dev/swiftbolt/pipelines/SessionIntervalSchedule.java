package dev.swiftbolt.pipelines;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * At the close of every {@code interval} bar of each regular session, plus {@code delay} for the
 * data provider to publish it: for 15-minute bars and a 1-minute delay, 09:46, 10:01, … 16:01 New
 * York time (13:01 on a 13:00 early close). Pure and thread-safe.
 *
 * @param interval the bar length; positive, at most a day
 * @param delay wait after each bar's close; not negative
 */
public record SessionIntervalSchedule(Duration interval, Duration delay, MarketSessions sessions)
    implements Schedule {

  private static final int SEARCH_DAYS = 366;

  public SessionIntervalSchedule {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(sessions, "sessions");
    if (interval.isNegative() || interval.isZero() || interval.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("interval must be in (0, 1 day]: " + interval);
    }
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
  }

  @Override
  public Instant nextRun(Instant after) {
    LocalDate day = after.atZone(NEW_YORK).toLocalDate().minusDays(1); // a delay may cross midnight
    for (int i = 0; i <= SEARCH_DAYS; i++, day = day.plusDays(1)) {
      Optional<MarketSessions.Hours> hours = sessions.hours(day);
      if (hours.isEmpty()) {
        continue;
      }
      Instant open = ZonedDateTime.of(day, hours.get().open(), NEW_YORK).toInstant();
      Instant close = ZonedDateTime.of(day, hours.get().close(), NEW_YORK).toInstant();
      for (Instant barClose = open.plus(interval);
          !barClose.isAfter(close);
          barClose = barClose.plus(interval)) {
        Instant candidate = barClose.plus(delay);
        if (candidate.isAfter(after)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException("no trading session within a year after " + after);
  }

  @Override
  public String describe() {
    return "every %s min during regular hours (bar close + %s min), America/New_York"
        .formatted(interval.toMinutes(), delay.toMinutes());
  }
}
