package dev.swiftbolt.predictions;

import dev.swiftbolt.validation.ProbabilityCorrect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads the six {@code probability_correct*} columns that {@code unified_predictions} and {@code
 * replay_days} share: empty when {@code probability_correct_n} is null (a row from before they
 * existed).
 */
public final class ProbabilityCorrectColumns {

  private ProbabilityCorrectColumns() {}

  /** The estimate stored on the current row of {@code rs}. */
  public static Optional<ProbabilityCorrect> read(ResultSet rs) throws SQLException {
    Integer n = rs.getObject("probability_correct_n", Integer.class);
    if (n == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ProbabilityCorrect(
            optionalDouble(rs, "probability_correct"),
            n,
            optionalDouble(rs, "probability_correct_ci_low"),
            optionalDouble(rs, "probability_correct_ci_high"),
            Optional.ofNullable(rs.getString("probability_correct_source")),
            Optional.ofNullable(rs.getString("probability_correct_reason"))));
  }

  /** The nullable double {@code column} of the current row of {@code rs}. */
  public static OptionalDouble optionalDouble(ResultSet rs, String column) throws SQLException {
    Double value = rs.getObject(column, Double.class);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }
}
