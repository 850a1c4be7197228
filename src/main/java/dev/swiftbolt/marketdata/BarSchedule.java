package dev.swiftbolt.marketdata;

import dev.swiftbolt.market.Timeframe;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the bars of each timeframe sit on the trading calendar: their open times, the bucket a
 * given instant belongs to and when a bar closes.
 *
 * <p>The buckets (a choice, recorded here because a newcomer will ask):
 *
 * <ul>
 *   <li>M15: every 15 minutes from the 09:30 open to the close (26 a full session, 14 on a 13:00
 *       early close).
 *   <li>H1: hours anchored at the session open, 09:30, 10:30, …, 15:30; the last one lasts 30
 *       minutes (15:30–16:00). Anchoring at the open keeps every bucket inside one session, so no
 *       hourly bar mixes the pre-market or the previous day; clock-hour buckets (09:00, 10:00…)
 *       would make the first bar a 30-minute one instead.
 *   <li>H4: 09:30–13:30 and 13:30–16:00 (the second lasts 2.5 hours); on an early close only
 *       09:30–13:00.
 *   <li>D1: one bar per session, {@code ts} = the session's 09:30 New York open.
 *   <li>W1: one bar per ISO week (Monday–Sunday, New York dates) holding at least one session;
 *       {@code ts} = the open of the week's first session (so a week starting with a Monday holiday
 *       opens on Tuesday 09:30), and it closes with the week's last session.
 * </ul>
 *
 * <p>Bars are complete when their close is at or before "now"; a bar whose close lies in the future
 * is still forming and must not be stored. Immutable and thread-safe.
 */
public final class BarSchedule {

  private static final Duration M15 = Duration.ofMinutes(15);
  private static final Duration H1 = Duration.ofHours(1);
  private static final Duration H4 = Duration.ofHours(4);

  private final TradingCalendar calendar;

  public BarSchedule(TradingCalendar calendar) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  /** The calendar this schedule is laid on. */
  public TradingCalendar calendar() {
    return calendar;
  }

  /** The bar open times of {@code timeframe} within one session, oldest first. */
  public List<Instant> opensIn(Timeframe timeframe, TradingSession session) {
    List<Instant> opens = new ArrayList<>();
    switch (timeframe) {
      case M15:
      case H1:
      case H4:
        Duration step = intradayLength(timeframe);
        for (Instant t = session.open(); t.isBefore(session.close()); t = t.plus(step)) {
          opens.add(t);
        }
        return opens;
      case D1:
        return List.of(session.open());
      case W1:
        return weekStart(session.date()).equals(session.date())
            ? List.of(session.open())
            : List.of();
    }
    throw new IllegalStateException("unhandled timeframe " + timeframe);
  }

  /**
   * The expected bar open times of {@code timeframe} in {@code [from, to)}, oldest first, as the
   * calendar dictates (weekends and holidays have none).
   */
  public List<Instant> expectedOpens(Timeframe timeframe, Instant from, Instant to) {
    List<Instant> result = new ArrayList<>();
    if (!from.isBefore(to)) {
      return result;
    }
    LocalDate first = calendar.tradingDate(from);
    LocalDate last = calendar.tradingDate(to);
    if (timeframe == Timeframe.W1) {
      first = first.with(DayOfWeek.MONDAY);
    }
    for (TradingSession s : calendar.sessions(first, last)) {
      for (Instant t : opensIn(timeframe, s)) {
        if (!t.isBefore(from) && t.isBefore(to)) {
          result.add(t);
        }
      }
    }
    return result;
  }

  /**
   * The open time of the {@code timeframe} bucket containing {@code t}, or empty when {@code t}
   * lies outside every regular session (for W1: in a week without sessions).
   */
  public Optional<Instant> bucketOpen(Timeframe timeframe, Instant t) {
    Optional<TradingSession> session = calendar.sessionAt(t);
    if (session.isEmpty()) {
      return Optional.empty();
    }
    TradingSession s = session.get();
    switch (timeframe) {
      case M15:
      case H1:
      case H4:
        long step = intradayLength(timeframe).toSeconds();
        long offset = Duration.between(s.open(), t).toSeconds();
        return Optional.of(s.open().plusSeconds(offset / step * step));
      case D1:
        return Optional.of(s.open());
      case W1:
        return calendar.session(weekStart(s.date())).map(TradingSession::open);
    }
    throw new IllegalStateException("unhandled timeframe " + timeframe);
  }

  /**
   * The close of the {@code timeframe} bar opening at {@code open}: the bucket's nominal end, cut
   * at the session close (for W1: the close of the week's last session).
   *
   * @throws IllegalArgumentException when {@code open} is not inside a regular session
   */
  public Instant closeOf(Timeframe timeframe, Instant open) {
    TradingSession s =
        calendar
            .sessionAt(open)
            .orElseThrow(
                () -> new IllegalArgumentException(open + " is outside the regular session"));
    switch (timeframe) {
      case M15:
      case H1:
      case H4:
        Instant end = open.plus(intradayLength(timeframe));
        return end.isAfter(s.close()) ? s.close() : end;
      case D1:
        return s.close();
      case W1:
        LocalDate sunday = s.date().with(DayOfWeek.SUNDAY);
        return calendar
            .session(calendar.previousTradingDay(sunday.plusDays(1)))
            .orElseThrow()
            .close();
    }
    throw new IllegalStateException("unhandled timeframe " + timeframe);
  }

  /** The first trading day of the ISO week (Monday–Sunday) containing {@code date}. */
  public LocalDate weekStart(LocalDate date) {
    LocalDate monday = date.with(DayOfWeek.MONDAY);
    return calendar.isTradingDay(monday) ? monday : calendar.nextTradingDay(monday);
  }

  private static Duration intradayLength(Timeframe timeframe) {
    switch (timeframe) {
      case M15:
        return M15;
      case H1:
        return H1;
      case H4:
        return H4;
      default:
        throw new IllegalArgumentException(timeframe + " is not an intraday timeframe");
    }
  }
}
