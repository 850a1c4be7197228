package dev.swiftbolt.symbols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swiftbolt.alpaca.AlpacaException;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code symbols sync} against a fake Alpaca trading API serving 12,000 assets. */
class SymbolSyncTest {

  private static final int GENERATED = 12_000;
  private static FakeAlpacaAssets alpaca;

  private Database db;
  private Jdbi jdbi;

  @BeforeAll
  static void startAlpaca() {
    alpaca = new FakeAlpacaAssets();
  }

  @AfterAll
  static void stopAlpaca() {
    alpaca.close();
  }

  @BeforeEach
  void open() {
    db = TestDatabase.create();
    jdbi = db.jdbi();
    new SymbolRepository(jdbi).seed();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private SyncResult sync() {
    return new SymbolSync(jdbi).apply("alpaca", alpaca.client().activeAssets());
  }

  private long count(String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  /** Every column of every symbol, to compare before and after. */
  private List<Map<String, Object>> registry() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT * FROM symbols ORDER BY symbol").mapToMap().list());
  }

  @Test
  void a_sync_registers_every_active_tradable_asset_and_a_second_run_changes_nothing() {
    alpaca.serveGeneratedList(GENERATED);

    SyncResult first = sync();

    int listed = GENERATED + FakeAlpacaAssets.REGISTRABLE_REALISTIC;
    assertThat(first.listed()).isEqualTo(listed);
    // AAPL was seeded: Alpaca's name replaces the seed's, everything else is new
    assertThat(first.inserted()).isEqualTo(listed - 1);
    assertThat(first.updated()).isEqualTo(1);
    assertThat(first.deactivated()).isZero();
    assertThat(first.unchanged()).isZero();
    assertThat(first.skipped())
        .containsOnly(Map.entry("inactive", 1), Map.entry("not_tradable", 1));
    assertThat(count("SELECT count(*) FROM symbols")).isEqualTo(8 + listed - 1);
    assertThat(count("SELECT count(*) FROM symbols WHERE symbol IN ('DEADCO', 'NOTRADE')"))
        .isZero();
    SymbolInfo brk = new SymbolRepository(jdbi).find("BRK.B").orElseThrow();
    assertThat(brk.name()).isEqualTo("Berkshire Hathaway Inc. Class B");
    assertThat(brk.exchange()).isEqualTo("NYSE");
    assertThat(new SymbolRepository(jdbi).find("SCGLY").orElseThrow().name())
        .isEqualTo("Société Générale Société anonyme Unsponsored ADR");
    assertThat(new SymbolRepository(jdbi).find("SPY").orElseThrow().assetClass()).isEqualTo("etf");
    assertThat(new SymbolRepository(jdbi).find("AAPL").orElseThrow().name())
        .isEqualTo("Apple Inc. Common Stock");

    List<Map<String, Object>> before = registry();
    SyncResult second = sync();
    assertThat(second.changedNothing()).isTrue();
    assertThat(second.unchanged()).isEqualTo(listed);
    assertThat(registry()).isEqualTo(before);
    assertThat(second.summary())
        .isEqualTo(
            "Synced 12006 symbols from alpaca: 0 inserted, 0 updated, 0 deactivated, 12006"
                + " unchanged (skipped: 1 inactive, 1 not_tradable)");
  }

  @Test
  void an_asset_that_disappears_is_deactivated_and_keeps_its_bars_and_watchlist_rows() {
    List<Map<String, Object>> all = alpaca.serveGeneratedList(50);
    sync();
    new WatchlistService(jdbi).track("alice", "XAAAC");
    jdbi.useHandle(
        h ->
            h.execute(
                "INSERT INTO ohlc_bars (symbol_id, timeframe, ts, open, high, low, close, volume,"
                    + " source) SELECT id, 'D1', '2024-01-02T14:30:00Z', 10, 11, 9, 10.5, 100,"
                    + " 'alpaca' FROM symbols WHERE symbol = 'XAAAC'"));
    List<Map<String, Object>> without = new ArrayList<>(all);
    without.removeIf(a -> a.get("symbol").equals("XAAAC"));
    alpaca.serveList(without);

    SyncResult result = sync();

    assertThat(result.deactivated()).isEqualTo(1);
    assertThat(result.inserted()).isZero();
    assertThat(result.updated()).isZero();
    SymbolInfo gone = new SymbolRepository(jdbi).find("XAAAC").orElseThrow();
    assertThat(gone.active()).isFalse();
    assertThat(count("SELECT count(*) FROM ohlc_bars")).isEqualTo(1);
    assertThat(new WatchlistService(jdbi).watchlist("alice"))
        .extracting(WatchlistEntry::symbol)
        .containsExactly("XAAAC");
    // seeded symbols that Alpaca never listed are not the sync's to deactivate
    assertThat(new SymbolRepository(jdbi).find("CRWD").orElseThrow().active()).isTrue();
    assertThatThrownBy(() -> new WatchlistService(jdbi).track("bob", "XAAAC"))
        .isInstanceOf(InactiveSymbolException.class)
        .hasMessageContaining("XAAAC is inactive");

    alpaca.serveList(all);
    SyncResult back = sync();
    assertThat(back.updated()).isEqualTo(1);
    assertThat(new SymbolRepository(jdbi).find("XAAAC").orElseThrow().active()).isTrue();
  }

  @Test
  void a_statement_failing_midway_rolls_the_whole_sync_back() {
    List<Map<String, Object>> all = alpaca.serveGeneratedList(50);
    sync();
    List<Map<String, Object>> before = registry();
    // the next list renames every asset (the UPDATE runs), drops one (the deactivation would run)
    // and adds BOOM, whose insert a trigger refuses after the UPDATE has changed 49 rows
    jdbi.useHandle(
        h ->
            h.execute(
                """
                CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  RAISE EXCEPTION 'BOOM is refused by the test';
                END
                $$;
                CREATE TRIGGER refuse_boom BEFORE INSERT ON symbols
                  FOR EACH ROW WHEN (NEW.symbol = 'BOOM') EXECUTE FUNCTION refuse_boom();
                """));
    List<Map<String, Object>> next = new ArrayList<>();
    for (Map<String, Object> asset : all.subList(1, all.size())) {
      Map<String, Object> renamed = new java.util.LinkedHashMap<>(asset);
      renamed.put("name", asset.get("name") + " Renamed");
      next.add(renamed);
    }
    next.add(FakeAlpacaAssets.asset("BOOM", "Boom Inc.", "NYSE", "active", true));
    alpaca.serveList(next);

    assertThatThrownBy(this::sync).hasMessageContaining("BOOM is refused by the test");
    assertThat(registry()).isEqualTo(before);
    assertThat(count("SELECT count(*) FROM symbols WHERE name LIKE '% Renamed'")).isZero();
    assertThat(count("SELECT count(*) FROM symbols WHERE NOT active")).isZero();
  }

  @Test
  void seeded_and_hand_added_symbols_are_never_deactivated_even_after_a_list_named_them() {
    new SymbolRegistry(jdbi, java.util.Optional.empty())
        .add(
            "XAAAB",
            java.util.Optional.of("Hand Added"),
            java.util.Optional.empty(),
            java.util.Optional.empty());
    List<Map<String, Object>> all = alpaca.serveGeneratedList(50);
    assertThat(all).anyMatch(a -> a.get("symbol").equals("XAAAB"));
    sync(); // lists the seeded AAPL and the hand-added XAAAB
    List<Map<String, Object>> without = new ArrayList<>(all);
    without.removeIf(a -> List.of("AAPL", "XAAAB", "XAAAC").contains(a.get("symbol")));
    alpaca.serveList(without);

    SyncResult result = sync();

    // only XAAAC, which the sync itself registered, is the sync's to deactivate
    assertThat(result.deactivated()).isEqualTo(1);
    assertThat(new SymbolRepository(jdbi).find("XAAAC").orElseThrow().active()).isFalse();
    assertThat(new SymbolRepository(jdbi).find("AAPL").orElseThrow().active()).isTrue();
    assertThat(new SymbolRepository(jdbi).find("XAAAB").orElseThrow().active()).isTrue();
    assertThat(
            count(
                "SELECT count(*) FROM symbols WHERE symbol IN ('AAPL', 'XAAAB')"
                    + " AND synced_from IS NULL"))
        .isEqualTo(2);
  }

  @Test
  void a_truncated_download_writes_nothing() {
    alpaca.serveGeneratedList(50);
    sync();
    List<Map<String, Object>> before = registry();
    String body = FakeAlpacaAssets.json(FakeAlpacaAssets.generated(300));
    alpaca.failList(200, body.substring(0, body.length() / 2));

    assertThatThrownBy(this::sync)
        .isInstanceOf(AlpacaException.class)
        .hasMessageContaining("malformed JSON from Alpaca")
        .hasMessageContaining("nothing was changed");
    assertThat(registry()).isEqualTo(before);
  }

  @Test
  void an_empty_list_is_refused_instead_of_deactivating_everything() {
    alpaca.serveGeneratedList(20);
    sync();
    List<Map<String, Object>> before = registry();
    alpaca.serveList(List.of());

    assertThatThrownBy(this::sync)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holds no active, tradable asset; nothing was changed");
    assertThat(registry()).isEqualTo(before);
  }

  @Test
  void a_csv_list_syncs_like_alpacas_and_a_bad_row_rejects_the_file() {
    String csv =
        """
        symbol,name,exchange,asset_class
        ORCL,Oracle Corporation,NYSE,equity
        brk-b,Berkshire Hathaway Class B,NYSE,
        QQQ,Invesco QQQ Trust,NASDAQ,etf
        """;
    SyncResult result =
        new SymbolSync(jdbi).apply("csv", SymbolCsv.parse(new StringReader(csv), "list.csv"));
    assertThat(result.inserted()).isEqualTo(3);
    assertThat(new SymbolRepository(jdbi).find("BRK.B").orElseThrow().assetClass())
        .isEqualTo("equity");
    assertThat(new SymbolRepository(jdbi).find("QQQ").orElseThrow().assetClass()).isEqualTo("etf");

    assertThatThrownBy(
            () ->
                SymbolCsv.parse(
                    new StringReader("symbol,name\nIBM,IBM\nDROP;TABLE,x\n"), "bad.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.csv line 3")
        .hasMessageContaining(SymbolCode.RULE);
    assertThatThrownBy(
            () -> SymbolCsv.parse(new StringReader("ticker,name\nIBM,IBM\n"), "nohead.csv"))
        .hasMessageContaining("symbol is required");
  }
}
