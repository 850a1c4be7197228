package dev.swiftbolt.replay;

import dev.swiftbolt.ml.evaluation.ProbabilityCorrectMap;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A replay's {@code probability_correct} per day, out of sample: the day at session D is read from
 * the map of {@link ProbabilityCorrectMap} fitted at D's close on the outcomes of the replay's
 * symbols, pooled, that had resolved by D's close (a forecast resolves at the close of the session
 * that first sees its horizon bar, so no day sees its own outcome or any later one). Pure.
 */
public final class ReplayProbabilities {

  private ReplayProbabilities() {}

  /**
   * Every day of {@code daysBySymbol} with its {@code probability_correct}.
   *
   * @param closes the close of each replayed session
   */
  public static Map<String, List<ReplayDay>> annotate(
      Map<String, List<ReplayDay>> daysBySymbol, Map<LocalDate, Instant> closes) {
    List<ProbabilityCorrectMap.Outcome> outcomes = new ArrayList<>();
    TreeSet<LocalDate> sessions = new TreeSet<>();
    for (List<ReplayDay> days : daysBySymbol.values()) {
      for (ReplayDay d : days) {
        sessions.add(d.session());
        if (d.correct().isPresent() && d.resolvedAt().isPresent()) {
          outcomes.add(
              new ProbabilityCorrectMap.Outcome(
                  d.unifiedConfidence(),
                  d.correct().get(),
                  d.resolvedAt().get(),
                  ProbabilityCorrectMap.REPLAY));
        }
      }
    }
    outcomes.sort(Comparator.comparing(ProbabilityCorrectMap.Outcome::knownAt));
    Map<LocalDate, List<ProbabilityCorrectMap.Outcome>> knownBySession = new LinkedHashMap<>();
    int known = 0;
    for (LocalDate session : sessions) {
      Instant close = closes.get(session);
      if (close == null) {
        throw new IllegalArgumentException("no close given for session " + session);
      }
      while (known < outcomes.size() && !outcomes.get(known).knownAt().isAfter(close)) {
        known++;
      }
      knownBySession.put(session, outcomes.subList(0, known));
    }
    Map<String, List<ReplayDay>> out = new LinkedHashMap<>();
    Map<LocalDate, ProbabilityCorrectMap.Fitted> fits = new LinkedHashMap<>();
    daysBySymbol.forEach(
        (symbol, days) -> {
          List<ReplayDay> annotated = new ArrayList<>(days.size());
          for (ReplayDay d : days) {
            ProbabilityCorrectMap.Fitted fit =
                fits.computeIfAbsent(
                    d.session(),
                    s -> ProbabilityCorrectMap.fit(knownBySession.get(s), closes.get(s)));
            annotated.add(d.withProbabilityCorrect(fit.at(d.unifiedConfidence())));
          }
          out.put(symbol, List.copyOf(annotated));
        });
    return out;
  }
}
