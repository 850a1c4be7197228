package dev.swiftbolt.marketdata;

import dev.swiftbolt.marketdata.internal.NyseHolidayRules;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The NYSE regular-session calendar: sessions run 09:30–16:00 America/New_York (13:00 on early
 * closes), Monday to Friday, except the holidays computed by {@link NyseHolidayRules}. Conversions
 * to UTC follow the New York daylight-saving rules of {@link ZoneId} (DST-aware).
 *
 * <p>Immutable and thread-safe; the holidays of a year are computed once and cached.
 */
public final class TradingCalendar {

  /** The exchange's time zone. */
  public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** Regular session open, New York time. */
  public static final LocalTime OPEN = LocalTime.of(9, 30);

  /** Regular session close, New York time. */
  public static final LocalTime CLOSE = LocalTime.of(16, 0);

  /** Session close on early-close days, New York time. */
  public static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);

  private static final TradingCalendar NYSE = new TradingCalendar();

  private final ConcurrentHashMap<Integer, Set<LocalDate>> holidays = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Integer, Set<LocalDate>> earlyCloses = new ConcurrentHashMap<>();

  private TradingCalendar() {}

  /** The NYSE calendar. */
  public static TradingCalendar nyse() {
    return NYSE;
  }

  /** Full-day closures of {@code year} (weekdays only), ascending. */
  public Set<LocalDate> holidays(int year) {
    return holidays.computeIfAbsent(year, NyseHolidayRules::holidays);
  }

  /** 13:00 early-close days of {@code year}, ascending. */
  public Set<LocalDate> earlyCloses(int year) {
    return earlyCloses.computeIfAbsent(year, NyseHolidayRules::earlyCloses);
  }

  /** True when the exchange holds a regular session on {@code date}. */
  public boolean isTradingDay(LocalDate date) {
    DayOfWeek dow = date.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY
        && dow != DayOfWeek.SUNDAY
        && !holidays(date.getYear()).contains(date);
  }

  /** The session held on {@code date}, or empty on weekends and holidays. */
  public Optional<TradingSession> session(LocalDate date) {
    if (!isTradingDay(date)) {
      return Optional.empty();
    }
    LocalTime close = earlyCloses(date.getYear()).contains(date) ? EARLY_CLOSE : CLOSE;
    return Optional.of(
        new TradingSession(
            date,
            date.atTime(OPEN).atZone(NEW_YORK).toInstant(),
            date.atTime(close).atZone(NEW_YORK).toInstant()));
  }

  /** The sessions from {@code first} to {@code last}, both inclusive, oldest first. */
  public List<TradingSession> sessions(LocalDate first, LocalDate last) {
    List<TradingSession> result = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      session(d).ifPresent(result::add);
    }
    return result;
  }

  /** The session whose {@code [open, close)} contains {@code t}, if any. */
  public Optional<TradingSession> sessionAt(Instant t) {
    return session(tradingDate(t)).filter(s -> s.contains(t));
  }

  /** The New York calendar date of {@code t}. */
  public LocalDate tradingDate(Instant t) {
    return LocalDate.ofInstant(t, NEW_YORK);
  }

  /** The 09:30 New York open instant of {@code date}, whether or not it is a trading day. */
  public Instant openInstant(LocalDate date) {
    return date.atTime(OPEN).atZone(NEW_YORK).toInstant();
  }

  /** The first trading day strictly after {@code date}. */
  public LocalDate nextTradingDay(LocalDate date) {
    LocalDate d = date.plusDays(1);
    while (!isTradingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  /** The last trading day strictly before {@code date}. */
  public LocalDate previousTradingDay(LocalDate date) {
    LocalDate d = date.minusDays(1);
    while (!isTradingDay(d)) {
      d = d.minusDays(1);
    }
    return d;
  }
}
