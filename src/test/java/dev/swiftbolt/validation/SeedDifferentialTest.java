package dev.swiftbolt.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swiftbolt.predictions.ValidationJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seed's own Python, run on 1,500 random inputs by {@code seed_differential.py} (beside the
 * data file), is the oracle: every seed field must match bit for bit, except where SPEC.md
 * overrides the seed (a timeframe margin of exactly 0.20 is always a conflict).
 */
class SeedDifferentialTest {

  private static final String[] SEED_FIELDS = {
    "unified_confidence",
    "drift_detected",
    "drift_magnitude",
    "drift_explanation",
    "timeframe_conflict",
    "conflict_explanation",
    "consensus_direction",
    "hierarchy_weights",
    "recommendation",
    "retraining_trigger",
    "retraining_reason",
    "next_retraining_date"
  };

  @Test
  void every_seed_field_matches_the_seed_except_where_spec_decides_exact_ties() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ValidationJson json = new ValidationJson();
    UnifiedValidator validator = new UnifiedValidator();
    int cases = 0;
    int ties = 0;
    int tiesTheSeedGotWrong = 0;
    try (InputStream in = getClass().getResourceAsStream("seed-differential.jsonl");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        JsonNode fixture = mapper.readTree(line);
        JsonNode seed = fixture.get("seed");
        UnifiedPrediction ours =
            json.parseRequest(fixture.get("input").toString()).validateWith(validator);
        JsonNode out = mapper.readTree(json.toJson(ours));
        String description = "case " + (cases + 1) + ": " + fixture.get("input");
        cases++;
        if (fixture.get("exact_tie").booleanValue()) {
          ties++;
          assertThat(ours.timeframeConflict()).as(description).isTrue();
          if (!seed.get("timeframe_conflict").booleanValue()) {
            tiesTheSeedGotWrong++;
            continue;
          }
        }
        for (String field : SEED_FIELDS) {
          JsonNode expected = seed.get(field);
          JsonNode actual = out.get(field);
          if (field.equals("hierarchy_weights")) {
            assertThat(mapper.convertValue(actual, Map.class))
                .as(description + " " + field)
                .isEqualTo(mapper.convertValue(expected, Map.class));
          } else if (expected.isNumber()) {
            assertThat(actual.doubleValue())
                .as(description + " " + field)
                .isEqualTo(expected.doubleValue());
          } else {
            assertThat(actual).as(description + " " + field).isEqualTo(expected);
          }
        }
      }
    }
    assertThat(cases).isEqualTo(1500);
    assertThat(ties).isEqualTo(60);
    // 21 of the 60 exact ties came out "no conflict" in the seed's float arithmetic.
    assertThat(tiesTheSeedGotWrong).isEqualTo(21);
  }
}
