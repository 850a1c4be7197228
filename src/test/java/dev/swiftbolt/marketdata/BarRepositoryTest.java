package dev.swiftbolt.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.symbols.SymbolRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BarRepositoryTest {

  private static Database db;
  private static BarRepository repository;
  private static long aapl;
  private static final Instant FROM = Instant.parse("2024-03-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2024-03-08T00:00:00Z");

  @BeforeAll
  static void open() {
    db = TestDatabase.create();
    new SymbolRepository(db.jdbi()).seed();
    aapl = new SymbolRepository(db.jdbi()).require("AAPL");
    repository = new BarRepository(db.jdbi());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @BeforeEach
  void empty() {
    db.jdbi().useHandle(h -> h.execute("DELETE FROM ohlc_bars"));
  }

  private static List<Bar> simulatedWeek() {
    return new MarketSimulator(
            new BarSchedule(TradingCalendar.nyse()), SimulationParameters.DEFAULT)
        .fetch("AAPL", Timeframe.M15, FROM, TO);
  }

  private static List<Long> rowVersions() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT xmin::text::bigint FROM ohlc_bars ORDER BY ts")
                    .mapTo(Long.class)
                    .list());
  }

  @Test
  void loaded_bars_read_back_bit_exact_oldest_first() {
    List<Bar> bars = simulatedWeek();
    List<Bar> shuffled = new ArrayList<>(bars);
    java.util.Collections.reverse(shuffled);
    UpsertResult result = repository.upsert(aapl, Timeframe.M15, "sim", shuffled);
    // 2024-03-01 (Fri) and 03-04..03-07: 5 sessions x 26 quarter hours
    assertThat(result.inserted()).isEqualTo(5 * 26);
    assertThat(repository.read(aapl, Timeframe.M15, FROM, TO))
        .extracting(StoredBar::bar)
        .containsExactlyElementsOf(bars);
    assertThat(repository.read(aapl, Timeframe.M15, FROM, TO)).allMatch(StoredBar::simulated);
  }

  @Test
  void loading_the_same_bars_twice_changes_nothing() {
    List<Bar> bars = simulatedWeek();
    repository.upsert(aapl, Timeframe.M15, "sim", bars);
    List<Long> versions = rowVersions();

    UpsertResult again = repository.upsert(aapl, Timeframe.M15, "sim", bars);

    assertThat(again.inserted()).isZero();
    assertThat(again.updated()).isZero();
    assertThat(again.unchanged()).isEqualTo(bars.size());
    assertThat(again.changed()).isFalse();
    assertThat(rowVersions()).isEqualTo(versions); // no row was rewritten
  }

  @Test
  void a_corrected_bar_replaces_the_old_one_and_takes_its_source() {
    List<Bar> bars = simulatedWeek();
    repository.upsert(aapl, Timeframe.M15, "sim", bars);
    Bar old = bars.get(3);
    Bar corrected =
        new Bar(old.ts(), old.open(), old.high(), old.low(), old.low(), old.volume() + 1);

    UpsertResult result = repository.upsert(aapl, Timeframe.M15, "csv", List.of(corrected));

    assertThat(result.updated()).isEqualTo(1);
    assertThat(result.firstChanged()).contains(old.ts());
    assertThat(repository.read(aapl, Timeframe.M15, old.ts(), old.ts().plusSeconds(1)))
        .containsExactly(new StoredBar(corrected, "csv"));
    assertThat(repository.count(aapl, Timeframe.M15)).isEqualTo(bars.size());
  }

  @Test
  void a_batch_with_one_broken_bar_writes_nothing() {
    List<Bar> bars = new ArrayList<>(simulatedWeek());
    Bar b = bars.get(10);
    bars.set(10, new Bar(b.ts(), b.open(), b.low() - 1, b.low(), b.close(), b.volume()));
    assertThatThrownBy(() -> repository.upsert(aapl, Timeframe.M15, "sim", bars))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(b.ts().toString());
    assertThat(repository.count(aapl, Timeframe.M15)).isZero();
  }

  @Test
  void the_table_itself_refuses_broken_invariants() {
    assertThatThrownBy(
            () ->
                db.jdbi()
                    .useHandle(
                        h ->
                            h.execute(
                                "INSERT INTO ohlc_bars VALUES (?, 'D1', now(), 10, 9, 11, 10, 1,"
                                    + " 'csv')",
                                aapl)))
        .hasMessageContaining(
            "violates check constraint"); // high < low also puts close outside [low, high]
    assertThatThrownBy(
            () ->
                db.jdbi()
                    .useHandle(
                        h ->
                            h.execute(
                                "INSERT INTO ohlc_bars VALUES (?, 'D1', now(), 10, 10, 10, 10, -1,"
                                    + " 'csv')",
                                aapl)))
        .hasMessageContaining("ohlc_bars_volume_not_negative");
  }

  @Test
  void concurrent_loads_of_overlapping_bars_neither_fail_nor_duplicate() throws Exception {
    List<Bar> bars = simulatedWeek();
    List<Bar> firstHalf = bars.subList(0, 80);
    List<Bar> secondHalf = bars.subList(40, bars.size()); // 40 bars overlap
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<UpsertResult>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        List<Bar> part = i % 2 == 0 ? firstHalf : secondHalf;
        results.add(pool.submit(() -> repository.upsert(aapl, Timeframe.M15, "sim", part)));
      }
      int inserted = 0;
      for (var f : results) {
        UpsertResult r = f.get();
        inserted += r.inserted();
        assertThat(r.updated()).isZero();
      }
      assertThat(inserted).isEqualTo(bars.size());
    } finally {
      pool.shutdownNow();
    }
    assertThat(repository.count(aapl, Timeframe.M15)).isEqualTo(bars.size());
  }

  @Test
  void last_ts_is_the_newest_stored_bar() {
    assertThat(repository.lastTs(aapl, Timeframe.M15)).isEmpty();
    List<Bar> bars = simulatedWeek();
    repository.upsert(aapl, Timeframe.M15, "sim", bars);
    assertThat(repository.lastTs(aapl, Timeframe.M15)).contains(bars.get(bars.size() - 1).ts());
  }
}
