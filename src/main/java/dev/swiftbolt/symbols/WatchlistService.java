package dev.swiftbolt.symbols;

import dev.swiftbolt.jobs.JobQueries;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Users' watchlists. Tracking inserts a {@code user_symbol_tracking} row; the database's trigger
 * creates the backfill and forecast jobs in the same transaction, so every client that inserts a
 * row (this service, the app through Supabase, psql) gets its jobs. Thread-safe.
 */
public final class WatchlistService {

  private static final String TRACK =
      """
      INSERT INTO user_symbol_tracking (user_id, symbol_id)
      VALUES (:user, :id)
      ON CONFLICT DO NOTHING
      """;

  private final Jdbi jdbi;
  private final SymbolRepository symbols;
  private final SymbolRegistry registry;

  /** Tracks registered symbols only (no asset directory to look unknown tickers up in). */
  public WatchlistService(Jdbi jdbi) {
    this(jdbi, new SymbolRegistry(jdbi, java.util.Optional.empty()));
  }

  /** Tracks registered symbols and, through {@code registry}'s directory, unknown listed ones. */
  public WatchlistService(Jdbi jdbi, SymbolRegistry registry) {
    this.jdbi = jdbi;
    this.symbols = new SymbolRepository(jdbi);
    this.registry = registry;
  }

  /**
   * Adds {@code rawSymbol} to {@code userId}'s watchlist, in one transaction with its jobs. Any
   * registered active symbol can be tracked; an unknown one is looked up and registered first when
   * the registry has an asset directory (Alpaca) that lists it as active.
   *
   * @throws IllegalArgumentException for a malformed user id or symbol
   * @throws UnknownSymbolException for a symbol that is neither registered nor listed
   * @throws InactiveSymbolException for a registered symbol that is no longer active
   */
  public TrackResult track(String userId, String rawSymbol) {
    String user = UserId.validate(userId);
    String symbol = SymbolCode.normalize(rawSymbol);
    long symbolId = registry.requireTrackable(symbol);
    return jdbi.inTransaction(
        h -> {
          boolean added = insertTracking(h, user, symbolId);
          return new TrackResult(symbol, added, JobQueries.activeForSymbol(h, symbolId));
        });
  }

  /**
   * Inserts the tracking row of a validated user and a symbol id on the caller's handle (the
   * database's trigger queues the symbol's jobs in the same transaction).
   *
   * @return false when the user already tracked the symbol (nothing is written)
   */
  static boolean insertTracking(Handle h, String user, long symbolId) {
    return h.createUpdate(TRACK).bind("user", user).bind("id", symbolId).execute() == 1;
  }

  /**
   * Removes a symbol from a user's watchlist; its jobs stay (other users may track it).
   *
   * @return whether the symbol was on the watchlist
   */
  public boolean untrack(String userId, String rawSymbol) {
    String user = UserId.validate(userId);
    String symbol = SymbolCode.normalize(rawSymbol);
    long symbolId = symbols.require(symbol);
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        """
                        DELETE FROM user_symbol_tracking
                         WHERE user_id = :user AND symbol_id = :id
                        """)
                    .bind("user", user)
                    .bind("id", symbolId)
                    .execute())
        == 1;
  }

  /** A user's watchlist, ordered by symbol. */
  public List<WatchlistEntry> watchlist(String userId) {
    String user = UserId.validate(userId);
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT s.symbol, s.name, s.exchange, t.created_at
                      FROM user_symbol_tracking t
                      JOIN symbols s ON s.id = t.symbol_id
                     WHERE t.user_id = :user
                     ORDER BY s.symbol
                    """)
                .bind("user", user)
                .map(
                    (rs, ctx) ->
                        new WatchlistEntry(
                            rs.getString("symbol"),
                            rs.getString("name"),
                            rs.getString("exchange"),
                            rs.getTimestamp("created_at").toInstant()))
                .list());
  }
}
