package dev.swiftbolt.ml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.marketdata.BarSchedule;
import dev.swiftbolt.marketdata.MarketSimulator;
import dev.swiftbolt.marketdata.SimulationParameters;
import dev.swiftbolt.marketdata.TradingCalendar;
import dev.swiftbolt.marketdata.TradingSession;
import dev.swiftbolt.ml.evaluation.ChampionRule;
import dev.swiftbolt.ml.evaluation.EvaluationConfig;
import dev.swiftbolt.ml.evaluation.Forecaster;
import dev.swiftbolt.ml.evaluation.Score;
import dev.swiftbolt.ml.evaluation.Selection;
import dev.swiftbolt.ml.features.ContextSeries;
import dev.swiftbolt.ml.features.FeatureBuilder;
import dev.swiftbolt.ml.features.LabelConfig;
import dev.swiftbolt.ml.features.Labeler;
import dev.swiftbolt.ml.features.LabelledMatrix;
import dev.swiftbolt.ml.models.ModelTrainer;
import dev.swiftbolt.ml.models.XGBoostSettings;
import dev.swiftbolt.replay.ReplayDay;
import dev.swiftbolt.replay.ReplaySettings;
import dev.swiftbolt.replay.ReplaySummary;
import dev.swiftbolt.replay.SymbolReplay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The champion rule on the simulator's planted AR(1) momentum and on random walks: momentum is
 * issued by the model or persistence (whichever the paired test supports), a random walk by a naive
 * predictor, and what is issued scores live no worse than the fair baseline beyond noise.
 */
class ChampionSelectionTest {
  static final BarSchedule SCHEDULE = new BarSchedule(TradingCalendar.nyse());
  static final Instant START = SCHEDULE.calendar().openInstant(LocalDate.of(2020, 1, 2));
  static final Instant END = SCHEDULE.calendar().openInstant(LocalDate.of(2025, 6, 30));

  static Map<Timeframe, List<Bar>> bars(String symbol, SimulationParameters parameters) {
    MarketSimulator sim = new MarketSimulator(SCHEDULE, parameters);
    Map<Timeframe, List<Bar>> bars = new EnumMap<>(Timeframe.class);
    bars.put(Timeframe.D1, sim.fetch(symbol, Timeframe.D1, START, END));
    bars.put(Timeframe.W1, sim.fetch(symbol, Timeframe.W1, START, END));
    return bars;
  }

  static SeriesFit fit(Map<Timeframe, List<Bar>> bars) {
    List<Bar> d1 = bars.get(Timeframe.D1);
    LabelledMatrix data =
        LabelledMatrix.of(
            d1,
            Timeframe.D1,
            ContextSeries.forTimeframe(d1, Timeframe.D1, bars.get(Timeframe.W1)),
            new FeatureBuilder(),
            new Labeler(LabelConfig.defaults()));
    return SeriesFit.fit(
        data, new ModelTrainer(XGBoostSettings.defaults()), EvaluationConfig.defaults());
  }

  /** How many of seeds 1–12 issue the model or persistence; each checks the rule on the way. */
  static int informativeChoices(java.util.function.LongFunction<SimulationParameters> series) {
    int informative = 0;
    for (long seed = 1; seed <= 12; seed++) {
      SeriesFit fit = fit(bars("MOMO", series.apply(seed)));
      Selection s = fit.selection().orElseThrow();
      // the model exactly when the paired test supports it, else the strongest naive forecaster
      assertThat(fit.forecaster() == Forecaster.XGBOOST)
          .as("seed %d: %s", seed, s)
          .isEqualTo(s.pValue() < ChampionRule.ALPHA);
      // what is handed on is the issued forecaster's own walk-forward
      assertThat(fit.issuedWalkForward().orElseThrow().score().accuracy())
          .isEqualTo(
              fit.forecaster() == Forecaster.XGBOOST ? s.modelAccuracy() : s.bestNaiveAccuracy());
      if (fit.forecaster() == Forecaster.XGBOOST || fit.forecaster() == Forecaster.PERSISTENCE) {
        informative++;
      }
    }
    return informative;
  }

  /**
   * Planted momentum (φ = 0.6) is issued by the model or persistence, as the paired test says. One
   * seed is not enough to show it: a walk-forward holds 245 overlapping rows, about 49 independent
   * outcomes, and seed 11 (this test's only seed once) sat at p = 0.083 for the model against
   * majority, then 0.124 when the walk-forward dropped its embargo (decision 0013). Over seeds 1–12
   * the rule issues the model or persistence on 9 (2 and 7), against 5 (persistence only) on the
   * random walks of the same seeds.
   */
  @Test
  void planted_momentum_is_issued_by_the_model_or_persistence_as_the_paired_test_says() {
    int momentum = informativeChoices(seed -> new SimulationParameters(seed, 0.6, 0.3));
    int walks = informativeChoices(SimulationParameters::randomWalk);
    assertThat(momentum).isGreaterThanOrEqualTo(8);
    assertThat(momentum - walks).isGreaterThanOrEqualTo(3);
  }

  /**
   * Seed 3's walk. Not every walk: on seed 4 the model beats majority 0.44 to 0.32 (p = 0.003),
   * because the simulator's clustered volatility makes the neutral band predictable from the
   * volatility features even without a direction to predict, and the rule then rightly issues it.
   */
  @Test
  void a_random_walk_is_issued_by_a_naive_predictor() {
    SeriesFit fit = fit(bars("WALK", SimulationParameters.randomWalk(3)));
    assertThat(fit.forecaster().naive()).as("%s", fit.selection().orElseThrow()).isTrue();
  }

  /**
   * Replays 60 sessions of each series (D1) and checks the issued forecasts' live accuracy is not
   * below the fair baseline on the same forecasts by more than 1.96 standard errors, counting the
   * overlapping 5-session forecasts as n / 5 independent outcomes.
   */
  @Test
  void issued_live_accuracy_is_not_below_the_fair_baseline_beyond_noise() {
    List<TradingSession> sessions =
        SCHEDULE.calendar().sessions(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 5, 27));
    ReplaySettings settings =
        new ReplaySettings(MlSettings.defaults(), Timeframe.D1, EnumSet.of(Timeframe.D1));
    for (var series :
        Map.of(
                "MOMO",
                new SimulationParameters(11, 0.6, 0.3),
                "WALK",
                SimulationParameters.randomWalk(3))
            .entrySet()) {
      List<ReplayDay> days =
          new SymbolReplay(settings, SCHEDULE)
              .run(series.getKey(), bars(series.getKey(), series.getValue()), sessions, () -> {});
      Score live = ReplaySummary.of(series.getKey(), days).live().orElseThrow();
      double effective = live.n() / 5.0;
      double se = Math.sqrt(live.baselineAccuracy() * (1 - live.baselineAccuracy()) / effective);
      assertThat(live.accuracy())
          .as("%s: %s", series.getKey(), live)
          .isGreaterThanOrEqualTo(live.baselineAccuracy() - 1.96 * se);
    }
  }
}
