package dev.swiftbolt.replay;

import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.ml.MlSettings;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a replay runs: the production ml settings, the primary timeframe (whose forecast gives the
 * direction and whose scores feed the validator) and the timeframes forecast each session.
 *
 * @throws IllegalArgumentException when {@code timeframes} is empty or lacks the primary
 */
public record ReplaySettings(MlSettings ml, Timeframe primary, Set<Timeframe> timeframes) {

  public ReplaySettings {
    Objects.requireNonNull(ml, "ml");
    Objects.requireNonNull(primary, "primary");
    if (timeframes.isEmpty() || !timeframes.contains(primary)) {
      throw new IllegalArgumentException(
          "--timeframes must include the primary timeframe %s, got %s"
              .formatted(primary, timeframes));
    }
    timeframes = Set.copyOf(EnumSet.copyOf(timeframes));
  }
}
