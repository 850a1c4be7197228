package dev.swiftbolt.symbols;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Search and paginated listing of the registry, in SQL on indexes (V8): the exact ticker first,
 * then tickers starting with the query, then names with a word starting with each query word (case-
 * and accent-insensitive through {@code symbol_search_text}, a GIN full-text index); active symbols
 * before inactive ones within each rank. Thread-safe.
 */
public final class SymbolSearch {

  /** Most rows one search or page returns. */
  public static final int MAX_LIMIT = 100;

  /** Largest offset accepted (deeper pages are not a search any more; narrow the query). */
  public static final int MAX_OFFSET = 10_000;

  /** Longest query accepted, in characters. */
  public static final int MAX_QUERY = 100;

  // The search runs tier by tier, each a small indexed query, and stops as soon as the page is
  // full: a one-letter query fills it from the ticker index without touching the names. Ticker
  // prefixes are a range on the (active, symbol text_pattern_ops) index, read in its own order
  // (USING ~<~), so a cached generic plan still uses it. Tickers only hold [A-Z0-9.], below '~'.
  private static final String EXACT =
      """
      SELECT symbol, name, exchange, asset_class, active
      FROM symbols
      WHERE symbol = :ticker
      """;

  private static final String PREFIX =
      """
      SELECT symbol, name, exchange, asset_class, active
      FROM symbols
      WHERE active = :active
        AND symbol ~>=~ :ticker AND symbol ~<~ :ticker_end
        AND symbol <> :ticker
      ORDER BY symbol USING ~<~
      LIMIT :limit
      """;

  private static final String NAMES =
      """
      SELECT symbol, name, exchange, asset_class, active
      FROM symbols
      WHERE to_tsvector('simple', symbol_search_text(name))
            @@ to_tsquery('simple', symbol_search_text(:words))
        AND NOT (symbol ~>=~ :ticker AND symbol ~<~ :ticker_end)
      ORDER BY NOT active, length(symbol), symbol
      LIMIT :limit
      """;

  private static final String PAGE =
      """
      SELECT symbol, name, exchange, asset_class, active
      FROM symbols
      ORDER BY symbol
      LIMIT :limit OFFSET :offset
      """;

  private final Jdbi jdbi;

  public SymbolSearch(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * The symbols matching {@code query}, best first.
   *
   * @throws IllegalArgumentException when the query is blank, too long or has no letter or digit,
   *     or {@code limit}/{@code offset} are out of range
   */
  public List<SymbolSummary> search(String query, int limit, int offset) {
    checkPage(limit, offset, MAX_OFFSET);
    SearchTerms terms = SearchTerms.of(query);
    int wanted = offset + limit;
    List<SymbolSummary> found = new ArrayList<>(wanted);
    jdbi.useHandle(
        h -> {
          if (terms.ticker().isPresent()) {
            found.addAll(
                h.createQuery(EXACT)
                    .bind("ticker", terms.ticker().get())
                    .map(SymbolSearch::row)
                    .list());
            for (boolean active : new boolean[] {true, false}) {
              if (found.size() < wanted) {
                found.addAll(
                    bindTicker(h.createQuery(PREFIX), terms)
                        .bind("active", active)
                        .bind("limit", wanted - found.size())
                        .map(SymbolSearch::row)
                        .list());
              }
            }
          }
          if (found.size() < wanted && !terms.words().isEmpty()) {
            found.addAll(
                bindTicker(h.createQuery(NAMES), terms)
                    .bind("words", terms.words())
                    .bind("limit", wanted - found.size())
                    .map(SymbolSearch::row)
                    .list());
          }
        });
    return found.size() <= offset ? List.of() : List.copyOf(found.subList(offset, found.size()));
  }

  private static org.jdbi.v3.core.statement.Query bindTicker(
      org.jdbi.v3.core.statement.Query query, SearchTerms terms) {
    return query
        .bind("ticker", terms.ticker().orElse("~"))
        .bind("ticker_end", terms.ticker().map(t -> t + "~").orElse("~"));
  }

  /** One page of the registry ordered by symbol. */
  public List<SymbolSummary> page(int limit, int offset) {
    checkPage(limit, offset, Integer.MAX_VALUE);
    return jdbi.withHandle(
        h ->
            h.createQuery(PAGE)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(SymbolSearch::row)
                .list());
  }

  /** The plans PostgreSQL chooses for {@code query}'s tiers (EXPLAIN), to show the indexes used. */
  public String explain(String query) {
    SearchTerms terms = SearchTerms.of(query);
    List<String> plan = new ArrayList<>();
    jdbi.useHandle(
        h -> {
          plan.addAll(
              bindTicker(h.createQuery("EXPLAIN " + PREFIX), terms)
                  .bind("active", true)
                  .bind("limit", 20)
                  .mapTo(String.class)
                  .list());
          plan.addAll(
              bindTicker(h.createQuery("EXPLAIN " + NAMES), terms)
                  .bind("words", terms.words())
                  .bind("limit", 20)
                  .mapTo(String.class)
                  .list());
        });
    return String.join("\n", plan);
  }

  private static void checkPage(int limit, int offset, int maxOffset) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and %d, got %d".formatted(MAX_LIMIT, limit));
    }
    if (offset < 0 || offset > maxOffset) {
      throw new IllegalArgumentException(
          "offset must be between 0 and %d, got %d".formatted(maxOffset, offset));
    }
  }

  private static SymbolSummary row(
      java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws java.sql.SQLException {
    return new SymbolSummary(
        rs.getString("symbol"),
        rs.getString("name"),
        rs.getString("exchange"),
        rs.getString("asset_class"),
        rs.getBoolean("active"));
  }

  /**
   * A query split into its ticker reading (when it reads as one) and its name words as a prefix
   * {@code tsquery} ({@code gen:* & mot:*}); the words hold only letters and digits, so they never
   * carry tsquery operators.
   */
  record SearchTerms(Optional<String> ticker, String words) {

    static SearchTerms of(String raw) {
      String query = raw == null ? "" : raw.strip();
      if (query.isEmpty()) {
        throw new IllegalArgumentException("query must not be empty");
      }
      if (query.length() > MAX_QUERY) {
        throw new IllegalArgumentException(
            "query must be at most %d characters, got %d".formatted(MAX_QUERY, query.length()));
      }
      Optional<String> ticker =
          SymbolCode.isValid(query) ? Optional.of(SymbolCode.normalize(query)) : Optional.empty();
      List<String> words = new ArrayList<>();
      String composed = Normalizer.normalize(query, Normalizer.Form.NFC);
      for (String word : composed.split("[^\\p{L}\\p{N}]+")) {
        if (!word.isEmpty()) {
          words.add(word.toLowerCase(Locale.ROOT) + ":*");
        }
      }
      if (words.isEmpty() && ticker.isEmpty()) {
        throw new IllegalArgumentException(
            "query must contain a letter or a digit, got '%s'".formatted(printable(query)));
      }
      // An empty tsquery matches nothing (PostgreSQL only notices it).
      return new SearchTerms(ticker, words.isEmpty() ? "" : String.join(" & ", words));
    }

    private static String printable(String raw) {
      String shown = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
      return shown.replaceAll("\\p{Cntrl}", "?");
    }
  }
}
