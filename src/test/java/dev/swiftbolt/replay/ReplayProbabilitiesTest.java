package dev.swiftbolt.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.market.Direction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplayProbabilitiesTest {

  private static final int HORIZON = 5;

  @Test
  void each_day_sees_only_outcomes_resolved_by_its_close_pooled_across_symbols() {
    int sessions = 120;
    Map<LocalDate, Instant> closes = new HashMap<>();
    List<LocalDate> dates = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      LocalDate date = LocalDate.of(2026, 1, 1).plusDays(i);
      dates.add(date);
      closes.put(date, date.atTime(21, 0).toInstant(java.time.ZoneOffset.UTC));
    }
    Map<String, List<ReplayDay>> bySymbol = new LinkedHashMap<>();
    for (String symbol : List.of("AAA", "BBB")) {
      List<ReplayDay> days = new ArrayList<>();
      for (int i = 0; i < sessions; i++) {
        // The forecast at session i resolves at session i + 5's close; the last five do not.
        boolean resolved = i + HORIZON < sessions;
        Optional<Boolean> correct = resolved ? Optional.of(i % 3 == 0) : Optional.empty();
        days.add(
            new ReplayDay(
                symbol,
                dates.get(i),
                Direction.BULLISH,
                0.1 + 0.8 * ((i * 7) % 10) / 10.0,
                0.4,
                10,
                "replay",
                0.1,
                false,
                false,
                false,
                correct,
                correct.map(c -> c ? Direction.BULLISH : Direction.NEUTRAL),
                Direction.NEUTRAL,
                Direction.NEUTRAL,
                0.4,
                0.4,
                resolved ? Optional.of(closes.get(dates.get(i + HORIZON))) : Optional.empty(),
                Optional.empty(),
                "xgboost",
                false,
                Optional.empty()));
      }
      bySymbol.put(symbol, days);
    }

    Map<String, List<ReplayDay>> annotated = ReplayProbabilities.annotate(bySymbol, closes);

    for (List<ReplayDay> days : annotated.values()) {
      for (int i = 0; i < sessions; i++) {
        ReplayDay d = days.get(i);
        // Outcomes known at session i: forecasts of sessions 0 .. i − 5, of both symbols.
        int known = 2 * Math.max(0, i - HORIZON + 1);
        assertThat(d.probabilityCorrect().orElseThrow().n())
            .as("outcomes known at session %d", i)
            .isEqualTo(known);
        assertThat(d.probabilityCorrect().get().value().isPresent()).isEqualTo(known >= 100);
      }
    }
    // Day 54 is the first with 100 outcomes: 2 × (54 − 5 + 1).
    ReplayDay first = annotated.get("AAA").get(54);
    assertThat(first.probabilityCorrect().get().source()).hasValue("replay");
    assertThat(annotated.get("AAA").get(53).probabilityCorrect().get().reason())
        .hasValue("only 98 resolved outcomes before this prediction; at least 100 are needed");
  }
}
