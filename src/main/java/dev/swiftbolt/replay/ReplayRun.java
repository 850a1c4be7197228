package dev.swiftbolt.replay;

import dev.swiftbolt.market.Timeframe;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A stored replay run: its sessions, timeframes and when it ran. */
public record ReplayRun(
    long id,
    LocalDate fromSession,
    LocalDate toSession,
    List<Timeframe> timeframes,
    Timeframe primary,
    Instant startedAt,
    Instant finishedAt) {

  public ReplayRun {
    timeframes = List.copyOf(timeframes);
  }
}
