package dev.swiftbolt.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swiftbolt.jobs.JobQueries;
import dev.swiftbolt.jobs.JobView;
import dev.swiftbolt.symbols.SymbolRegistry;
import dev.swiftbolt.symbols.TrackResult;
import dev.swiftbolt.symbols.WatchlistEntry;
import dev.swiftbolt.symbols.WatchlistService;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The caller's watchlist and job progress. Every handler acts for {@link Access#user}: a user only
 * ever sees and changes their own watchlist.
 */
public final class WatchlistRoutes {

  /** Jobs returned by default and at most. */
  static final int DEFAULT_JOBS = 50;

  static final int MAX_JOBS = 500;

  private final WatchlistService watchlist;
  private final SymbolRegistry symbols;
  private final JobQueries jobs;

  public WatchlistRoutes(WatchlistService watchlist, SymbolRegistry symbols, JobQueries jobs) {
    this.watchlist = watchlist;
    this.symbols = symbols;
    this.jobs = jobs;
  }

  /** {@code GET /api/v1/watchlist}. */
  public void list(Context ctx) {
    String user = Access.user(ctx);
    List<WatchlistEntry> entries = watchlist.watchlist(user);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("user_id", user);
    body.put("symbols", entries);
    ctx.json(body);
  }

  /** {@code POST /api/v1/watchlist {"symbol": "AAPL"}}: 202 with the message and the jobs. */
  public void add(Context ctx) {
    JsonNode body = Bodies.object(ctx, Set.of("symbol"));
    String symbol = Params.symbol("symbol", Bodies.text(body, "symbol"));
    TrackResult result = watchlist.track(Access.user(ctx), symbol);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("message", result.message());
    answer.put("symbol", result.symbol());
    answer.put("added", result.added());
    answer.put("jobs", result.jobs());
    ctx.status(202).json(answer);
  }

  /** {@code DELETE /api/v1/watchlist/{symbol}}: 200, or 404 when it is not on the watchlist. */
  public void remove(Context ctx) {
    String symbol = Params.symbol(ctx);
    if (!watchlist.untrack(Access.user(ctx), symbol)) {
      throw ApiException.notFound(
          "not_on_watchlist", "symbol", symbol + " is not on your watchlist");
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("message", "Removed " + symbol + " from your watchlist");
    answer.put("symbol", symbol);
    ctx.json(answer);
  }

  /**
   * {@code GET /api/v1/jobs?symbol=&status=&limit=}: jobs of one symbol on the caller's watchlist
   * (404 for a symbol not on it), or without {@code symbol} of every symbol on the caller's
   * watchlist; newest first.
   */
  public void jobs(Context ctx) {
    Optional<String> status = Params.query(ctx, "status");
    status.ifPresent(
        st -> {
          if (!JobQueries.STATUSES.contains(st)) {
            throw ApiException.badRequest(
                "invalid_status",
                "status",
                "status must be one of queued, running, succeeded, dead; got '%s'"
                    .formatted(Params.printable(st)));
          }
        });
    int limit = Params.intParam(ctx, "limit", DEFAULT_JOBS, 1, MAX_JOBS);
    Optional<String> symbol = Params.query(ctx, "symbol").map(s -> Params.symbol("symbol", s));
    List<JobView> result;
    if (symbol.isPresent()) {
      symbols.require(symbol.get());
      boolean tracked =
          watchlist.watchlist(Access.user(ctx)).stream()
              .anyMatch(entry -> entry.symbol().equals(symbol.get()));
      if (!tracked) {
        // as row-level security does for the app: only the jobs of its own watchlist's symbols
        throw ApiException.notFound(
            "not_on_watchlist",
            "symbol",
            "%s is not on your watchlist; its jobs are shown to the users who track it"
                .formatted(symbol.get()));
      }
      result = jobs.list(symbol, status, limit);
    } else {
      result = new ArrayList<>();
      for (WatchlistEntry entry : watchlist.watchlist(Access.user(ctx))) {
        result.addAll(jobs.list(Optional.of(entry.symbol()), status, limit));
      }
      result.sort(Comparator.comparingLong(JobView::id).reversed());
      if (result.size() > limit) {
        result = result.subList(0, limit);
      }
    }
    ctx.json(Map.of("jobs", result));
  }
}
