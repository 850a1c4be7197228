package dev.swiftbolt.validation;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How often a signal like this one came true: the recency-weighted Platt map from unified
 * confidence to hit rate read at one prediction's confidence, from the outcomes resolved before the
 * prediction was made.
 *
 * @param value the fitted hit rate at the prediction's confidence; empty below 100 outcomes
 * @param n the resolved outcomes the map was (or would have been) fitted on
 * @param ciLow lower end of the Wilson 95 % interval of the value as a rate observed over the
 *     effective number (Kish, of the recency weights) of outcomes whose confidence lies in the same
 *     bucket of width 0.1 as this one; empty with the value
 * @param ciHigh upper end of the same interval
 * @param source {@code live}, {@code replay} or {@code live+replay}: where the outcomes came from;
 *     empty when there are none
 * @param reason why the value is empty; empty when it is present
 */
public record ProbabilityCorrect(
    OptionalDouble value,
    int n,
    OptionalDouble ciLow,
    OptionalDouble ciHigh,
    Optional<String> source,
    Optional<String> reason) {

  public ProbabilityCorrect {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(ciLow, "ciLow");
    Objects.requireNonNull(ciHigh, "ciHigh");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative, got " + n);
    }
    if (value.isPresent() == reason.isPresent()) {
      throw new IllegalArgumentException("exactly one of value and reason must be present");
    }
  }

  /** An estimate from {@code n} outcomes. */
  public static ProbabilityCorrect of(double value, int n, double low, double high, String source) {
    return new ProbabilityCorrect(
        OptionalDouble.of(value),
        n,
        OptionalDouble.of(low),
        OptionalDouble.of(high),
        Optional.of(source),
        Optional.empty());
  }

  /** No estimate: too few outcomes, with the reason. */
  public static ProbabilityCorrect none(int n, Optional<String> source, String reason) {
    return new ProbabilityCorrect(
        OptionalDouble.empty(),
        n,
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        source,
        Optional.of(reason));
  }
}
