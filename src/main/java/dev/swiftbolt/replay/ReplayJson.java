package dev.swiftbolt.replay;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.ml.evaluation.Reliability;
import dev.swiftbolt.ml.evaluation.Score;
import dev.swiftbolt.validation.ProbabilityCorrect;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The replay's JSON objects ({@code kind: day} and {@code kind: summary}) and its one-line text
 * summary. Day objects hold nothing run-specific, so two replays of the same bars print identical
 * lines.
 */
public final class ReplayJson {

  private ReplayJson() {}

  public static ObjectNode day(ReplayDay d) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("kind", "day");
    node.put("symbol", d.symbol());
    node.put("session", d.session().toString());
    node.put("direction", d.direction().name());
    node.put("unified_confidence", d.unifiedConfidence());
    node.put("live_accuracy", d.liveAccuracy());
    node.put("live_n", d.liveN());
    node.put("live_score_source", d.liveScoreSource());
    node.put("drift_magnitude", d.driftMagnitude());
    node.put("drift_detected", d.driftDetected());
    node.put("retraining_trigger", d.retrainingTrigger());
    node.put("retrained", d.retrained());
    node.put("forecaster", d.forecaster());
    node.put("promoted", d.promoted());
    if (d.deferredRetrainReason().isPresent()) {
      node.put("deferred_retrain_reason", d.deferredRetrainReason().get());
    } else {
      node.putNull("deferred_retrain_reason");
    }
    if (d.correct().isPresent()) {
      node.put("correct", d.correct().get());
    } else {
      node.putNull("correct");
    }
    node.put("drift_direction", d.driftDirection().orElse(null));
    Optional<ProbabilityCorrect> pc = d.probabilityCorrect();
    putOptional(node, "probability_correct", pc.flatMap(p -> boxed(p.value())));
    if (pc.isPresent()) {
      node.put("probability_correct_n", pc.get().n());
    } else {
      node.putNull("probability_correct_n");
    }
    putOptional(node, "probability_correct_ci_low", pc.flatMap(p -> boxed(p.ciLow())));
    putOptional(node, "probability_correct_ci_high", pc.flatMap(p -> boxed(p.ciHigh())));
    node.put("probability_correct_source", pc.flatMap(ProbabilityCorrect::source).orElse(null));
    node.put("probability_correct_reason", pc.flatMap(ProbabilityCorrect::reason).orElse(null));
    return node;
  }

  public static ObjectNode summary(ReplaySummary s) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("kind", "summary");
    node.put("symbol", s.symbol());
    node.put("sessions", s.sessions());
    node.put("forecasts", s.forecasts());
    node.put("resolved", s.resolved());
    ObjectNode live = node.putObject("live");
    putOptional(live, "accuracy", s.live().map(Score::accuracy));
    live.put("n", s.live().map(Score::n).orElse(0));
    putOptional(live, "ci_low", s.live().map(Score::ciLow));
    putOptional(live, "ci_high", s.live().map(Score::ciHigh));
    putOptional(live, "baseline_accuracy", s.live().map(Score::baselineAccuracy));
    if (s.live().isPresent()) {
      live.put("baseline_name", s.live().get().baselineName());
      ObjectNode baselines = live.putObject("baselines");
      s.live().get().baselines().forEach(baselines::put);
    } else {
      live.putNull("baseline_name");
      live.putNull("baselines");
    }
    ObjectNode promised = node.putObject("promised");
    putOptional(promised, "backtest", s.promisedBacktest());
    putOptional(promised, "walkforward", s.promisedWalkforward());
    node.put("drift_days", s.driftDays());
    node.put("retraining_triggers", s.retrainingTriggers());
    node.put("retrains", s.retrains());
    node.put("retrains_promoted", s.retrainsPromoted());
    node.put("retrains_rejected", s.retrainsRejected());
    node.put("retrains_deferred", s.retrainsDeferred());
    ObjectNode forecasters = node.putObject("forecasters");
    s.forecasters().forEach(forecasters::put);
    ArrayNode reliability = node.putArray("reliability");
    for (ReplaySummary.Bucket b : s.reliability()) {
      ObjectNode bucket = reliability.addObject();
      bucket.put("confidence_from", b.confidenceFrom());
      bucket.put("confidence_to", b.confidenceTo());
      bucket.put("n", b.n());
      bucket.put("hit_rate", b.hitRate());
    }
    putOptional(node, "ece_unified_confidence", s.eceUnifiedConfidence());
    putOptional(node, "ece_probability_correct", s.eceProbabilityCorrect());
    return node;
  }

  /** The one-line text summary: live vs baseline vs promised, drift days, retrains. */
  public static String text(ReplaySummary s) {
    return String.format(
        Locale.ROOT,
        "%-6s %d sessions, %d/%d resolved: live %s vs baseline %s vs promised backtest %s,"
            + " walk-forward %s; drift days %d; retraining triggers %d, retrains %d"
            + " (promoted %d, rejected %d, deferred %d); forecasters %s;"
            + " ECE unified confidence %s, probability_correct %s",
        s.symbol(),
        s.sessions(),
        s.resolved(),
        s.forecasts(),
        s.live()
            .map(
                l ->
                    String.format(
                        Locale.ROOT, "%.3f [%.3f, %.3f]", l.accuracy(), l.ciLow(), l.ciHigh()))
            .orElse("-"),
        s.live()
            .map(
                l ->
                    String.format(Locale.ROOT, "%.3f (%s)", l.baselineAccuracy(), l.baselineName()))
            .orElse("-"),
        fixed(s.promisedBacktest()),
        fixed(s.promisedWalkforward()),
        s.driftDays(),
        s.retrainingTriggers(),
        s.retrains(),
        s.retrainsPromoted(),
        s.retrainsRejected(),
        s.retrainsDeferred(),
        s.forecasters(),
        fixed(s.eceUnifiedConfidence()),
        fixed(s.eceProbabilityCorrect()));
  }

  /**
   * The pooled line over several symbols' days: resolved days and the two expected calibration
   * errors over all of them.
   */
  public static String pooledText(List<ReplayDay> days) {
    List<ReplayDay> resolved = days.stream().filter(d -> d.correct().isPresent()).toList();
    List<Reliability.Point> withProbability = ReplaySummary.probabilityCorrectPoints(resolved);
    return String.format(
        Locale.ROOT,
        "pooled %d resolved sessions (%d with probability_correct): ECE unified confidence %s,"
            + " probability_correct %s",
        resolved.size(),
        withProbability.size(),
        fixed(boxed(Reliability.ece(ReplaySummary.unifiedConfidencePoints(resolved)))),
        fixed(boxed(Reliability.ece(withProbability))));
  }

  private static String fixed(Optional<Double> value) {
    return value.map(v -> String.format(Locale.ROOT, "%.3f", v)).orElse("-");
  }

  private static Optional<Double> boxed(OptionalDouble v) {
    return v.isPresent() ? Optional.of(v.getAsDouble()) : Optional.empty();
  }

  private static void putOptional(ObjectNode node, String field, Optional<Double> value) {
    if (value.isPresent()) {
      node.put(field, value.get());
    } else {
      node.putNull(field);
    }
  }
}
