package dev.swiftbolt.pipelines;

import java.time.Instant;
import java.time.ZoneId;

/**
 * When a pipeline runs: a pure function from an instant to the next scheduled instant. Schedules
 * are written in New York market time and computed with {@code java.time}, so daylight-saving
 * switches move the UTC instants and never the local times.
 */
public interface Schedule {

  /** The US equity market's time zone. */
  ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /**
   * The first scheduled instant strictly after {@code after}.
   *
   * @throws IllegalStateException when there is none within a year (a calendar with no sessions)
   */
  Instant nextRun(Instant after);

  /** A short human description, e.g. "16:30 America/New_York on trading days". */
  String describe();
}
