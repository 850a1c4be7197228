package dev.swiftbolt.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The naive baselines of the three scores a unified prediction was computed from, as their
 * evaluation had them (see {@link Baseline}).
 */
public record PredictionBaselines(Baseline backtesting, Baseline walkforward, Baseline live) {

  /** The measures' prefixes in the prediction's JSON and columns, in this order. */
  public static final List<String> MEASURES = List.of("backtesting", "walkforward", "live");

  public PredictionBaselines {
    Objects.requireNonNull(backtesting, "backtesting");
    Objects.requireNonNull(walkforward, "walkforward");
    Objects.requireNonNull(live, "live");
  }

  /** The baselines keyed by {@link #MEASURES}, in that order. */
  public Map<String, Baseline> byMeasure() {
    Map<String, Baseline> out = new LinkedHashMap<>();
    out.put("backtesting", backtesting);
    out.put("walkforward", walkforward);
    out.put("live", live);
    return out;
  }
}
