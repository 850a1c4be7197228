package dev.swiftbolt.ml.evaluation;

import dev.swiftbolt.ml.models.ProbabilityCalibrator;
import java.util.Objects;

/**
 * Calibration of the walk-forward probabilities.
 *
 * <p>{@code brier} and {@code ece} are measured on the raw probabilities of all {@code n}
 * walk-forward test rows. When ECE exceeds the threshold, Platt scaling is tried honestly: the
 * calibrator applied to fold f is fitted on the out-of-sample predictions of folds 1..f−1 only
 * (fold 1 has none and is not counted), and {@code calibratedBrier}/{@code calibratedEce} are
 * measured on folds 2..K ({@code calibratedN} rows) against the raw figures on the same rows
 * ({@code rawEceSameRows}). {@code method} is "platt" when that lowered ECE (then {@code
 * calibrator}, refitted on all folds, is used for forecasts), "none" when ECE was already good, and
 * "none_platt_did_not_help" otherwise.
 */
public record CalibrationReport(
    double brier,
    double ece,
    int n,
    String method,
    double rawEceSameRows,
    double calibratedBrier,
    double calibratedEce,
    int calibratedN,
    ProbabilityCalibrator calibrator) {

  public CalibrationReport {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(calibrator, "calibrator");
  }
}
