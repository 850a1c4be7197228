package dev.swiftbolt.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swiftbolt.market.Timeframe;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResamplerTest {

  private final TradingCalendar calendar = TradingCalendar.nyse();
  private final BarSchedule schedule = new BarSchedule(calendar);
  private final Resampler resampler = new Resampler(schedule);

  private static Bar bar(String ts, double o, double h, double l, double c, double v) {
    return new Bar(Instant.parse(ts), o, h, l, c, v);
  }

  private Bar daily(LocalDate date, double o, double h, double l, double c, double v) {
    return new Bar(calendar.openInstant(date), o, h, l, c, v);
  }

  @Test
  void hourly_buckets_are_anchored_at_the_open_and_the_last_lasts_thirty_minutes() {
    TradingSession s = calendar.session(LocalDate.of(2024, 1, 2)).orElseThrow();
    List<Instant> opens = schedule.opensIn(Timeframe.H1, s);
    assertThat(opens).hasSize(7);
    assertThat(opens.get(0)).isEqualTo(Instant.parse("2024-01-02T14:30:00Z"));
    assertThat(opens.get(6)).isEqualTo(Instant.parse("2024-01-02T20:30:00Z"));
    assertThat(schedule.closeOf(Timeframe.H1, opens.get(6)))
        .isEqualTo(Instant.parse("2024-01-02T21:00:00Z"));
    assertThat(schedule.opensIn(Timeframe.H4, s))
        .containsExactly(
            Instant.parse("2024-01-02T14:30:00Z"), Instant.parse("2024-01-02T18:30:00Z"));
  }

  @Test
  void an_early_close_has_14_quarter_hours_four_hours_and_one_four_hour_bar() {
    TradingSession s = calendar.session(LocalDate.of(2013, 11, 29)).orElseThrow();
    assertThat(schedule.opensIn(Timeframe.M15, s)).hasSize(14);
    assertThat(schedule.opensIn(Timeframe.H1, s)).hasSize(4);
    assertThat(schedule.opensIn(Timeframe.H4, s)).hasSize(1);
    assertThat(schedule.closeOf(Timeframe.H4, s.open())).isEqualTo(s.close());
  }

  @Test
  void hourly_bar_aggregates_its_four_quarter_hours_by_hand() {
    List<Bar> m15 =
        List.of(
            bar("2024-01-02T14:45:00Z", 11, 13, 10.5, 12, 200),
            bar("2024-01-02T14:30:00Z", 10, 11, 9, 11, 100),
            bar("2024-01-02T15:00:00Z", 12, 12.5, 8, 9, 300),
            bar("2024-01-02T15:15:00Z", 9, 10, 8.5, 9.5, 400),
            bar("2024-01-02T15:30:00Z", 9.5, 9.7, 9.4, 9.6, 50));
    List<Bar> h1 = resampler.resample(m15, Timeframe.H1);
    assertThat(h1)
        .containsExactly(
            // open of 14:30, max(11,13,12.5,10), min(9,10.5,8,8.5), close of 15:15, 100+200+300+400
            bar("2024-01-02T14:30:00Z", 10, 13, 8, 9.5, 100 + 200 + 300 + 400),
            bar("2024-01-02T15:30:00Z", 9.5, 9.7, 9.4, 9.6, 50));
  }

  @Test
  void the_afternoon_four_hour_bar_starts_at_13_30_new_york() {
    List<Bar> m15 =
        List.of(
            bar("2024-01-02T18:15:00Z", 5, 6, 4, 5.5, 10), // 13:15 NY: morning bucket
            bar("2024-01-02T18:30:00Z", 5.5, 7, 5, 6, 20), // 13:30 NY: afternoon bucket
            bar("2024-01-02T20:45:00Z", 6, 6.5, 3, 4, 30)); // 15:45 NY: last quarter hour
    assertThat(resampler.resample(m15, Timeframe.H4))
        .containsExactly(
            bar("2024-01-02T14:30:00Z", 5, 6, 4, 5.5, 10),
            bar("2024-01-02T18:30:00Z", 5.5, 7, 3, 4, 20 + 30));
  }

  @Test
  void weekly_bar_opens_on_the_first_session_after_a_monday_holiday() {
    // week of MLK day 2013: Tuesday 22 to Friday 25
    List<Bar> d1 =
        List.of(
            daily(LocalDate.of(2013, 1, 22), 10, 12, 9, 11, 1),
            daily(LocalDate.of(2013, 1, 25), 11, 11.5, 7, 8, 2),
            daily(LocalDate.of(2013, 1, 23), 11, 14, 10, 13, 3),
            daily(LocalDate.of(2013, 1, 24), 13, 13, 12, 12, 4));
    assertThat(resampler.resample(d1, Timeframe.W1))
        .containsExactly(
            bar("2013-01-22T14:30:00Z", 10, 14, 7, 8, 1 + 2 + 3 + 4)); // 09:30 EST Tuesday
  }

  @Test
  void an_iso_week_spanning_new_year_is_one_weekly_bar() {
    List<Bar> d1 =
        List.of(
            daily(LocalDate.of(2013, 12, 30), 1, 2, 1, 2, 1),
            daily(LocalDate.of(2013, 12, 31), 2, 3, 2, 3, 1),
            daily(LocalDate.of(2014, 1, 2), 3, 4, 3, 4, 1),
            daily(LocalDate.of(2014, 1, 3), 4, 5, 0.5, 4.5, 1),
            daily(LocalDate.of(2014, 1, 6), 9, 9, 9, 9, 1));
    assertThat(resampler.resample(d1, Timeframe.W1))
        .containsExactly(
            bar("2013-12-30T14:30:00Z", 1, 5, 0.5, 4.5, 4),
            bar("2014-01-06T14:30:00Z", 9, 9, 9, 9, 1));
  }

  @Test
  void a_bar_outside_the_session_is_refused() {
    List<Bar> premarket = List.of(bar("2024-01-02T14:15:00Z", 1, 1, 1, 1, 1));
    assertThatThrownBy(() -> resampler.resample(premarket, Timeframe.H1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside the regular session");
  }

  @Test
  void daily_and_intraday_timeframes_are_not_resampling_targets() {
    assertThatThrownBy(() -> resampler.resample(List.of(), Timeframe.D1))
        .hasMessageContaining("only H1, H4");
  }

  @Test
  void aggregates_of_simulated_bars_obey_the_ohlc_invariants() {
    MarketSimulator sim = new MarketSimulator(schedule, SimulationParameters.DEFAULT);
    List<Bar> m15 =
        sim.intradayBars(
            "AAPL", Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-03-01T00:00:00Z"));
    for (Timeframe tf : List.of(Timeframe.H1, Timeframe.H4)) {
      List<Bar> bars = resampler.resample(m15, tf);
      assertThat(bars).isNotEmpty().allSatisfy(b -> assertThat(b.violation()).isEmpty());
    }
  }
}
