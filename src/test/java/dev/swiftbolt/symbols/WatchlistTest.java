package dev.swiftbolt.symbols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.jobs.JobView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WatchlistTest {

  private static Database database;
  private static Jdbi jdbi;
  private WatchlistService watchlist;

  @BeforeAll
  static void open() {
    database = TestDatabase.create();
    jdbi = database.jdbi();
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @BeforeEach
  void reset() {
    jdbi.useHandle(
        h ->
            h.execute(
                "TRUNCATE user_symbol_tracking, forecast_jobs, symbols RESTART IDENTITY CASCADE"));
    new SymbolRepository(jdbi).seed();
    watchlist = new WatchlistService(jdbi);
  }

  private int count(String table) {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Integer.class).one());
  }

  @Test
  void seeding_twice_gives_8_symbols() {
    SymbolRepository symbols = new SymbolRepository(jdbi);
    assertThat(symbols.seed()).isEqualTo(8);
    assertThat(symbols.seed()).isEqualTo(8);
    assertThat(count("symbols")).isEqualTo(8);
    assertThat(symbols.activeSymbols())
        .containsExactly("AAPL", "AMD", "CRWD", "GOOGL", "META", "MSFT", "NVDA", "TSLA");
  }

  @Test
  void tracking_creates_the_backfill_and_forecast_jobs_and_answers_added_and_backfilling() {
    TrackResult result = watchlist.track("user-1", "aapl");

    assertThat(result.added()).isTrue();
    assertThat(result.message()).isEqualTo("Added and backfilling AAPL…");
    assertThat(result.jobs()).extracting(JobView::jobType).containsExactly("backfill", "forecast");
    assertThat(result.jobs()).allSatisfy(j -> assertThat(j.status()).isEqualTo("queued"));
    assertThat(watchlist.watchlist("user-1"))
        .extracting(WatchlistEntry::symbol)
        .containsExactly("AAPL");
  }

  @Test
  void tracking_twice_creates_no_second_set_of_active_jobs() {
    watchlist.track("user-1", "AAPL");
    TrackResult again = watchlist.track("user-1", "AAPL");
    TrackResult otherUser = watchlist.track("user-2", "AAPL");

    assertThat(again.added()).isFalse();
    assertThat(otherUser.added()).isTrue();
    assertThat(count("forecast_jobs")).isEqualTo(2);
    assertThat(count("user_symbol_tracking")).isEqualTo(2);
  }

  @Test
  void tracking_is_atomic_a_failure_after_the_insert_leaves_neither_tracking_nor_jobs() {
    long aapl = new SymbolRepository(jdbi).require("AAPL");
    assertThatThrownBy(
            () ->
                jdbi.useTransaction(
                    h -> {
                      h.createUpdate(
                              "INSERT INTO user_symbol_tracking (user_id, symbol_id) VALUES ('u', :id)")
                          .bind("id", aapl)
                          .execute();
                      int jobsInside =
                          h.createQuery("SELECT count(*) FROM forecast_jobs")
                              .mapTo(Integer.class)
                              .one();
                      assertThat(jobsInside).isEqualTo(2);
                      throw new IllegalStateException("injected failure after the tracking insert");
                    }))
        .hasMessageContaining("injected");

    assertThat(count("user_symbol_tracking")).isZero();
    assertThat(count("forecast_jobs")).isZero();
  }

  @Test
  void two_concurrent_track_calls_create_one_set_of_active_jobs() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (String symbol : new SymbolRepository(jdbi).activeSymbols()) {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<TrackResult>> calls = new ArrayList<>();
        for (String user : List.of("alice", "bob")) {
          calls.add(
              pool.submit(
                  () -> {
                    start.await();
                    return watchlist.track(user, symbol);
                  }));
        }
        for (Future<TrackResult> call : calls) {
          assertThat(call.get().added()).isTrue();
        }
      }
    } finally {
      pool.shutdown();
    }
    int perKey =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT max(n) FROM (SELECT count(*) n FROM forecast_jobs"
                            + " GROUP BY job_type, symbol_id) x")
                    .mapTo(Integer.class)
                    .one());
    assertThat(perKey).isEqualTo(1);
    assertThat(count("forecast_jobs")).isEqualTo(16);
    assertThat(count("user_symbol_tracking")).isEqualTo(16);
  }

  @Test
  void the_active_job_index_refuses_a_second_active_job_of_the_same_kind() {
    watchlist.track("user-1", "AAPL");
    long aapl = new SymbolRepository(jdbi).require("AAPL");
    assertThatThrownBy(
            () ->
                jdbi.useHandle(
                    h ->
                        h.createUpdate(
                                "INSERT INTO forecast_jobs (job_type, symbol_id) VALUES ('backfill', :id)")
                            .bind("id", aapl)
                            .execute()))
        .hasMessageContaining("forecast_jobs_one_active");
  }

  @Test
  void a_finished_job_does_not_block_a_new_one() {
    watchlist.track("user-1", "AAPL");
    jdbi.useHandle(h -> h.execute("UPDATE forecast_jobs SET status = 'succeeded'"));
    watchlist.untrack("user-1", "AAPL");
    TrackResult again = watchlist.track("user-1", "AAPL");
    assertThat(again.jobs()).hasSize(2);
    assertThat(count("forecast_jobs")).isEqualTo(4);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "AAPL'; DROP TABLE symbols;--",
        "1ABC",
        "TOOLONGSYMBOL",
        "AA PL",
        "$AAPL",
        "ÄAPL"
      })
  void malformed_symbols_are_refused_with_the_rule_and_nothing_is_written(String bad) {
    assertThatThrownBy(() -> watchlist.track("user-1", bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(SymbolCode.RULE);
    assertThat(count("user_symbol_tracking")).isZero();
    assertThat(count("forecast_jobs")).isZero();
  }

  @Test
  void class_share_symbols_with_a_dot_are_valid() {
    assertThat(SymbolCode.normalize("brk.b")).isEqualTo("BRK.B");
    assertThat(SymbolCode.normalizeList("aapl,MSFT,aapl")).containsExactly("AAPL", "MSFT");
  }

  @Test
  void unknown_symbols_point_at_symbols_list_and_nothing_is_written() {
    assertThatThrownBy(() -> watchlist.track("user-1", "ZZZZ"))
        .isInstanceOf(UnknownSymbolException.class)
        .hasMessageContaining("swiftbolt symbols list");
    assertThat(count("user_symbol_tracking")).isZero();
  }

  @Test
  void untrack_removes_only_that_users_row() {
    watchlist.track("alice", "AAPL");
    watchlist.track("bob", "AAPL");
    assertThat(watchlist.untrack("alice", "AAPL")).isTrue();
    assertThat(watchlist.untrack("alice", "AAPL")).isFalse();
    assertThat(watchlist.watchlist("alice")).isEmpty();
    assertThat(watchlist.watchlist("bob")).hasSize(1);
  }

  @Test
  void symbol_sync_check_passes_all_three_steps_and_removes_its_rows() {
    List<SymbolSyncCheck.Step> steps = new SymbolSyncCheck(jdbi).run("AAPL", "test-user-123");

    assertThat(steps).hasSize(3).allSatisfy(s -> assertThat(s.passed()).isTrue());
    assertThat(steps.get(2).line()).isEqualTo("✓ PASS: 2 jobs created");
    assertThat(count("user_symbol_tracking")).isZero();
    assertThat(count("forecast_jobs")).isZero();
  }

  @Test
  void symbol_sync_check_fails_on_a_symbol_that_is_not_seeded() {
    jdbi.useHandle(h -> h.execute("UPDATE symbols SET active = false WHERE symbol = 'AAPL'"));
    List<SymbolSyncCheck.Step> steps = new SymbolSyncCheck(jdbi).run("AAPL", "test-user-123");
    assertThat(steps).hasSize(1);
    assertThat(steps.get(0).line()).startsWith("✗ FAIL: Symbol AAPL not found");
  }

  @Test
  void symbol_sync_check_keeps_a_real_users_tracking_row() {
    watchlist.track("test-user-123", "AAPL");
    List<SymbolSyncCheck.Step> steps = new SymbolSyncCheck(jdbi).run("AAPL", "test-user-123");
    assertThat(steps).allSatisfy(s -> assertThat(s.passed()).isTrue());
    assertThat(count("user_symbol_tracking")).isEqualTo(1);
    assertThat(count("forecast_jobs")).isEqualTo(2);
  }
}
