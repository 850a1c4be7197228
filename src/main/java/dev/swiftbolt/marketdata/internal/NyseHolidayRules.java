package dev.swiftbolt.marketdata.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import java.util.TreeSet;

/**
 * The NYSE's full-day holidays and 13:00 early closes of one year, computed by rule.
 *
 * <p>Rules (NYSE Rule 7.2 and its published calendars): New Year's Day (Sunday → Monday; a Saturday
 * New Year is not observed on the Friday before, which closes the old year), Martin Luther King Jr.
 * Day (3rd Monday of January, since 1998), Washington's Birthday (3rd Monday of February), Good
 * Friday (two days before Western Easter, Gregorian computus), Memorial Day (last Monday of May),
 * Juneteenth (June 19, since 2022), Independence Day, Labor Day (1st Monday of September),
 * Thanksgiving (4th Thursday of November) and Christmas. Fixed-date holidays falling on Saturday
 * are observed on the Friday before, on Sunday on the Monday after. Unscheduled closures (national
 * mourning, 9/11, Hurricane Sandy) cannot be derived by rule and are listed.
 *
 * <p>Early closes at 13:00: July 3 when it falls Monday–Thursday, the day after Thanksgiving, and
 * December 24 when it falls Monday–Thursday.
 */
public final class NyseHolidayRules {

  private static final Set<LocalDate> UNSCHEDULED_CLOSURES =
      Set.of(
          LocalDate.of(1994, 4, 27),
          LocalDate.of(2001, 9, 11),
          LocalDate.of(2001, 9, 12),
          LocalDate.of(2001, 9, 13),
          LocalDate.of(2001, 9, 14),
          LocalDate.of(2004, 6, 11),
          LocalDate.of(2007, 1, 2),
          LocalDate.of(2012, 10, 29),
          LocalDate.of(2012, 10, 30),
          LocalDate.of(2018, 12, 5),
          LocalDate.of(2025, 1, 9));

  private NyseHolidayRules() {}

  /** The full-day closures of {@code year} that fall on weekdays, ascending. */
  public static Set<LocalDate> holidays(int year) {
    Set<LocalDate> days = new TreeSet<>();
    LocalDate newYear = LocalDate.of(year, 1, 1);
    if (newYear.getDayOfWeek() == DayOfWeek.SUNDAY) {
      days.add(newYear.plusDays(1));
    } else if (newYear.getDayOfWeek() != DayOfWeek.SATURDAY) {
      days.add(newYear);
    }
    if (year >= 1998) {
      days.add(nthWeekday(year, Month.JANUARY, DayOfWeek.MONDAY, 3));
    }
    days.add(nthWeekday(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3));
    days.add(easterSunday(year).minusDays(2));
    days.add(
        LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
    if (year >= 2022) {
      days.add(observed(LocalDate.of(year, Month.JUNE, 19)));
    }
    days.add(observed(LocalDate.of(year, Month.JULY, 4)));
    days.add(nthWeekday(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1));
    days.add(thanksgiving(year));
    days.add(observed(LocalDate.of(year, Month.DECEMBER, 25)));
    for (LocalDate d : UNSCHEDULED_CLOSURES) {
      if (d.getYear() == year) {
        days.add(d);
      }
    }
    return days;
  }

  /** The 13:00 early closes of {@code year}, ascending; none of them is a holiday. */
  public static Set<LocalDate> earlyCloses(int year) {
    Set<LocalDate> days = new TreeSet<>();
    LocalDate july3 = LocalDate.of(year, Month.JULY, 3);
    if (july3.getDayOfWeek().getValue() <= DayOfWeek.THURSDAY.getValue()) {
      days.add(july3);
    }
    days.add(thanksgiving(year).plusDays(1));
    LocalDate christmasEve = LocalDate.of(year, Month.DECEMBER, 24);
    if (christmasEve.getDayOfWeek().getValue() <= DayOfWeek.THURSDAY.getValue()) {
      days.add(christmasEve);
    }
    days.removeAll(holidays(year));
    return days;
  }

  /**
   * Western (Gregorian) Easter Sunday of {@code year}, by the anonymous Gregorian algorithm
   * (Meeus/Jones/Butcher).
   */
  public static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }

  private static LocalDate thanksgiving(int year) {
    return nthWeekday(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4);
  }

  private static LocalDate nthWeekday(int year, Month month, DayOfWeek dow, int n) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
  }

  private static LocalDate observed(LocalDate date) {
    switch (date.getDayOfWeek()) {
      case SATURDAY:
        return date.minusDays(1);
      case SUNDAY:
        return date.plusDays(1);
      default:
        return date;
    }
  }
}
