package dev.swiftbolt.ml.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.ml.SyntheticBars;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextSeriesTest {
  private final List<Bar> weekly = SyntheticBars.generate(3, 10, 0, 0.02, Duration.ofDays(7));

  @Test
  void each_timeframe_takes_its_context_from_the_next_longer_one() {
    assertThat(ContextSeries.contextTimeframe(Timeframe.M15)).contains(Timeframe.H1);
    assertThat(ContextSeries.contextTimeframe(Timeframe.H1)).contains(Timeframe.H4);
    assertThat(ContextSeries.contextTimeframe(Timeframe.H4)).contains(Timeframe.D1);
    assertThat(ContextSeries.contextTimeframe(Timeframe.D1)).contains(Timeframe.W1);
    assertThat(ContextSeries.contextTimeframe(Timeframe.W1)).isEmpty();
  }

  @Test
  void weekly_context_is_blocks_of_four_final_when_their_last_week_closes() {
    ContextSeries blocks = ContextSeries.forTimeframe(weekly, Timeframe.W1, List.of());
    // 10 weeks: blocks [0..3], [4..7]; weeks 8 and 9 are an incomplete block and left out
    assertThat(blocks.size()).isEqualTo(2);
    assertThat(blocks.closes()).containsExactly(weekly.get(3).close(), weekly.get(7).close());
    long sevenDays = Duration.ofDays(7).getSeconds();
    assertThat(blocks.finalAt(0)).isEqualTo(weekly.get(3).ts().getEpochSecond() + sevenDays);
    assertThat(blocks.finalAt(1)).isEqualTo(weekly.get(7).ts().getEpochSecond() + sevenDays);
  }

  @Test
  void stored_context_bars_are_final_one_nominal_length_after_they_open() {
    ContextSeries c = ContextSeries.of(weekly, Timeframe.W1);
    assertThat(c.finalAt(0))
        .isEqualTo(weekly.get(0).ts().plus(Duration.ofDays(7)).getEpochSecond());
    assertThat(ContextSeries.of(BarColumns.of(weekly), Timeframe.W1).finalAt(9))
        .isEqualTo(c.finalAt(9));
  }
}
