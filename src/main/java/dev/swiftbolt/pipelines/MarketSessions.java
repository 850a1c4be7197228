package dev.swiftbolt.pipelines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Which New York dates are trading days and their regular session hours. The default, {@link
 * #WEEKDAYS}, is Monday to Friday 09:30–16:00 and knows no holidays; wire the exchange calendar of
 * {@code marketdata} (NYSE holidays, 13:00 early closes) in its place with a lambda.
 */
@FunctionalInterface
public interface MarketSessions {

  /** Regular session hours in New York local time; {@code close} after {@code open}. */
  record Hours(LocalTime open, LocalTime close) {
    public Hours {
      Objects.requireNonNull(open, "open");
      Objects.requireNonNull(close, "close");
      if (!close.isAfter(open)) {
        throw new IllegalArgumentException("session close " + close + " is not after open " + open);
      }
    }
  }

  /** The regular session of 09:30–16:00. */
  Hours REGULAR = new Hours(LocalTime.of(9, 30), LocalTime.of(16, 0));

  /** Monday to Friday, 09:30–16:00, no holidays. */
  MarketSessions WEEKDAYS =
      date ->
          date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY
              ? Optional.empty()
              : Optional.of(REGULAR);

  /** The session of a New York date; empty when the market is closed all day. */
  Optional<Hours> hours(LocalDate date);
}
