package dev.swiftbolt.predictions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.validation.Baseline;
import dev.swiftbolt.validation.ConfidenceInterval;
import dev.swiftbolt.validation.MissingTimeframe;
import dev.swiftbolt.validation.PredictionBaselines;
import dev.swiftbolt.validation.ProbabilityCorrect;
import dev.swiftbolt.validation.UnifiedPrediction;
import dev.swiftbolt.validation.ValidationRequest;
import dev.swiftbolt.validation.ValidationScores;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The JSON form of the validator, shared by {@code swiftbolt validate} (JSON Lines) and {@code POST
 * /api/v1/validate}: snake_case field names, numbers as full-precision doubles, instants as
 * ISO-8601 strings.
 *
 * <p>Input object: required {@code symbol, direction, backtesting_score, walkforward_score,
 * live_score, last_retraining_date, as_of}; optional {@code multi_tf_scores} (default {@code {}}),
 * {@code persistent_drift_days} (default 0: no known drift history, so the persistent-drift rule
 * cannot fire), {@code backtesting_n, walkforward_n, live_n} (default absent: no intervals, no
 * tests). JSON {@code null} counts as absent. Unknown and duplicate fields are refused, so a
 * misspelt optional field is not silently ignored.
 *
 * <p>Output object: the fields of {@link UnifiedPrediction} in a fixed order; optional statistics
 * that could not be computed are written as {@code null}. Thread-safe.
 */
public final class ValidationJson {

  /** Input field names accepted by {@link #parseRequest}. */
  public static final List<String> INPUT_FIELDS =
      List.of(
          "symbol",
          "direction",
          "backtesting_score",
          "walkforward_score",
          "live_score",
          "multi_tf_scores",
          "last_retraining_date",
          "persistent_drift_days",
          "as_of",
          "backtesting_n",
          "walkforward_n",
          "live_n");

  private static final Set<String> KNOWN_FIELDS = Set.copyOf(INPUT_FIELDS);

  private final JsonFactory factory;
  private final ObjectReader reader;

  /**
   * The last instant parsed per field: bulk inputs repeat the same as_of and retraining dates on
   * every line, and ISO parsing is one of the codec's slowest steps. Races only cost a re-parse.
   */
  private final InstantMemo lastRetrainingMemo = new InstantMemo();

  private final InstantMemo asOfMemo = new InstantMemo();

  private record ParsedInstant(String text, Instant instant) {}

  private static final class InstantMemo {
    volatile ParsedInstant last;
  }

  public ValidationJson() {
    // Fast double parsing/writing (FastDoubleParser, Schubfach) give the same values as the JDK:
    // correctly rounded on input, shortest round-tripping representation on output.
    JsonFactory jsonFactory =
        JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();
    ObjectMapper mapper = new ObjectMapper(jsonFactory);
    this.factory = mapper.getFactory();
    this.reader = mapper.reader();
  }

  /** The factory this codec reads and writes with, for callers that stream many objects. */
  public JsonFactory factory() {
    return factory;
  }

  /**
   * Parses one input object.
   *
   * @throws IllegalArgumentException with a message naming the field and the rule it breaks
   */
  public ValidationRequest parseRequest(String json) {
    JsonNode root;
    try {
      root = reader.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new IllegalArgumentException("empty input; expected a JSON object");
    }
    if (!root.isObject()) {
      throw new IllegalArgumentException(
          "expected a JSON object, got " + typeName(root.getNodeType()));
    }
    for (Map.Entry<String, JsonNode> property : root.properties()) {
      String name = property.getKey();
      if (!KNOWN_FIELDS.contains(name)) {
        throw new IllegalArgumentException(
            "unknown field '" + name + "'; expected only " + String.join(", ", INPUT_FIELDS));
      }
    }
    String symbol = requiredText(root, "symbol");
    if (symbol.isBlank()) {
      throw new IllegalArgumentException("symbol must not be blank");
    }
    Direction direction = Direction.parse(requiredText(root, "direction"));
    ValidationScores scores =
        new ValidationScores(
            requiredNumber(root, "backtesting_score"),
            requiredNumber(root, "walkforward_score"),
            requiredNumber(root, "live_score"),
            timeframeScores(root.get("multi_tf_scores")),
            optionalInt(root, "backtesting_n"),
            optionalInt(root, "walkforward_n"),
            optionalInt(root, "live_n"),
            requiredInstant(root, "last_retraining_date", lastRetrainingMemo),
            optionalInt(root, "persistent_drift_days").orElse(0),
            requiredInstant(root, "as_of", asOfMemo));
    return new ValidationRequest(symbol, direction, scores);
  }

