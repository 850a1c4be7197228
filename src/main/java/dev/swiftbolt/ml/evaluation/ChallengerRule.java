package dev.swiftbolt.ml.evaluation;

/**
 * Whether a retraining's challenger replaces the champion: yes when the champion's out-of-sample
 * record since its training end holds fewer than {@value #MIN_RESOLVED} resolved forecasts, or when
 * the challenger's walk-forward accuracy is not below the champion's out-of-sample accuracy by more
 * than one standard error (√(p(1 − p)/n) of that accuracy). Pure and thread-safe.
 */
public final class ChallengerRule {

  /** Below this many resolved forecasts the champion's record is too thin to keep it. */
  public static final int MIN_RESOLVED = 20;

  private ChallengerRule() {}

  /**
   * The verdict and both figures.
   *
   * @param promoted whether the challenger becomes champion
   * @param challengerAccuracy the challenger's walk-forward accuracy (of its issued forecaster)
   * @param championAccuracy the champion's out-of-sample accuracy (0 without a record)
   * @param championN the champion's resolved forecasts since its training end
   * @param reason one sentence with both figures
   */
  public record Verdict(
      boolean promoted,
      double challengerAccuracy,
      double championAccuracy,
      int championN,
      String reason) {}

  /**
   * @param challengerAccuracy the challenger's walk-forward accuracy
   * @param championCorrect the champion's correct resolved forecasts since its training end
   * @param championN its resolved forecasts since its training end
   */
  public static Verdict decide(double challengerAccuracy, int championCorrect, int championN) {
    if (championCorrect < 0 || championCorrect > championN) {
      throw new IllegalArgumentException(
          "champion hits must lie in [0, n]: correct=%d, n=%d"
              .formatted(championCorrect, championN));
    }
    if (championN < MIN_RESOLVED) {
      return new Verdict(
          true,
          challengerAccuracy,
          championN == 0 ? 0 : (double) championCorrect / championN,
          championN,
          "promoted: the champion has only %d resolved forecasts since its training (fewer than %d)"
              .formatted(championN, MIN_RESOLVED));
    }
    double champion = (double) championCorrect / championN;
    double se = Math.sqrt(champion * (1 - champion) / championN);
    boolean promoted = challengerAccuracy >= champion - se;
    String verdict =
        "walk-forward %.3f vs champion's out-of-sample %.3f (n = %d, SE %.3f)"
            .formatted(challengerAccuracy, champion, championN, se);
    return new Verdict(
        promoted,
        challengerAccuracy,
        champion,
        championN,
        (promoted ? "promoted: " : "rejected: ") + verdict);
  }
}
