package dev.swiftbolt.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.marketdata.BarSchedule;
import dev.swiftbolt.marketdata.MarketSimulator;
import dev.swiftbolt.marketdata.SimulationParameters;
import dev.swiftbolt.marketdata.TradingCalendar;
import dev.swiftbolt.marketdata.TradingSession;
import dev.swiftbolt.ml.MlSettings;
import dev.swiftbolt.ml.evaluation.LiveScore;
import dev.swiftbolt.ml.evaluation.NaiveBaselines;
import dev.swiftbolt.ml.evaluation.Score;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A regime change, observed: a series with a planted AR(1) signal (φ = 0.6 on daily returns) that
 * switches off. Before the switch the live accuracy beats its baseline; within 30 sessions after it
 * drift is detected and a retraining follows; 30 sessions after that the live accuracy is back
 * within noise of the baseline.
 */
class RegimeChangeTest {
  static final BarSchedule SCHEDULE = new BarSchedule(TradingCalendar.nyse());
  static final String SYMBOL = "REGIME";
  static final LocalDate SWITCH = LocalDate.of(2025, 3, 31);
  static final int BEFORE = 40;
  static final int AFTER = 65;
  static final int HORIZON = MlSettings.defaults().labels().horizon(Timeframe.D1);

  static List<TradingSession> sessions;
  static List<ReplayDay> days;
  static int switchIndex;

  @BeforeAll
  static void replay() {
    SimulationParameters planted =
        new SimulationParameters(11, 0.6, 0.3).predictableThrough(SWITCH);
    MarketSimulator sim = new MarketSimulator(SCHEDULE, planted);
    Instant start = SCHEDULE.calendar().openInstant(LocalDate.of(2021, 1, 4));
    Instant end = SCHEDULE.calendar().openInstant(LocalDate.of(2025, 12, 31));
    Map<Timeframe, List<Bar>> bars = new EnumMap<>(Timeframe.class);
    bars.put(Timeframe.D1, sim.fetch(SYMBOL, Timeframe.D1, start, end));
    bars.put(Timeframe.W1, sim.fetch(SYMBOL, Timeframe.W1, start, end));
    List<TradingSession> all =
        SCHEDULE.calendar().sessions(LocalDate.of(2024, 6, 3), LocalDate.of(2025, 12, 31));
    int s = 0;
    while (all.get(s).date().isBefore(SWITCH)) {
      s++;
    }
    sessions = all.subList(s - BEFORE, s + 1 + AFTER);
    switchIndex = BEFORE;
    ReplaySettings settings =
        new ReplaySettings(MlSettings.defaults(), Timeframe.D1, EnumSet.of(Timeframe.D1));
    days = new SymbolReplay(settings, SCHEDULE).run(SYMBOL, bars, sessions, () -> {});
  }

  /** The live window at session k: the 30 forecasts resolved by then (made HORIZON earlier). */
  static List<ReplayDay> window(int k) {
    return days.subList(k - HORIZON - LiveScore.WINDOW + 1, k - HORIZON + 1);
  }

  static String trace() {
    return days.stream()
        .map(
            d ->
                "%s live %.2f n%d %s drift %.2f%s%s%s"
                    .formatted(
                        d.session(),
                        d.liveAccuracy(),
                        d.liveN(),
                        d.liveScoreSource(),
                        d.driftMagnitude(),
                        d.driftDetected() ? " DRIFT" : "",
                        d.retrainingTrigger() ? " TRIGGER" : "",
                        d.retrained() ? " RETRAINED" : ""))
        .collect(Collectors.joining("\n"));
  }

