package dev.swiftbolt.symbols;

import dev.swiftbolt.jobs.JobView;
import java.util.List;

/**
 * What tracking a symbol did: whether the watchlist row is new, and the symbol's active jobs
 * afterwards (the ones the tracking created, or those already queued for it).
 */
public record TrackResult(String symbol, boolean added, List<JobView> jobs) {
  public TrackResult {
    jobs = List.copyOf(jobs);
  }

  /** The answer the app shows: "Added and backfilling AAPL…". */
  public String message() {
    return added
        ? "Added and backfilling " + symbol + "…"
        : symbol + " is already on the watchlist; backfill and forecast are queued or done";
  }
}
