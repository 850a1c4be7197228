package dev.swiftbolt.replay;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Reading past replays, for the API's history view: a symbol's newest run, one run by id, and the
 * days of a run. Replays are written only by {@link SymbolReplay}'s runs. Thread-safe.
 */
public final class ReplayHistory {

  private final ReplayRepository repository;

  public ReplayHistory(Jdbi jdbi) {
    this.repository = new ReplayRepository(Objects.requireNonNull(jdbi, "jdbi"));
  }

  /** The newest run that replayed {@code symbol}. */
  public Optional<ReplayRun> latestRun(String symbol) {
    return repository.latestRun(symbol);
  }

  /** Run {@code id}, if it replayed {@code symbol}. */
  public Optional<ReplayRun> run(long id, String symbol) {
    return repository.run(id, symbol);
  }

  /** The days of {@code symbol} in run {@code runId}, in session order. */
  public List<ReplayDay> days(long runId, String symbol) {
    return repository.days(runId, symbol);
  }
}
