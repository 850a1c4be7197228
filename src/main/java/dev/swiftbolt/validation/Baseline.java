package dev.swiftbolt.validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The naive bar a score is read against: the strongest of the naive predictors' accuracies on the
 * score's rows, never below chance for three classes (1/3).
 *
 * @param accuracy the baseline accuracy: the largest of {@code baselines} and 1/3
 * @param name which one it is: {@value #MAJORITY}, {@value #PERSISTENCE} or {@value #CHANCE} (when
 *     every naive predictor scored below 1/3)
 * @param baselines each naive predictor's accuracy on the same rows, by name ({@value #MAJORITY},
 *     {@value #PERSISTENCE}); in that order when both are present (a score stored before
 *     persistence existed has only the majority)
 * @throws IllegalArgumentException naming the rule that is broken
 */
public record Baseline(double accuracy, String name, Map<String, Double> baselines) {

  /** The training rows' majority class. */
  public static final String MAJORITY = "majority";

  /** The direction last realised: at bar t, the label of the latest bar whose horizon ended. */
  public static final String PERSISTENCE = "persistence";

  /** Any guess among three classes. */
  public static final String CHANCE = "chance";

  /** The accuracy of chance for three classes. */
  public static final double CHANCE_ACCURACY = 1.0 / 3;

  private static final Set<String> PREDICTORS = Set.of(MAJORITY, PERSISTENCE);

  public Baseline {
    Objects.requireNonNull(name, "baseline_name");
    Objects.requireNonNull(baselines, "baselines");
    Map<String, Double> ordered = new LinkedHashMap<>();
    for (String key : new String[] {MAJORITY, PERSISTENCE}) {
      if (baselines.containsKey(key)) {
        ordered.put(key, requireUnit("baselines." + key, baselines.get(key)));
      }
    }
    if (ordered.size() != baselines.size() || ordered.isEmpty()) {
      throw new IllegalArgumentException(
          "baselines must name %s and/or %s, got %s".formatted(MAJORITY, PERSISTENCE, baselines));
    }
    baselines = Collections.unmodifiableMap(ordered);
    requireUnit("baseline_accuracy", accuracy);
    double expected =
        CHANCE.equals(name) ? CHANCE_ACCURACY : PREDICTORS.contains(name) ? at(ordered, name) : -1;
    if (expected < 0) {
      throw new IllegalArgumentException(
          "baseline_name must be %s, %s or %s, got %s"
              .formatted(MAJORITY, PERSISTENCE, CHANCE, name));
    }
    if (accuracy != expected || accuracy < CHANCE_ACCURACY || accuracy < strongestOf(ordered)) {
      throw new IllegalArgumentException(
          "baseline_accuracy %s must be the accuracy of %s and the largest of %s and 1/3"
              .formatted(accuracy, name, ordered));
    }
  }

  /**
   * The baseline of the given accuracies: the largest of them, named after it (the first in the
   * order {@value #MAJORITY}, {@value #PERSISTENCE} on a tie), or chance when all are below 1/3.
   */
  public static Baseline strongest(Map<String, Double> baselines) {
    String name = CHANCE;
    double best = CHANCE_ACCURACY;
    for (String key : new String[] {MAJORITY, PERSISTENCE}) {
      Double value = baselines.get(key);
      if (value != null && value >= best && (value > best || CHANCE.equals(name))) {
        name = key;
        best = value;
      }
    }
    return new Baseline(best, name, baselines);
  }

  private static double at(Map<String, Double> baselines, String name) {
    Double value = baselines.get(name);
    return value == null ? -1 : value;
  }

  private static double strongestOf(Map<String, Double> baselines) {
    return baselines.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }

  private static double requireUnit(String field, Double value) {
    if (value == null || !(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(field + " must be in [0, 1], got " + value);
    }
    return value;
  }
}
