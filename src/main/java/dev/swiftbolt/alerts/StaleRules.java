package dev.swiftbolt.alerts;

import dev.swiftbolt.marketdata.TradingCalendar;
import dev.swiftbolt.marketdata.TradingSession;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * When a tracked symbol's data is stale: no new D1 bar for more than {@value #D1_SESSIONS} NYSE
 * sessions (sessions closed after the last bar's session), or, while a session is open, no M15 bar
 * for more than two hours of open session. Pure: a function of the last bars, now and the calendar.
 */
public final class StaleRules {

  public static final int D1_SESSIONS = 2;
  public static final Duration M15_OPEN_TIME = Duration.ofHours(2);

  private StaleRules() {}

  /** Sessions that closed after the session of the D1 bar opening at {@code lastBar}, by now. */
  public static int sessionsWithoutD1(Instant lastBar, Instant now, TradingCalendar calendar) {
    LocalDate from = calendar.tradingDate(lastBar).plusDays(1);
    LocalDate to = calendar.tradingDate(now);
    if (to.isBefore(from)) {
      return 0;
    }
    int closed = 0;
    for (TradingSession s : calendar.sessions(from, to)) {
      if (!s.close().isAfter(now)) {
        closed++;
      }
    }
    return closed;
  }

  public static boolean d1Stale(Instant lastBar, Instant now, TradingCalendar calendar) {
    return sessionsWithoutD1(lastBar, now, calendar) > D1_SESSIONS;
  }

  /** Open-session time between the end of the M15 bar opening at {@code lastBar} and now. */
  public static Duration openTimeWithoutM15(
      Instant lastBar, Instant now, TradingCalendar calendar) {
    Instant since = lastBar.plus(Duration.ofMinutes(15));
    if (!since.isBefore(now)) {
      return Duration.ZERO;
    }
    Duration open = Duration.ZERO;
    for (TradingSession s :
        calendar.sessions(calendar.tradingDate(since), calendar.tradingDate(now))) {
      Instant start = s.open().isAfter(since) ? s.open() : since;
      Instant end = s.close().isBefore(now) ? s.close() : now;
      if (end.isAfter(start)) {
        open = open.plus(Duration.between(start, end));
      }
    }
    return open;
  }

  /** Stale M15 data: a session is open now and more than two hours of it passed without a bar. */
  public static boolean m15Stale(Instant lastBar, Instant now, TradingCalendar calendar) {
    return calendar.sessionAt(now).isPresent()
        && openTimeWithoutM15(lastBar, now, calendar).compareTo(M15_OPEN_TIME) > 0;
  }
}
