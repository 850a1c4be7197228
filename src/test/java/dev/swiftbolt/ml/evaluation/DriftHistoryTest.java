package dev.swiftbolt.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftHistoryTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

  private static Map<LocalDate, Double> days(double... magnitudesEndingYesterday) {
    Map<LocalDate, Double> map = new HashMap<>();
    for (int i = 0; i < magnitudesEndingYesterday.length; i++) {
      map.put(TODAY.minusDays(magnitudesEndingYesterday.length - i), magnitudesEndingYesterday[i]);
    }
    return map;
  }

  @Test
  void counts_consecutive_days_above_50_percent_ending_yesterday() {
    assertThat(DriftHistory.consecutiveDriftDays(days(0.2, 0.6, 0.7, 0.9), TODAY)).isEqualTo(3);
  }

  @Test
  void exactly_50_percent_is_not_a_drift_day_and_just_above_is() {
    assertThat(DriftHistory.consecutiveDriftDays(days(0.50), TODAY)).isZero();
    assertThat(DriftHistory.consecutiveDriftDays(days(0.5000001), TODAY)).isEqualTo(1);
  }

  @Test
  void todays_own_prediction_does_not_count() {
    Map<LocalDate, Double> history = days(0.8, 0.8);
    history.put(TODAY, 0.9);
    assertThat(DriftHistory.consecutiveDriftDays(history, TODAY)).isEqualTo(2);
  }

  @Test
  void a_day_without_a_prediction_breaks_the_run() {
    Map<LocalDate, Double> history = days(0.8, 0.8, 0.8);
    history.remove(TODAY.minusDays(2));
    assertThat(DriftHistory.consecutiveDriftDays(history, TODAY)).isEqualTo(1);
  }

  @Test
  void seven_drift_days_reach_the_persistent_drift_rule_and_six_do_not() {
    assertThat(DriftHistory.consecutiveDriftDays(days(0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6), TODAY))
        .isEqualTo(7);
    assertThat(DriftHistory.consecutiveDriftDays(days(0.1, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6), TODAY))
        .isEqualTo(6);
  }
}
