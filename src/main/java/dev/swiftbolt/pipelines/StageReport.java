package dev.swiftbolt.pipelines;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one stage of a run went; a run's stats are its stage reports.
 *
 * @param status {@code succeeded}, {@code failed} or {@code skipped} (an earlier stage failed)
 * @param millis wall time of the stage
 */
public record StageReport(
    String stage, String status, Map<String, Long> counts, long millis, Optional<String> error) {

  public StageReport {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(status, "status");
    counts = Map.copyOf(counts);
    Objects.requireNonNull(error, "error");
  }
}
