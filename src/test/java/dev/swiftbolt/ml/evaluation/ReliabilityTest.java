package dev.swiftbolt.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReliabilityTest {

  @Test
  void ece_weighs_each_buckets_gap_by_its_share() {
    List<Reliability.Point> points =
        List.of(
            new Reliability.Point(0.25, true),
            new Reliability.Point(0.21, false),
            new Reliability.Point(0.29, false),
            new Reliability.Point(0.75, true));
    // Bucket [0.2, 0.3): 3 points, hit rate 1/3, mean 0.25; bucket [0.7, 0.8): 1 point, 1 vs 0.75.
    double expected = 3.0 / 4 * Math.abs(1.0 / 3 - 0.25) + 1.0 / 4 * Math.abs(1 - 0.75);
    assertThat(Reliability.ece(points).getAsDouble()).isCloseTo(expected, within(1e-15));
    List<Reliability.Bucket> table = Reliability.table(points);
    assertThat(table).hasSize(2);
    assertThat(table.get(0).predictions()).isEqualTo(3);
    assertThat(table.get(0).cameTrue()).isEqualTo(1);
    assertThat(table.get(0).from()).isEqualTo(0.2);
    assertThat(table.get(1).ciHigh()).isEqualTo(1.0);
  }

  @Test
  void a_probability_of_one_falls_in_the_last_bucket_and_no_points_have_no_ece() {
    assertThat(Reliability.bucketOf(1.0)).isEqualTo(9);
    assertThat(Reliability.bucketOf(0.0)).isEqualTo(0);
    assertThat(Reliability.ece(List.of())).isEmpty();
  }
}
