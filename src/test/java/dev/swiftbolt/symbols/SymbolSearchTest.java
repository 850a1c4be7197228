package dev.swiftbolt.symbols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Search ranking over a registry of 12,000 generated symbols plus hand-picked ones. */
class SymbolSearchTest {

  private static Database db;
  private static Jdbi jdbi;
  private static SymbolSearch search;

  @BeforeAll
  static void open() {
    db = TestDatabase.create();
    jdbi = db.jdbi();
    new SymbolRepository(jdbi).seed();
    StringBuilder csv = new StringBuilder("symbol,name,exchange,asset_class\n");
    FakeAlpacaAssets.generated(12_000)
        .forEach(
            a -> csv.append(a.get("symbol")).append(',').append(a.get("name")).append(",NYSE,\n"));
    csv.append(
        """
        APP,AppLovin Corporation,NASDAQ,equity
        APPF,AppFolio Inc.,NASDAQ,equity
        APPN,Appian Corporation,NASDAQ,equity
        AMAT,Applied Materials Inc.,NASDAQ,equity
        SCGLY,Société Générale ADR,OTC,equity
        BRK.B,Berkshire Hathaway Class B,NYSE,equity
        GM,General Motors Company,NYSE,equity
        GIS,General Mills Inc.,NYSE,equity
        PLE,Pineapple Energy,NASDAQ,equity
        """);
    new SymbolSync(jdbi).apply("csv", SymbolCsv.parse(new StringReader(csv.toString()), "t.csv"));
    // APPX was listed, then dropped: inactive
    SymbolRegistry registry = new SymbolRegistry(jdbi, Optional.empty());
    registry.add("APPX", Optional.of("Appx Dropped Inc."), Optional.empty(), Optional.empty());
    jdbi.useHandle(h -> h.execute("UPDATE symbols SET active = false WHERE symbol = 'APPX'"));
    registry.add("APPZ", Optional.of("Appz Active Inc."), Optional.empty(), Optional.empty());
    jdbi.useHandle(h -> h.execute("ANALYZE symbols"));
    search = new SymbolSearch(jdbi);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static List<String> tickers(String query, int limit) {
    return search.search(query, limit, 0).stream().map(SymbolSummary::symbol).toList();
  }

  @Test
  void the_exact_ticker_comes_first_then_ticker_prefixes_then_names_active_before_inactive() {
    // APP exact; APPF, APPN, APPZ (active, shortest first) then APPX (inactive); then names with a
    // word starting with "app": AppLovin is APP itself, Apple (AAPL), Applied Materials (AMAT)
    assertThat(tickers("app", 20))
        .containsExactly("APP", "APPF", "APPN", "APPZ", "APPX", "AAPL", "AMAT");
  }

  @Test
  void names_match_by_word_prefix_case_and_accent_insensitively() {
    assertThat(tickers("société", 5)).containsExactly("SCGLY");
    assertThat(tickers("SOCIETE gen", 5)).containsExactly("SCGLY");
    assertThat(tickers("generale", 5)).containsExactly("SCGLY");
    assertThat(tickers("general m", 5)).containsExactly("GM", "GIS");
    // "ple" is inside Apple and Pineapple but starts no word: only the ticker PLE matches
    assertThat(tickers("ple", 5)).containsExactly("PLE");
  }

  @Test
  void class_share_tickers_are_found_in_any_spelling() {
    assertThat(tickers("brk.b", 3)).first().isEqualTo("BRK.B");
    assertThat(tickers("BRK-B", 3)).first().isEqualTo("BRK.B");
    assertThat(tickers("brk/b", 3)).first().isEqualTo("BRK.B");
  }

  @Test
  void a_name_query_that_is_not_a_ticker_still_searches_names() {
    assertThat(tickers("berkshire hathaway", 3)).containsExactly("BRK.B");
  }

  @Test
  void limit_and_offset_page_through_the_ranking() {
    List<String> all = tickers("x", 100);
    assertThat(all).hasSize(100);
    assertThat(search.search("x", 10, 10).stream().map(SymbolSummary::symbol).toList())
        .isEqualTo(all.subList(10, 20));
    assertThat(search.page(3, 0).stream().map(SymbolSummary::symbol).toList())
        .containsExactly("AAPL", "AMAT", "AMD");
  }

  @Test
  void the_search_runs_on_indexes_not_a_scan() {
    String plan = search.explain("app");
    assertThat(plan).contains("symbols_name_words").doesNotContain("Seq Scan");
    assertThat(search.explain("berkshire")).contains("symbols_name_words");
  }

  @Test
  void queries_without_a_letter_or_digit_and_bad_limits_are_refused() {
    assertThatThrownBy(() -> search.search("  ", 10, 0)).hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> search.search("%%", 10, 0))
        .hasMessageContaining("must contain a letter or a digit");
    assertThatThrownBy(() -> search.search("app", 101, 0))
        .hasMessageContaining("limit must be between 1 and 100");
    assertThatThrownBy(() -> search.search("app", 10, -1)).hasMessageContaining("offset");
  }
}
