package dev.swiftbolt.marketdata;

import dev.swiftbolt.market.Timeframe;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import org.jdbi.v3.core.Handle;

/**
 * Retires what was built on a series' bars when those bars are replaced (simulated by real, or
 * re-adjusted after a split): the series' models become inactive with the time and reason, and
 * their forecasts and evaluations are deleted, inside the caller's transaction. A champion's status
 * becomes {@code retired} with the same reason; a rejected challenger stays rejected. The next
 * training trains new models on the new bars.
 */
final class SeriesRetirement {

  private static final String RETIRE_MODELS =
      """
      UPDATE models
      SET active = false, retired_at = :now, retired_reason = :reason,
          status = CASE WHEN status = 'champion' THEN 'retired' ELSE status END,
          status_reason = CASE WHEN status = 'champion' THEN :reason ELSE status_reason END
      WHERE symbol_id = :symbol_id
        AND timeframe = ANY(:timeframes)
        AND retired_at IS NULL
      """;

  private static final String DELETE_FORECASTS =
      """
      DELETE FROM forecasts
      WHERE symbol_id = :symbol_id
        AND timeframe = ANY(:timeframes)
      """;

  private static final String DELETE_EVALUATIONS =
      """
      DELETE FROM model_evaluations
      WHERE symbol_id = :symbol_id
        AND timeframe = ANY(:timeframes)
      """;

  private SeriesRetirement() {}

  /**
   * Retires the models of {@code symbolId} × {@code timeframes} and deletes their forecasts and
   * evaluations, on {@code h} (in its transaction).
   *
   * @return the number of models retired
   */
  static int retire(
      Handle h, long symbolId, Collection<Timeframe> timeframes, String reason, Instant now) {
    String[] names = timeframes.stream().map(Timeframe::name).toArray(String[]::new);
    h.createUpdate(DELETE_FORECASTS)
        .bind("symbol_id", symbolId)
        .bindArray("timeframes", String.class, (Object[]) names)
        .execute();
    h.createUpdate(DELETE_EVALUATIONS)
        .bind("symbol_id", symbolId)
        .bindArray("timeframes", String.class, (Object[]) names)
        .execute();
    return h.createUpdate(RETIRE_MODELS)
        .bind("symbol_id", symbolId)
        .bindArray("timeframes", String.class, (Object[]) names)
        .bind("reason", reason)
        .bind("now", Timestamp.from(now))
        .execute();
  }
}
