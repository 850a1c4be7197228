package dev.swiftbolt.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.market.Timeframe;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataQualityTest {

  private final TradingCalendar calendar = TradingCalendar.nyse();
  private final BarSchedule schedule = new BarSchedule(calendar);

  /** 2014-01-02 16:00 New York: the first session after 2013 has just closed. */
  private static final Instant JAN_2_CLOSE = Instant.parse("2014-01-02T21:00:00Z");

  private DataQuality quality(Instant now) {
    return new DataQuality(schedule, QualityThresholds.DEFAULT, Clock.fixed(now, ZoneOffset.UTC));
  }

  private Bar daily(LocalDate date, double close, double volume) {
    return new Bar(calendar.openInstant(date), close, close, close, close, volume);
  }

  /** Flat daily bars on every session of December 2013 (20 sessions). */
  private List<Bar> december() {
    List<Bar> bars = new ArrayList<>();
    for (TradingSession s :
        calendar.sessions(LocalDate.of(2013, 12, 1), LocalDate.of(2013, 12, 31))) {
      bars.add(daily(s.date(), 100, 1000));
    }
    return bars;
  }

  private List<String> rules(QualityReport report) {
    return report.findings().stream().map(QualityFinding::rule).toList();
  }

  @Test
  void a_complete_series_has_no_findings_and_full_coverage() {
    QualityReport report = quality(JAN_2_CLOSE).check("AAPL", Timeframe.D1, december());
    assertThat(report.findings()).isEmpty();
    // December 2013: 22 weekdays minus Christmas = 21 sessions
    assertThat(report.coverage().count()).isEqualTo(21);
    assertThat(report.coverage().expectedCount()).isEqualTo(21);
  }

  @Test
  void missing_sessions_are_one_gap_per_run_but_weekends_and_holidays_are_not() {
    List<Bar> bars = december();
    bars.removeIf(
        b ->
            calendar.tradingDate(b.ts()).equals(LocalDate.of(2013, 12, 23))
                || calendar.tradingDate(b.ts()).equals(LocalDate.of(2013, 12, 24)));
    QualityReport report = quality(JAN_2_CLOSE).check("AAPL", Timeframe.D1, bars);
    assertThat(report.findings()).hasSize(1);
    QualityFinding gap = report.findings().get(0);
    assertThat(gap.rule()).isEqualTo("gap");
    assertThat(gap.severity()).isEqualTo(Severity.ERROR);
    assertThat(gap.message()).startsWith("2 D1 bars missing");
    assertThat(gap.at()).contains(calendar.openInstant(LocalDate.of(2013, 12, 23)));
  }

  @Test
  void a_bar_on_a_holiday_is_off_calendar() {
    List<Bar> bars = december();
    bars.add(daily(LocalDate.of(2013, 12, 25), 100, 1000));
    assertThat(rules(quality(JAN_2_CLOSE).check("AAPL", Timeframe.D1, bars)))
        .containsExactly("off_calendar");
  }

  @Test
  void broken_invariants_and_non_positive_prices_are_errors() {
    List<Bar> bars = december();
    Instant second = bars.get(1).ts();
    Instant third = bars.get(2).ts();
    bars.set(1, new Bar(second, 100, 99, 101, 100, 10)); // high < low
    bars.set(2, new Bar(third, 0, 100, 0, 100, 10));
    QualityReport report = quality(JAN_2_CLOSE).check("AAPL", Timeframe.D1, bars);
    assertThat(rules(report)).containsExactly("ohlc_integrity", "non_positive_price");
    assertThat(report.errorCount()).isEqualTo(2);
  }

  @Test
  void three_zero_volume_bars_in_a_row_are_a_warning_but_two_are_not() {
    List<Bar> two = december();
    List<Bar> three = december();
    for (int i = 5; i < 7; i++) {
      two.set(i, daily(calendar.tradingDate(two.get(i).ts()), 100, 0));
    }
    for (int i = 5; i < 8; i++) {
      three.set(i, daily(calendar.tradingDate(three.get(i).ts()), 100, 0));
    }
    assertThat(quality(JAN_2_CLOSE).check("AAPL", Timeframe.D1, two).findings()).isEmpty();
    QualityReport report = quality(JAN_2_CLOSE).check("AAPL", Timeframe.D1, three);
    assertThat(rules(report)).containsExactly("zero_volume_run");
    assertThat(report.findings().get(0).severity()).isEqualTo(Severity.WARNING);
  }

  /** 21 closes alternating 100 and 100·e^0.01, then one more return of {@code lastReturn}. */
  private List<Bar> alternatingThen(double lastReturn) {
    List<TradingSession> sessions =
        calendar.sessions(LocalDate.of(2013, 11, 1), LocalDate.of(2013, 12, 31));
    List<Bar> bars = new ArrayList<>();
    double close = 100;
    for (int i = 0; i <= 20; i++) {
      close = i % 2 == 0 ? 100 : 100 * Math.exp(0.01);
      bars.add(daily(sessions.get(i).date(), close, 1000));
    }
    bars.add(daily(sessions.get(21).date(), close * Math.exp(lastReturn), 1000));
    return bars;
  }

  @Test
  void a_return_beyond_ten_rolling_sigmas_is_an_outlier() {
    // 20 returns of ±0.01 with mean 0: sample sigma = 0.01·sqrt(20/19) = 0.0102598; 10σ = 0.102598
    DataQuality q = quality(JAN_2_CLOSE);
    QualityReport inside = q.check("AAPL", Timeframe.D1, alternatingThen(0.1020));
    QualityReport outside = q.check("AAPL", Timeframe.D1, alternatingThen(0.1030));
    assertThat(rules(inside)).doesNotContain("outlier_return");
    assertThat(rules(outside)).contains("outlier_return");
  }

  @Test
  void a_series_one_complete_bar_behind_is_fresh_and_two_behind_is_stale() {
    // last bar 2013-12-31; Jan 2 closed (1 missed) vs Jan 3 closed (2 missed)
    assertThat(quality(JAN_2_CLOSE).check("AAPL", Timeframe.D1, december()).findings()).isEmpty();
    QualityReport stale =
        quality(Instant.parse("2014-01-03T21:00:00Z")).check("AAPL", Timeframe.D1, december());
    assertThat(rules(stale)).containsExactly("stale");
    assertThat(stale.errorCount()).isZero();
    assertThat(stale.warningCount()).isEqualTo(1);
  }

  @Test
  void a_bar_still_forming_does_not_count_towards_staleness() {
    // Jan 3 session is open but not closed at 20:59Z: still only Jan 2 missed
    QualityReport report =
        quality(Instant.parse("2014-01-03T20:59:00Z")).check("AAPL", Timeframe.D1, december());
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void a_weekly_bar_that_differs_from_its_daily_bars_is_a_resample_mismatch() {
    List<Bar> d1 = december();
    Resampler resampler = new Resampler(schedule);
    List<Bar> w1 = new ArrayList<>(resampler.resample(d1, Timeframe.W1));
    DataQuality q = quality(JAN_2_CLOSE);
    assertThat(q.check("AAPL", Timeframe.W1, w1, Optional.of(d1)).findings()).isEmpty();
    Bar first = w1.get(0);
    w1.set(0, new Bar(first.ts(), first.open(), first.high() + 1, first.low(), first.close(), 0));
    assertThat(rules(q.check("AAPL", Timeframe.W1, w1, Optional.of(d1))))
        .containsExactly("resample_mismatch");
  }

  @Test
  void an_empty_series_has_zero_coverage() {
    QualityReport report = quality(JAN_2_CLOSE).check("AAPL", Timeframe.M15, List.of());
    assertThat(report.coverage().count()).isZero();
    assertThat(report.coverage().first()).isEmpty();
  }
}
