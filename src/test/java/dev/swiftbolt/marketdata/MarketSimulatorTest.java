package dev.swiftbolt.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.market.Timeframe;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarketSimulatorTest {

  private final TradingCalendar calendar = TradingCalendar.nyse();
  private final BarSchedule schedule = new BarSchedule(calendar);
  private final Resampler resampler = new Resampler(schedule);
  private static final Instant FROM = Instant.parse("2024-06-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2024-08-01T00:00:00Z");

  private MarketSimulator simulator(SimulationParameters p) {
    return new MarketSimulator(schedule, p);
  }

  @Test
  void same_symbol_and_seed_give_the_same_bars() {
    List<Bar> a = simulator(SimulationParameters.DEFAULT).fetch("MSFT", Timeframe.M15, FROM, TO);
    List<Bar> b = simulator(SimulationParameters.DEFAULT).fetch("MSFT", Timeframe.M15, FROM, TO);
    assertThat(a).isNotEmpty().isEqualTo(b);
  }

  @Test
  void another_seed_or_symbol_gives_other_bars() {
    List<Bar> a = simulator(SimulationParameters.DEFAULT).fetch("MSFT", Timeframe.D1, FROM, TO);
    assertThat(
            simulator(SimulationParameters.DEFAULT.withSeed(7))
                .fetch("MSFT", Timeframe.D1, FROM, TO))
        .isNotEqualTo(a);
    assertThat(simulator(SimulationParameters.DEFAULT).fetch("NVDA", Timeframe.D1, FROM, TO))
        .isNotEqualTo(a);
  }

  @Test
  void quarter_hours_sit_on_the_calendar_and_obey_the_invariants() {
    List<Bar> m15 = simulator(SimulationParameters.DEFAULT).fetch("AMD", Timeframe.M15, FROM, TO);
    Set<Instant> expected = new HashSet<>(schedule.expectedOpens(Timeframe.M15, FROM, TO));
    assertThat(m15).hasSize(expected.size());
    assertThat(m15).allSatisfy(b -> assertThat(expected).contains(b.ts()));
    assertThat(m15).allSatisfy(b -> assertThat(b.violation()).isEmpty());
  }

  @Test
  void each_daily_bar_is_the_aggregate_of_its_session_quarter_hours() {
    MarketSimulator sim = simulator(SimulationParameters.DEFAULT);
    List<Bar> m15 = sim.fetch("TSLA", Timeframe.M15, FROM, TO);
    List<Bar> d1 = sim.fetch("TSLA", Timeframe.D1, FROM, TO);
    // 2024-06-03 .. 2024-07-31: 43 weekdays minus Juneteenth and July 4 = 41 sessions
    assertThat(d1).hasSize(43 - 2);
    for (Bar day : d1) {
      List<Bar> session =
          m15.stream()
              .filter(b -> calendar.tradingDate(b.ts()).equals(calendar.tradingDate(day.ts())))
              .toList();
      assertThat(Resampler.aggregate(day.ts(), session)).isEqualTo(day);
    }
  }

  @Test
  void a_short_range_equals_the_same_days_of_a_long_range() {
    MarketSimulator sim = simulator(SimulationParameters.DEFAULT);
    List<Bar> year = sim.dailyBars("META", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31));
    List<Bar> december =
        sim.dailyBars("META", LocalDate.of(2023, 12, 1), LocalDate.of(2023, 12, 31));
    assertThat(year.subList(year.size() - december.size(), year.size())).isEqualTo(december);
  }

  @Test
  void hourly_bars_from_the_simulator_are_its_resampled_quarter_hours() {
    MarketSimulator sim = simulator(SimulationParameters.DEFAULT);
    assertThat(sim.fetch("CRWD", Timeframe.H1, FROM, TO))
        .isEqualTo(resampler.resample(sim.fetch("CRWD", Timeframe.M15, FROM, TO), Timeframe.H1));
  }

  @Test
  void zero_predictability_leaves_no_lag_one_autocorrelation_in_daily_returns() {
    double rho = lagOneAutocorrelation(SimulationParameters.randomWalk(1), false);
    // 20 symbols x ~3,500 returns: standard error ~ 0.0038; 0.02 is > 5 standard errors
    assertThat(Math.abs(rho)).isLessThan(0.02);
  }

  @Test
  void planted_predictability_shows_as_lag_one_autocorrelation() {
    double rho =
        lagOneAutocorrelation(SimulationParameters.randomWalk(1).withPredictability(0.2), false);
    assertThat(rho).isBetween(0.15, 0.25);
  }

  @Test
  void volatility_clusters() {
    double rho = lagOneAutocorrelation(SimulationParameters.randomWalk(1), true);
    assertThat(rho).isGreaterThan(0.05);
  }

  private double lagOneAutocorrelation(SimulationParameters p, boolean squared) {
    MarketSimulator sim = simulator(p);
    double sxy = 0;
    double sxx = 0;
    for (int s = 0; s < 20; s++) {
      List<Bar> d1 = sim.dailyBars("S" + s, LocalDate.of(2010, 1, 1), LocalDate.of(2023, 12, 31));
      double[] r = new double[d1.size() - 1];
      double mean = 0;
      for (int i = 1; i < d1.size(); i++) {
        double x = Math.log(d1.get(i).close() / d1.get(i - 1).close());
        r[i - 1] = squared ? x * x : x;
        mean += r[i - 1];
      }
      mean /= r.length;
      for (int i = 0; i < r.length; i++) {
        sxx += (r[i] - mean) * (r[i] - mean);
        if (i > 0) {
          sxy += (r[i] - mean) * (r[i - 1] - mean);
        }
      }
    }
    return sxy / sxx;
  }

  @Test
  void a_predictability_schedule_changes_only_the_sessions_after_its_end() {
    SimulationParameters always = new SimulationParameters(3, 0.6, 0.3);
    LocalDate lastOn = LocalDate.of(2024, 7, 1);
    List<Bar> planted = simulator(always).fetch("MSFT", Timeframe.D1, FROM, TO);
    List<Bar> switched =
        simulator(always.predictableThrough(lastOn)).fetch("MSFT", Timeframe.D1, FROM, TO);
    Instant firstOff = calendar.openInstant(calendar.nextTradingDay(lastOn));
    assertThat(switched).hasSameSizeAs(planted);
    for (int i = 0; i < planted.size(); i++) {
      if (planted.get(i).ts().isBefore(firstOff)) {
        assertThat(switched.get(i)).isEqualTo(planted.get(i));
      } else {
        assertThat(switched.get(i).close()).isNotEqualTo(planted.get(i).close());
      }
    }
    assertThat(always.predictabilityOn(lastOn)).isEqualTo(0.6);
    assertThat(always.predictableThrough(lastOn).predictabilityOn(lastOn.plusDays(1))).isZero();
  }
}
