package dev.swiftbolt.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.HandleCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app's requests as PostgREST runs them on a Supabase project created in 2026, where nothing is
 * granted by default: only migration V11's explicit grants let the app in.
 */
class SupabaseGrantsTest {

  private static final String USER = UUID.randomUUID().toString();

  private static Database supabase;

  @BeforeAll
  static void open() {
    supabase =
        Database.open(
            SupabaseProject.create2026(),
            Database.ConnectRetry.DEFAULT,
            Database.PoolOptions.DEFAULT);
    supabase
        .jdbi()
        .useHandle(
            h -> {
              h.execute(
                  """
                  INSERT INTO symbols (symbol, name, exchange)
                  VALUES ('AAPL', 'Apple', 'NASDAQ'), ('MSFT', 'Microsoft', 'NASDAQ')
                  """);
              h.execute(
                  """
                  INSERT INTO ohlc_bars (symbol_id, timeframe, ts, open, high, low, close, volume,
                                         source)
                  SELECT id, 'D1', '2026-11-27T14:30:00Z', 1, 2, 0.5, 1.5, 100, 'sim'
                  FROM symbols
                  WHERE symbol = 'AAPL'
                  """);
            });
  }

  @AfterAll
  static void close() {
    supabase.close();
  }

  /** {@link SupabaseProject#asRequest} on this class's Supabase database. */
  private static <T> T asRequest(
      String role, String sub, HandleCallback<T, RuntimeException> body) {
    return SupabaseProject.asRequest(supabase.jdbi(), role, sub, body);
  }

  private static long count(String role, String sub, String table) {
    return asRequest(
        role, sub, h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
  }

  private static List<String> tablesWithRowLevelSecurity() {
    return supabase
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        """
                        SELECT c.relname
                        FROM pg_class c
                        JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = current_schema()
                          AND c.relkind IN ('r', 'p')
                          AND c.relrowsecurity
                        ORDER BY c.relname
                        """)
                    .mapTo(String.class)
                    .list());
  }

  @Test
  void the_apps_tracking_insert_succeeds_and_queues_its_jobs_without_default_privileges() {
    int inserted =
        asRequest(
            "authenticated",
            USER,
            h ->
                h.createUpdate(
                        """
                        INSERT INTO user_symbol_tracking (user_id, symbol_id)
                        SELECT :user, id FROM symbols WHERE symbol = 'MSFT'
                        """)
                    .bind("user", USER)
                    .execute());
    assertThat(inserted).isEqualTo(1);
    long queued =
        supabase
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            """
                            SELECT count(*)
                            FROM forecast_jobs j
                            JOIN symbols s ON s.id = j.symbol_id
                            WHERE s.symbol = 'MSFT' AND j.user_id = :user AND j.status = 'queued'
                            """)
                        .bind("user", USER)
                        .mapTo(Long.class)
                        .one());
    assertThat(queued).isEqualTo(2);
    // the reads of the app
    assertThat(count("authenticated", USER, "user_symbol_tracking")).isEqualTo(1);
    assertThat(count("authenticated", USER, "forecast_jobs")).isEqualTo(2);
    assertThat(count("authenticated", USER, "symbols")).isEqualTo(2);
    assertThat(count("authenticated", USER, "ohlc_bars")).isEqualTo(1);
    assertThat(count("authenticated", USER, "forecasts")).isZero();
    assertThat(count("authenticated", USER, "unified_predictions")).isZero();
    // and its delete
    int deleted =
        asRequest("authenticated", USER, h -> h.execute("DELETE FROM user_symbol_tracking"));
    assertThat(deleted).isEqualTo(1);
  }

  @Test
  void anon_reads_and_writes_nothing() {
    for (String table : tablesWithRowLevelSecurity()) {
      assertThatThrownBy(() -> count("anon", null, table))
          .as(table)
          .hasMessageContaining("permission denied");
    }
    assertThatThrownBy(
            () ->
                asRequest(
                    "anon",
                    null,
                    h ->
                        h.execute(
                            """
                            INSERT INTO user_symbol_tracking (user_id, symbol_id)
                            SELECT 'x', id FROM symbols WHERE symbol = 'AAPL'
                            """)))
        .hasMessageContaining("permission denied");
  }

  @Test
  void authenticated_cannot_reach_server_only_tables_or_change_market_data() {
    for (String table : SupabaseGrants.SERVER_ONLY) {
      assertThatThrownBy(() -> count("authenticated", USER, table))
          .as(table)
          .hasMessageContaining("permission denied");
    }
    assertThatThrownBy(
            () -> asRequest("authenticated", USER, h -> h.execute("UPDATE symbols SET name = 'x'")))
        .hasMessageContaining("permission denied");
    assertThatThrownBy(
            () -> asRequest("authenticated", USER, h -> h.execute("DELETE FROM forecast_jobs")))
        .hasMessageContaining("permission denied");
  }

  @Test
  void the_privileges_in_the_database_are_exactly_the_intended_matrix() {
    List<String> tables = tablesWithRowLevelSecurity();
    assertThat(SupabaseGrants.compare(tables, SupabaseGrants.read(supabase.jdbi()))).isEmpty();
  }

  @Test
  void every_table_with_row_level_security_has_a_grants_decision() {
    assertThat(tablesWithRowLevelSecurity())
        .contains("user_symbol_tracking", "models", "flyway_schema_history")
        .allSatisfy(
            table ->
                assertThat(SupabaseGrants.decided(table))
                    .as(
                        "%s has row-level security but no grants decision: add it to"
                            + " SupabaseGrants.AUTHENTICATED (and GRANT it in its migration) or to"
                            + " SupabaseGrants.SERVER_ONLY",
                        table)
                    .isTrue());
  }

  @Test
  void a_table_with_row_level_security_but_no_decision_is_reported() {
    supabase
        .jdbi()
        .useHandle(
            h -> {
              h.execute("CREATE TABLE undecided_table (id int)");
              h.execute("ALTER TABLE undecided_table ENABLE ROW LEVEL SECURITY");
            });
    try {
      assertThat(tablesWithRowLevelSecurity())
          .filteredOn(table -> !SupabaseGrants.decided(table))
          .containsExactly("undecided_table");
    } finally {
      supabase.jdbi().useHandle(h -> h.execute("DROP TABLE undecided_table"));
    }
  }
}
