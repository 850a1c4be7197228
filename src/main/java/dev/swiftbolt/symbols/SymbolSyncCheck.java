package dev.swiftbolt.symbols;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The seed's {@code test_symbol_sync.sh} as a built-in end-to-end check: the symbol is present and
 * active, a tracking row can be created, and jobs exist for it (created by the tracking within the
 * last 5 minutes, or already active for the symbol). The check removes the rows it created.
 */
public final class SymbolSyncCheck {

  /** One step's outcome. */
  public record Step(String name, boolean passed, String detail) {
    public String line() {
      return (passed ? "✓ PASS: " : "✗ FAIL: ") + detail;
    }
  }

  private static final Duration RECENT = Duration.ofMinutes(5);

  private final Jdbi jdbi;

  public SymbolSyncCheck(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Runs the three steps in order, stopping at the first failure; always cleans up. */
  public List<Step> run(String rawSymbol, String rawUser) {
    String symbol = SymbolCode.normalize(rawSymbol);
    String user = UserId.validate(rawUser);
    List<Step> steps = new ArrayList<>();
    Optional<Long> symbolId =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        """
                        SELECT id
                          FROM symbols
                         WHERE symbol = :s AND active
                        """)
                    .bind("s", symbol)
                    .mapTo(Long.class)
                    .findOne());
    if (symbolId.isEmpty()) {
      steps.add(
          new Step(
              "symbol",
              false,
              "Symbol " + symbol + " not found in database (run `swiftbolt symbols seed`)"));
      return steps;
    }
    steps.add(new Step("symbol", true, "Symbol " + symbol + " found"));
    long id = symbolId.get();
    boolean created = false;
    try {
      created = jdbi.withHandle(h -> WatchlistService.insertTracking(h, user, id));
      steps.add(
          new Step(
              "tracking",
              true,
              created
                  ? "User tracking entry created"
                  : "User tracking entry already existed for " + user));
      steps.add(jobsStep(symbol, user, id));
      return steps;
    } finally {
      cleanUp(user, id, created);
    }
  }

  private Step jobsStep(String symbol, String user, long id) {
    int recent =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        """
                        SELECT count(*)
                          FROM forecast_jobs
                         WHERE (user_id = :u OR symbol_id = :id)
                           AND created_at > now() - make_interval(secs => :secs)
                        """)
                    .bind("u", user)
                    .bind("id", id)
                    .bind("secs", (double) RECENT.toSeconds())
                    .mapTo(Integer.class)
                    .one());
    if (recent > 0) {
      return new Step("jobs", true, recent + " jobs created");
    }
    int active =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        """
                        SELECT count(*)
                          FROM forecast_jobs
                         WHERE symbol_id = :id AND status IN ('queued', 'running')
                        """)
                    .bind("id", id)
                    .mapTo(Integer.class)
                    .one());
    return active > 0
        ? new Step("jobs", true, active + " jobs already active for " + symbol)
        : new Step("jobs", false, "No jobs were created for " + symbol);
  }

  private void cleanUp(String user, long id, boolean trackingCreated) {
    if (!trackingCreated) {
      return;
    }
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  """
                  DELETE FROM user_symbol_tracking
                   WHERE user_id = :u AND symbol_id = :id
                  """)
              .bind("u", user)
              .bind("id", id)
              .execute();
          h.createUpdate(
                  """
                  DELETE FROM forecast_jobs
                   WHERE user_id = :u AND symbol_id = :id AND status = 'queued' AND attempts = 0
                  """)
              .bind("u", user)
              .bind("id", id)
              .execute();
        });
  }
}