  /** The prediction as one compact JSON object (no trailing newline). */
  public String toJson(UnifiedPrediction prediction) {
    StringWriter out = new StringWriter(1024);
    try (JsonGenerator generator = factory.createGenerator(out)) {
      writePrediction(generator, prediction);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * A stored prediction as one compact JSON object: the prediction's fields, {@code
   * live_score_source} ({@code null} when its scores came from outside), per score ({@code
   * backtesting, walkforward, live}) its naive baseline as {@code <score>_baseline_accuracy},
   * {@code <score>_baseline_name} and {@code <score>_baselines} ({@code null} when not known), and
   * {@code missing_timeframes} ({@code [{"timeframe": "H4", "reason": "…"}]}, empty when none is
   * missing), and {@code timeframe_forecasters} (per timeframe of {@code multi_tf_consensus}:
   * {@code {"forecaster": "persistence", "explanation": "persistence — the model did not beat it, p
   * = 0.41"}}; empty when not known).
   */
  public String toJson(StoredPrediction stored) {
    StringWriter out = new StringWriter(1024);
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      writePredictionFields(g, stored.prediction());
      g.writeStringField("live_score_source", stored.liveScoreSource().orElse(null));
      for (String measure : PredictionBaselines.MEASURES) {
        writeBaseline(g, measure, stored.baselines().map(b -> b.byMeasure().get(measure)));
      }
      g.writeFieldName("missing_timeframes");
      writeMissingTimeframes(g, stored.missingTimeframes());
      writeOutcome(g, stored);
      g.writeFieldName("timeframe_forecasters");
      writeTimeframeForecasters(g, stored.forecasters());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Issue 20's fields of a stored prediction: its resolution ({@code realized_direction}, {@code
   * correct}, {@code resolved_at}, null until resolved), {@code probability_correct} with {@code
   * _n}, {@code _ci_low}, {@code _ci_high}, {@code _source} and {@code _reason} (all null when the
   * row has none), and the primary forecast's {@code feature_drift} with its three features of
   * largest PSI as {@code feature_drift_top} ({@code [{"feature", "psi"}]}).
   */
  private void writeOutcome(JsonGenerator g, StoredPrediction stored) throws IOException {
    Optional<PredictionResolution> r = stored.resolution();
    g.writeStringField("realized_direction", r.map(x -> x.realizedDirection().name()).orElse(null));
    if (r.isPresent()) {
      g.writeBooleanField("correct", r.get().correct());
    } else {
      g.writeNullField("correct");
    }
    g.writeStringField("resolved_at", r.map(x -> x.resolvedAt().toString()).orElse(null));
    Optional<ProbabilityCorrect> pc = stored.probabilityCorrect();
    writeOptionalDouble(g, "probability_correct", pc.map(ProbabilityCorrect::value));
    if (pc.isPresent()) {
      g.writeNumberField("probability_correct_n", pc.get().n());
    } else {
      g.writeNullField("probability_correct_n");
    }
    writeOptionalDouble(g, "probability_correct_ci_low", pc.map(ProbabilityCorrect::ciLow));
    writeOptionalDouble(g, "probability_correct_ci_high", pc.map(ProbabilityCorrect::ciHigh));
    g.writeStringField(
        "probability_correct_source", pc.flatMap(ProbabilityCorrect::source).orElse(null));
    g.writeStringField(
        "probability_correct_reason", pc.flatMap(ProbabilityCorrect::reason).orElse(null));
    g.writeFieldName("feature_drift");
    if (stored.featureDriftJson().isPresent()) {
      JsonNode drift = reader.readTree(stored.featureDriftJson().get());
      g.writeRawValue(stored.featureDriftJson().get());
      g.writeArrayFieldStart("feature_drift_top");
      List<Map.Entry<String, JsonNode>> psi = new ArrayList<>();
      psi.addAll(drift.path("psi").properties());
      psi.sort((a, b) -> Double.compare(b.getValue().doubleValue(), a.getValue().doubleValue()));
      for (Map.Entry<String, JsonNode> e : psi.subList(0, Math.min(3, psi.size()))) {
        g.writeStartObject();
        g.writeStringField("feature", e.getKey());
        g.writeNumberField("psi", e.getValue().doubleValue());
        g.writeEndObject();
      }
      g.writeEndArray();
    } else {
      g.writeNull();
      g.writeNullField("feature_drift_top");
    }
  }

  private static void writeOptionalDouble(
      JsonGenerator g, String field, Optional<OptionalDouble> value) throws IOException {
    if (value.isPresent() && value.get().isPresent()) {
      g.writeNumberField(field, value.get().getAsDouble());
    } else {
      g.writeNullField(field);
    }
  }

  /** The error object {@code {"line": N, "error": "..."}} of the JSON Lines format. */
  public void writeLineError(JsonGenerator generator, long line, String message)
      throws IOException {
    generator.writeStartObject();
    generator.writeNumberField("line", line);
    generator.writeStringField("error", message);
    generator.writeEndObject();
  }

  /** A timeframe-keyed map as a JSON object string, for jsonb columns. */
  public String timeframeMapJson(Map<Timeframe, Double> map) {
    StringWriter out = new StringWriter(128);
    try (JsonGenerator generator = factory.createGenerator(out)) {
      writeTimeframeMap(generator, map);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Missing timeframes as a JSON array string, for the jsonb column. */
  public String missingTimeframesJson(List<MissingTimeframe> missing) {
    StringWriter out = new StringWriter(128);
    try (JsonGenerator generator = factory.createGenerator(out)) {
      writeMissingTimeframes(generator, missing);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Reads missing timeframes as written by {@link #missingTimeframesJson}.
   *
   * @throws IllegalArgumentException when it is not such an array
   */
  public List<MissingTimeframe> parseMissingTimeframes(String json) {
    try {
      JsonNode array = reader.readTree(json == null ? "[]" : json);
      List<MissingTimeframe> out = new java.util.ArrayList<>();
      for (JsonNode item : array) {
        out.add(
            new MissingTimeframe(
                Timeframe.parse(item.path("timeframe").asText()), item.path("reason").asText()));
      }
      return out;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Timeframe forecasters as a JSON object string, for the jsonb column. */
  public String timeframeForecastersJson(List<TimeframeForecaster> forecasters) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator generator = factory.createGenerator(out)) {
      writeTimeframeForecasters(generator, forecasters);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Reads timeframe forecasters as written by {@link #timeframeForecastersJson}, in timeframe
   * order.
   *
   * @throws IllegalArgumentException when it is not such an object
   */
  public List<TimeframeForecaster> parseTimeframeForecasters(String json) {
    try {
      JsonNode object = reader.readTree(json == null ? "{}" : json);
      List<TimeframeForecaster> out = new java.util.ArrayList<>();
      for (Timeframe tf : Timeframe.values()) {
        JsonNode item = object.get(tf.name());
        if (item != null) {
          out.add(
              new TimeframeForecaster(
                  tf, item.path("forecaster").asText(), item.path("explanation").asText()));
        }
      }
      return out;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void writeTimeframeForecasters(
      JsonGenerator g, List<TimeframeForecaster> forecasters) throws IOException {
    g.writeStartObject();
    for (TimeframeForecaster f : forecasters) {
      g.writeObjectFieldStart(f.timeframe().name());
      g.writeStringField("forecaster", f.forecaster());
      g.writeStringField("explanation", f.explanation());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void writeMissingTimeframes(JsonGenerator g, List<MissingTimeframe> missing)
      throws IOException {
    g.writeStartArray();
    for (MissingTimeframe m : missing) {
      g.writeStartObject();
      g.writeStringField("timeframe", m.timeframe().name());
      g.writeStringField("reason", m.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * Reads a timeframe-keyed JSON object (as written by {@link #timeframeMapJson}).
   *
   * @throws IllegalArgumentException when it is not such an object
   */
  public Map<Timeframe, Double> parseTimeframeMap(String json) {
    try {
      return timeframeScores(reader.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A baseline's {@code baselines} map as a JSON object string, for jsonb columns. */
  public String baselinesJson(Map<String, Double> baselines) {
    StringWriter out = new StringWriter(64);
    try (JsonGenerator generator = factory.createGenerator(out)) {
      writeBaselines(generator, baselines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Reads a {@code baselines} object (as written by {@link #baselinesJson}): predictor name to
   * accuracy, in the object's order.
   *
   * @throws IllegalArgumentException when it is not an object of numbers
   */
  public Map<String, Double> parseBaselines(String json) {
    JsonNode node;
    try {
      node = reader.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("baselines must be a JSON object, got " + json);
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      out.put(entry.getKey(), number("baselines." + entry.getKey(), entry.getValue()));
    }
    return out;
  }

  /** Writes the prediction as one JSON object with the generator. */
  public void writePrediction(JsonGenerator g, UnifiedPrediction p) throws IOException {
    g.writeStartObject();
    writePredictionFields(g, p);
    g.writeEndObject();
  }

  private void writePredictionFields(JsonGenerator g, UnifiedPrediction p) throws IOException {
    g.writeStringField("symbol", p.symbol());
    g.writeStringField("direction", p.direction().name());
    g.writeNumberField("unified_confidence", p.unifiedConfidence());
    g.writeNumberField("base_confidence", p.baseConfidence());
    g.writeNumberField("backtesting_score", p.backtestingScore());
    g.writeNumberField("walkforward_score", p.walkforwardScore());
    g.writeNumberField("live_score", p.liveScore());
    g.writeFieldName("multi_tf_consensus");
    writeTimeframeMap(g, p.multiTfConsensus());
    g.writeBooleanField("drift_detected", p.driftDetected());
    g.writeNumberField("drift_magnitude", p.driftMagnitude());
    g.writeStringField("drift_explanation", p.driftExplanation());
    g.writeStringField("drift_direction", p.driftDirection().orElse(null));
    g.writeBooleanField("timeframe_conflict", p.timeframeConflict());
    g.writeStringField("conflict_explanation", p.conflictExplanation());
    g.writeStringField("consensus_direction", p.consensusDirection().name());
    g.writeFieldName("hierarchy_weights");
    writeTimeframeMap(g, p.hierarchyWeights());
    g.writeStringField("recommendation", p.recommendation());
    g.writeBooleanField("retraining_trigger", p.retrainingTrigger());
    g.writeStringField("retraining_reason", p.retrainingReason());
    g.writeStringField("next_retraining_date", p.nextRetrainingDate().toString());
    g.writeStringField("timestamp", p.timestamp().toString());
    writeOptionalInt(g, "backtesting_n", p.backtestingN());
    writeOptionalInt(g, "walkforward_n", p.walkforwardN());
    writeOptionalInt(g, "live_n", p.liveN());
    writeInterval(g, "backtesting", p.backtestingCi());
    writeInterval(g, "walkforward", p.walkforwardCi());
    writeInterval(g, "live", p.liveCi());
    Optional<Boolean> driftSignificant = p.driftSignificant();
    if (driftSignificant.isPresent()) {
      g.writeBooleanField("drift_significant", driftSignificant.get());
      g.writeNumberField("drift_p_value", p.driftTest().get().pValue());
    } else {
      g.writeNullField("drift_significant");
      g.writeNullField("drift_p_value");
    }
    g.writeBooleanField("overfit_suspected", p.overfitSuspected());
    if (p.overfitTest().isPresent()) {
      g.writeNumberField("overfit_p_value", p.overfitTest().get().pValue());
    } else {
      g.writeNullField("overfit_p_value");
    }
    g.writeStringField("overfit_explanation", p.overfitExplanation());
    g.writeStringField("last_retraining_date", p.lastRetrainingDate().toString());
    g.writeNumberField("persistent_drift_days", p.persistentDriftDays());
  }

  private static void writeTimeframeMap(JsonGenerator g, Map<Timeframe, Double> map)
      throws IOException {
    g.writeStartObject();
    for (Map.Entry<Timeframe, Double> entry : map.entrySet()) {
      g.writeNumberField(entry.getKey().name(), entry.getValue());
    }
    g.writeEndObject();
  }

  private static void writeBaselines(JsonGenerator g, Map<String, Double> baselines)
      throws IOException {
    g.writeStartObject();
    for (Map.Entry<String, Double> entry : baselines.entrySet()) {
      g.writeNumberField(entry.getKey(), entry.getValue());
    }
    g.writeEndObject();
  }

  private static void writeBaseline(JsonGenerator g, String prefix, Optional<Baseline> baseline)
      throws IOException {
    if (baseline.isPresent()) {
      g.writeNumberField(prefix + "_baseline_accuracy", baseline.get().accuracy());
      g.writeStringField(prefix + "_baseline_name", baseline.get().name());
      g.writeFieldName(prefix + "_baselines");
      writeBaselines(g, baseline.get().baselines());
    } else {
      g.writeNullField(prefix + "_baseline_accuracy");
      g.writeNullField(prefix + "_baseline_name");
      g.writeNullField(prefix + "_baselines");
    }
  }

  private static void writeOptionalInt(JsonGenerator g, String field, OptionalInt value)
      throws IOException {
    if (value.isPresent()) {
      g.writeNumberField(field, value.getAsInt());
    } else {
      g.writeNullField(field);
    }
  }

  private static void writeInterval(
      JsonGenerator g, String prefix, Optional<ConfidenceInterval> interval) throws IOException {
    if (interval.isPresent()) {
      g.writeNumberField(prefix + "_ci_low", interval.get().low());
      g.writeNumberField(prefix + "_ci_high", interval.get().high());
    } else {
      g.writeNullField(prefix + "_ci_low");
      g.writeNullField(prefix + "_ci_high");
    }
  }

  private static JsonNode present(JsonNode root, String field) {
    JsonNode node = root.get(field);
    return node == null || node.isNull() ? null : node;
  }

  private static String requiredText(JsonNode root, String field) {
    JsonNode node = present(root, field);
    if (node == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    if (!node.isTextual()) {
      throw new IllegalArgumentException(
          field + " must be a string, got " + typeName(node.getNodeType()));
    }
    return node.textValue();
  }

  private static double requiredNumber(JsonNode root, String field) {
    JsonNode node = present(root, field);
    if (node == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return number(field, node);
  }

  private static double number(String field, JsonNode node) {
    if (!node.isNumber()) {
      throw new IllegalArgumentException(
          field + " must be a number, got " + typeName(node.getNodeType()));
    }
    return node.doubleValue();
  }

  private static OptionalInt optionalInt(JsonNode root, String field) {
    JsonNode node = present(root, field);
    if (node == null) {
      return OptionalInt.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw new IllegalArgumentException(field + " must be an integer, got " + node);
    }
    return OptionalInt.of(node.intValue());
  }

  private static Instant requiredInstant(JsonNode root, String field, InstantMemo memo) {
    String text = requiredText(root, field);
    ParsedInstant last = memo.last;
    if (last != null && last.text().equals(text)) {
      return last.instant();
    }
    try {
      Instant instant = OffsetDateTime.parse(text).toInstant();
      memo.last = new ParsedInstant(text, instant);
      return instant;
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "%s must be an ISO-8601 instant with zone, e.g. 2026-11-28T14:00:00Z, got '%s'"
              .formatted(field, text),
          e);
    }
  }

  private static Map<Timeframe, Double> timeframeScores(JsonNode node) {
    EnumMap<Timeframe, Double> scores = new EnumMap<>(Timeframe.class);
    if (node == null || node.isNull()) {
      return scores;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException(
          "multi_tf_scores must be an object of timeframe to score, got "
              + typeName(node.getNodeType()));
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      Timeframe timeframe;
      try {
        timeframe = Timeframe.parse(field.getKey());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("multi_tf_scores: " + e.getMessage(), e);
      }
      String name = "multi_tf_scores." + field.getKey();
      if (scores.containsKey(timeframe)) {
        throw new IllegalArgumentException(name + " repeats timeframe " + timeframe.name());
      }
      JsonNode value = field.getValue();
      if (value.isNull()) {
        throw new IllegalArgumentException(name + " must be a number, got null");
      }
      scores.put(timeframe, number(name, value));
    }
    return scores;
  }

  private static String typeName(JsonNodeType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }
}
