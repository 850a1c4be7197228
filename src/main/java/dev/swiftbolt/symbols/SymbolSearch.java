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

  /** Longest query accepted, in characters. */
  public static final int MAX_QUERY = 100;

  // The ticker prefix is a range on the text_pattern_ops index (~>=~, ~<~) rather than LIKE, so
  // that a cached generic plan still uses the index. Tickers only hold [A-Z0-9.], all below '~'.
  private static final String SEARCH =
      """
      SELECT symbol, name, exchange, asset_class, active
      FROM (
        SELECT s.*,
               CASE WHEN s.symbol = :ticker THEN 0
                    WHEN s.symbol ~>=~ :ticker AND s.symbol ~<~ :ticker_end THEN 1
                    ELSE 2 END AS rank
        FROM symbols s
        WHERE s.symbol = :ticker
           OR (s.symbol ~>=~ :ticker AND s.symbol ~<~ :ticker_end)
           OR to_tsvector('simple', symbol_search_text(s.name))
              @@ to_tsquery('simple', symbol_search_text(:words))
      ) matches
      ORDER BY rank, NOT active, length(symbol), symbol
      LIMIT :limit OFFSET :offset
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
    checkPage(limit, offset);
    SearchTerms terms = SearchTerms.of(query);
    return jdbi.withHandle(
        h ->
            h.createQuery(SEARCH)
                .bind("ticker", terms.ticker().orElse("~"))
                .bind("ticker_end", terms.ticker().map(t -> t + "~").orElse("~"))
                .bind("words", terms.words())
                .bind("limit", limit)
                .bind("offset", offset)
                .map(SymbolSearch::row)
                .list());
  }

  /** One page of the registry ordered by symbol. */
  public List<SymbolSummary> page(int limit, int offset) {
    checkPage(limit, offset);
    return jdbi.withHandle(
        h ->
            h.createQuery(PAGE)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(SymbolSearch::row)
                .list());
  }

  /** The plan PostgreSQL chooses for {@code query} (EXPLAIN), to show the indexes in use. */
  public String explain(String query) {
    SearchTerms terms = SearchTerms.of(query);
    List<String> plan =
        jdbi.withHandle(
            h ->
                h.createQuery("EXPLAIN " + SEARCH)
                    .bind("ticker", terms.ticker().orElse("~"))
                    .bind("ticker_end", terms.ticker().map(t -> t + "~").orElse("~"))
                    .bind("words", terms.words())
                    .bind("limit", 20)
                    .bind("offset", 0)
                    .mapTo(String.class)
                    .list());
    return String.join("\n", plan);
  }

  private static void checkPage(int limit, int offset) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and %d, got %d".formatted(MAX_LIMIT, limit));
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, got " + offset);
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
