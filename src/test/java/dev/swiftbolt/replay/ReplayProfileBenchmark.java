package dev.swiftbolt.replay;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.marketdata.BarSchedule;
import dev.swiftbolt.marketdata.MarketSimulator;
import dev.swiftbolt.marketdata.SimulationParameters;
import dev.swiftbolt.marketdata.TradingCalendar;
import dev.swiftbolt.marketdata.TradingSession;
import dev.swiftbolt.ml.MlSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Where a replay's time goes: one symbol, 126 sessions, with the demo's history (8 years D1, 18
 * months M15), replayed with D1 alone and with D1 plus each other timeframe; single thread, in
 * memory. Reference: the D1-only replay of the same run. Run: {@code java -cp
 * target/classes:target/test-classes:$(deps) dev.swiftbolt.replay.ReplayProfileBenchmark}.
 */
public final class ReplayProfileBenchmark {
  public static void main(String[] args) {
    BarSchedule schedule = new BarSchedule(TradingCalendar.nyse());
    MarketSimulator sim = new MarketSimulator(schedule, SimulationParameters.DEFAULT);
    LocalDate today = LocalDate.of(2026, 11, 30);
    Instant end = schedule.calendar().openInstant(today.plusDays(1));
    Instant daily = schedule.calendar().openInstant(today.minusYears(8));
    Instant intraday = schedule.calendar().openInstant(today.minusMonths(18));
    Map<Timeframe, List<Bar>> bars = new EnumMap<>(Timeframe.class);
    for (Timeframe tf : Timeframe.values()) {
      Instant from = tf == Timeframe.D1 || tf == Timeframe.W1 ? daily : intraday;
      bars.put(tf, sim.fetch("AAPL", tf, from, end));
    }
    List<TradingSession> sessions = schedule.calendar().sessions(today.minusMonths(6), today);
    double reference = 0;
    for (Timeframe extra : Timeframe.values()) {
      EnumSet<Timeframe> tfs = EnumSet.of(Timeframe.D1, extra);
      long start = System.nanoTime();
      List<ReplayDay> days =
          new SymbolReplay(new ReplaySettings(MlSettings.defaults(), Timeframe.D1, tfs), schedule)
              .run("AAPL", bars, sessions, () -> {});
      double s = (System.nanoTime() - start) / 1e9;
      if (extra == Timeframe.D1) {
        reference = s;
      }
      long retrains = days.stream().filter(ReplayDay::retrained).count();
      System.out.printf(
          "%s: %.1f s (%.1f× D1 alone), %d sessions, %d retrains%n",
          tfs, s, s / reference, days.size(), retrains);
    }
  }
}
