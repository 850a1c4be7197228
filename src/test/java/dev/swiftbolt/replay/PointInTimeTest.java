package dev.swiftbolt.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Point-in-time, proved: replaying a series after every bar later than session X was changed (or
 * deleted) gives the same day objects up to X, field for field, except {@code correct} of the
 * forecasts whose horizon ends after X.
 */
class PointInTimeTest {
  static final BarSchedule SCHEDULE = new BarSchedule(TradingCalendar.nyse());
  static final String SYMBOL = "PIT";
  static final LocalDate FROM = LocalDate.of(2025, 1, 2);
  static final LocalDate TO = LocalDate.of(2025, 3, 31);
  static final int X = 30;
  static final int HORIZON = MlSettings.defaults().labels().horizon(Timeframe.D1);

  static Map<Timeframe, List<Bar>> bars;
  static List<TradingSession> sessions;
  static List<ReplayDay> original;

  @BeforeAll
  static void replayTheOriginal() {
    MarketSimulator sim = new MarketSimulator(SCHEDULE, new SimulationParameters(7, 0.3, 0.3));
    Instant start = SCHEDULE.calendar().openInstant(LocalDate.of(2021, 1, 4));
    Instant end = SCHEDULE.calendar().openInstant(LocalDate.of(2025, 7, 1));
    bars = new EnumMap<>(Timeframe.class);
    bars.put(Timeframe.D1, sim.fetch(SYMBOL, Timeframe.D1, start, end));
    bars.put(Timeframe.W1, sim.fetch(SYMBOL, Timeframe.W1, start, end));
    sessions = SCHEDULE.calendar().sessions(FROM, TO);
    original = replay(bars);
  }

  static List<ReplayDay> replay(Map<Timeframe, List<Bar>> input) {
    ReplaySettings settings =
        new ReplaySettings(
            MlSettings.defaults(), Timeframe.D1, EnumSet.of(Timeframe.D1, Timeframe.W1));
    return new SymbolReplay(settings, SCHEDULE).run(SYMBOL, input, sessions, () -> {});
  }

  /** The bars with every bar that closed after session X's close replaced (or dropped: null). */
  static Map<Timeframe, List<Bar>> afterX(UnaryOperator<Bar> change) {
    Instant cutoff = sessions.get(X).close();
    Map<Timeframe, List<Bar>> out = new EnumMap<>(Timeframe.class);
    bars.forEach(
        (tf, series) -> {
          List<Bar> changed = new ArrayList<>();
          for (Bar b : series) {
            boolean later = SCHEDULE.closeOf(tf, b.ts()).isAfter(cutoff);
            Bar kept = later ? change.apply(b) : b;
            if (kept != null) {
              changed.add(kept);
            }
          }
          out.put(tf, changed);
        });
    return out;
  }

  static Bar shocked(Bar b) {
    double f = 1 + 0.07 * Math.sin(b.ts().getEpochSecond() / 86_400.0);
    return new Bar(
        b.ts(),
        b.open() * f,
        b.high() * f * 1.01,
        b.low() * f * 0.99,
        b.close() / f,
        b.volume() * 3);
  }

  @Test
  void days_up_to_x_ignore_changed_later_bars_except_correct_of_forecasts_ending_after_x() {
    List<ReplayDay> changed = replay(afterX(PointInTimeTest::shocked));
    assertSameUpToX(original, changed);
    assertThat(json(changed.get(sessions.size() - 1)))
        .as("the change is visible after X, so the comparison can fail")
        .isNotEqualTo(json(original.get(sessions.size() - 1)));
  }

  @Test
  void days_up_to_x_ignore_deleted_later_bars_except_correct_of_forecasts_ending_after_x() {
    List<ReplayDay> deleted = replay(afterX(b -> null));
    assertSameUpToX(original, deleted.subList(0, X + 1));
    for (int s = X - HORIZON + 1; s <= X; s++) {
      assertThat(deleted.get(s).correct())
          .as("session %d is unresolved without later bars", s)
          .isEmpty();
    }
  }

  private static void assertSameUpToX(List<ReplayDay> expected, List<ReplayDay> actual) {
    int withCorrect = 0;
    for (int s = 0; s <= X; s++) {
      ObjectNode a = json(expected.get(s));
      ObjectNode b = json(actual.get(s));
      // session s's D1 forecast resolves with the bar HORIZON sessions later
      if (s + HORIZON > X) {
        a.remove("correct");
        b.remove("correct");
      } else {
        assertThat(a.get("correct").isNull()).isFalse();
        withCorrect++;
      }
      assertThat(b).as("day object of session %s", sessions.get(s).date()).isEqualTo(a);
    }
    assertThat(withCorrect).isEqualTo(X + 1 - HORIZON);
  }

  private static ObjectNode json(ReplayDay day) {
    return ReplayJson.day(day);
  }
}