  /**
   * The replay's retraining policy, day by day: a trigger set at session D retrains at D + 1, and
   * every retraining is either such a follow-up or the 30-day schedule (the first session on or
   * after the last retraining + 30 days). This replay holds one trigger (2025-03-28, so the
   * retraining of 2025-03-31) and five scheduled retrainings.
   */
  @Test
  void a_retraining_decided_at_a_session_happens_at_the_next_one() {
    int triggers = 0;
    LocalDate lastRetraining = null;
    for (int k = 0; k < days.size(); k++) {
      ReplayDay day = days.get(k);
      if (day.retrainingTrigger() && k + 1 < days.size()) {
        triggers++;
        assertThat(days.get(k + 1).retrained()).as(day.session() + "\n" + trace()).isTrue();
      }
      if (day.retrained() && lastRetraining != null) {
        boolean followsTrigger = days.get(k - 1).retrainingTrigger();
        boolean scheduled = !day.session().isBefore(lastRetraining.plusDays(30));
        assertThat(followsTrigger || scheduled).as(day.session() + "\n" + trace()).isTrue();
        if (!followsTrigger) {
          // the first session on or after the scheduled date, not a later one
          assertThat(days.get(k - 1).session()).isBefore(lastRetraining.plusDays(30));
        }
      }
      if (day.retrained()) {
        lastRetraining = day.session();
      }
    }
    assertThat(triggers).as(trace()).isEqualTo(1);
    assertThat(days.stream().filter(ReplayDay::retrained).map(ReplayDay::session))
        .as(trace())
        .containsExactly(
            LocalDate.of(2025, 1, 31),
            LocalDate.of(2025, 3, 3),
            LocalDate.of(2025, 3, 31),
            LocalDate.of(2025, 4, 30),
            LocalDate.of(2025, 5, 30),
            LocalDate.of(2025, 6, 30));
  }

  @Test
  void before_the_switch_live_accuracy_beats_its_baseline() {
    ReplayDay atSwitch = days.get(switchIndex);
    assertThat(atSwitch.session()).isEqualTo(SWITCH);
    assertThat(atSwitch.liveN()).as(trace()).isEqualTo(LiveScore.WINDOW);
    assertThat(atSwitch.liveScoreSource()).isEqualTo(SymbolReplay.LIVE_SCORE_SOURCE);
    assertThat(atSwitch.liveAccuracy())
        .as(trace())
        .isGreaterThan(
            ReplaySummary.liveScore(window(switchIndex)).orElseThrow().baselineAccuracy());
  }

  /**
   * Drift is first detected 26 sessions after the switch (2025-05-07), and the next retraining
   * comes with the 30-day schedule 16 sessions later (2025-05-30): at most one schedule period (22
   * sessions) after the detection, not anywhere in the rest of the replay.
   */
  @Test
  void within_30_sessions_after_the_switch_drift_is_detected_and_a_retraining_follows() {
    int detected = -1;
    for (int k = switchIndex + 1; k <= switchIndex + 30 && detected < 0; k++) {
      if (days.get(k).driftDetected()) {
        detected = k;
      }
    }
    assertThat(detected).as(trace()).isPositive();
    assertThat(days.get(detected).session()).as(trace()).isEqualTo(LocalDate.of(2025, 5, 7));
    int retrained = -1;
    for (int k = detected + 1; k < days.size() && retrained < 0; k++) {
      if (days.get(k).retrained()) {
        retrained = k;
      }
    }
    assertThat(retrained - detected).as(trace()).isBetween(1, 22);
    assertThat(days.get(retrained).session()).isEqualTo(LocalDate.of(2025, 5, 30));
  }

  /**
   * "Within noise": the 30 forecasts of a live window overlap (each spans {@code HORIZON}
   * sessions), so they hold about 30 / HORIZON independent outcomes; the Wilson 95 % interval of
   * the live accuracy at that effective size must contain the baseline of the same window. And the
   * signal must really be gone: the live accuracy is below what it was at the switch.
   */
  @Test
  void thirty_sessions_later_live_accuracy_is_within_noise_of_its_baseline() {
    int k = switchIndex + 60;
    List<ReplayDay> window = window(k);
    assertThat(window.get(0).session()).isAfter(SWITCH);
    int hits = (int) window.stream().filter(d -> d.correct().orElseThrow()).count();
    assertThat(days.get(k).liveAccuracy()).isEqualTo((double) hits / window.size());
    int effective = window.size() / HORIZON;
    Score live =
        Score.of(
            (int) Math.round(hits / (double) HORIZON),
            effective,
            new NaiveBaselines.Hits(effective, 0, 0));
    double baseline = ReplaySummary.liveScore(window).orElseThrow().baselineAccuracy();
    assertThat(baseline).as(trace()).isBetween(live.ciLow(), live.ciHigh());
    // what this replay shows: 7 of 30 right on 2025-06-26, against 22 of 30 at the switch, and no
    // edge left over the baseline of the same window
    assertThat(days.get(k).session()).isEqualTo(LocalDate.of(2025, 6, 26));
    assertThat(hits).as(trace()).isEqualTo(7);
    assertThat(days.get(switchIndex).liveAccuracy()).isEqualTo(22 / 30.0);
    assertThat(days.get(k).liveAccuracy()).as("baseline " + baseline).isLessThanOrEqualTo(baseline);
  }
}
