package dev.swiftbolt.pipelines;

import dev.swiftbolt.market.Timeframe;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which models are due for retraining at an instant. The default, {@link TrainingHistoryDue}, reads
 * the queue's history; the ML package can provide one that reads the model registry and the
 * validator's retraining triggers (critical or persistent drift, the 30-day schedule).
 */
@FunctionalInterface
public interface RetrainingDue {

  /** A model to retrain: a symbol, a timeframe (empty: all), and why. */
  record DueTraining(long symbolId, Optional<Timeframe> timeframe, String reason) {
    public DueTraining {
      Objects.requireNonNull(timeframe, "timeframe");
      Objects.requireNonNull(reason, "reason");
    }
  }

  List<DueTraining> due(Instant now);
}
