package dev.swiftbolt.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Row-level security as Supabase's PostgREST meets it. Before migrating, a fresh database gets what
 * Supabase has: the roles anon, authenticated and service_role, a schema {@code auth} whose {@code
 * auth.uid()} reads the {@code request.jwt.claims} setting as Supabase defines it, and usage of the
 * schemas; no default privileges (Supabase's 2026 projects have none: migration V11 grants what the
 * app needs, see SupabaseGrantsTest). Each request is then made as PostgREST makes it: {@code SET
 * LOCAL ROLE} and {@code set_config('request.jwt.claims', …, true)} in a transaction.
 */
class RowLevelSecurityTest {

  private static final String USER_A = UUID.randomUUID().toString();
  private static final String USER_B = UUID.randomUUID().toString();

  private static Database supabase;
  private static Database plain;

  @BeforeAll
  static void open() throws SQLException {
    ConnectionSettings settings = SupabaseProject.create2026();
    supabase = Database.open(settings, Database.ConnectRetry.DEFAULT, Database.PoolOptions.DEFAULT);
    plain = TestDatabase.create();
    Jdbi owner = supabase.jdbi();
    owner.useHandle(
        h -> {
          h.execute(
              "INSERT INTO symbols (symbol, name, exchange) VALUES"
                  + " ('AAPL', 'Apple', 'NASDAQ'), ('MSFT', 'Microsoft', 'NASDAQ'),"
                  + " ('NVDA', 'Nvidia', 'NASDAQ')");
          // as the server does it: the owner, unaffected by row-level security
          h.execute(
              "INSERT INTO user_symbol_tracking (user_id, symbol_id)"
                  + " SELECT ?, id FROM symbols WHERE symbol = 'AAPL'",
              USER_A);
          h.execute(
              "INSERT INTO user_symbol_tracking (user_id, symbol_id)"
                  + " SELECT ?, id FROM symbols WHERE symbol IN ('AAPL', 'MSFT')",
              USER_B);
          h.execute(
              "INSERT INTO ohlc_bars (symbol_id, timeframe, ts, open, high, low, close, volume,"
                  + " source) SELECT id, 'D1', '2026-11-27T14:30:00Z', 1, 2, 0.5, 1.5, 100, 'sim'"
                  + " FROM symbols WHERE symbol = 'AAPL'");
          // the rest of the server's tables, for NVDA, which neither user tracks
          h.execute(MODEL_FORECAST_EVALUATION_AND_RUNS);
          h.execute(UNIFIED_PREDICTION);
          h.execute(ALERTS);
        });
    // so that every table check below reads a table that holds rows
    for (String table : tables(supabase)) {
      assertThat(ownerCount("SELECT count(*) FROM " + table)).as(table).isPositive();
    }
  }

  /** A model, one of its forecasts, an evaluation, a pipeline run and a replay, all for NVDA. */
  private static final String MODEL_FORECAST_EVALUATION_AND_RUNS =
      """
      WITH nvda AS (SELECT id FROM symbols WHERE symbol = 'NVDA'),
      model AS (
        INSERT INTO models (symbol_id, timeframe, algorithm, params, features, horizon_bars,
                            train_from, train_to, trained_at, metrics, calibration_method,
                            artifact_format, artifact, active)
        SELECT id, 'D1', 'logistic', '{}', '[]', 1, '2025-01-01', '2026-11-01', '2026-11-02',
               '{}', 'none', 'tribuo', '\\x00', true
        FROM nvda
        RETURNING id, symbol_id
      ),
      forecast AS (
        INSERT INTO forecasts (model_id, symbol_id, timeframe, bar_ts, horizon_bars, made_at,
                               live_run, direction, p_bull, p_neutral, p_bear, score)
        SELECT id, symbol_id, 'D1', '2026-11-27T14:30:00Z', 1, '2026-11-27T21:00:00Z', true,
               'BULLISH', 0.5, 0.3, 0.2, 0.3
        FROM model
        RETURNING id
      ),
      evaluation AS (
        INSERT INTO model_evaluations (symbol_id, timeframe, model_id, evaluated_at, backtest,
                                       walkforward, live, live_score_source, calibration)
        SELECT symbol_id, 'D1', id, '2026-11-27T21:00:00Z', '{}', '{}', '{}', 'live', '{}'
        FROM model
        RETURNING id
      ),
      pipeline AS (
        INSERT INTO pipeline_runs (pipeline, run_key, trigger, started_at)
        VALUES ('daily-data-refresh', 'rls-fixture', 'manual', '2026-11-27T21:30:00Z')
        RETURNING id
      ),
      replay AS (
        INSERT INTO replay_runs (from_session, to_session, timeframes, primary_timeframe,
                                 started_at, finished_at)
        VALUES ('2026-11-02', '2026-11-27', 'D1', 'D1', '2026-11-28', '2026-11-28')
        RETURNING id
      )
      INSERT INTO replay_days (run_id, symbol, session, direction, unified_confidence,
                               live_accuracy, live_n, live_score_source, drift_magnitude,
                               drift_detected, retraining_trigger, retrained,
                               baseline_direction, persistence_direction, backtest_accuracy,
                               walkforward_accuracy)
      SELECT id, 'NVDA', '2026-11-27', 'BULLISH', 0.6, 0.55, 20, 'live', 0.05, false, false,
             false, 'BULLISH', 'BEARISH', 0.6, 0.58
      FROM replay
      """;

  /** A notification, its user's settings, a webhook endpoint and one delivery, for another user. */
  private static final String ALERTS =
      """
      WITH notification AS (
        INSERT INTO notifications (user_id, symbol, kind, title, body, dedupe_key)
        VALUES ('someone-else', 'NVDA', 'prediction.ready', 'NVDA is ready', 'BULLISH', 'rls')
        RETURNING id
      ),
      settings AS (
        INSERT INTO notification_settings (user_id, kinds)
        VALUES ('someone-else', ARRAY['prediction.ready'])
      ),
      endpoint AS (
        INSERT INTO webhook_endpoints (user_id, url, secret)
        VALUES ('someone-else', 'https://example.com/hook', 'whsec_AAAA')
        RETURNING id
      )
      INSERT INTO webhook_deliveries (endpoint_id, notification_id, user_id, message_id,
                                      event_type, body)
      SELECT endpoint.id, notification.id, 'someone-else', 'msg_rls', 'prediction.ready', '{}'
        FROM endpoint, notification
      """;

  /** A unified prediction for NVDA, which neither user tracks. */
  private static final String UNIFIED_PREDICTION =
      """
      INSERT INTO unified_predictions (symbol, direction, unified_confidence, base_confidence,
                                       backtesting_score, walkforward_score, live_score,
                                       drift_detected, drift_magnitude, drift_explanation,
                                       timeframe_conflict, conflict_explanation,
                                       consensus_direction, recommendation, retraining_trigger,
                                       retraining_reason, next_retraining_date, as_of,
                                       overfit_suspected, overfit_explanation,
                                       last_retraining_date, persistent_drift_days)
      VALUES ('NVDA', 'BULLISH', 0.6, 0.6, 0.6, 0.6, 0.6, false, 0.0, 'none', false, 'none',
              'BULLISH', 'Moderate confidence', false, 'none', '2026-12-27', '2026-11-27',
              false, 'none', '2026-11-27', 0)
      """;

  @AfterAll
  static void close() {
    supabase.close();
    plain.close();
  }

  /** {@link SupabaseProject#asRequest} on this class's Supabase database. */
  private static <T> T asRequest(
      String role, String sub, HandleCallback<T, RuntimeException> body) {
    return SupabaseProject.asRequest(supabase.jdbi(), role, sub, body);
  }

  private static List<String> tables(Database database) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        """
                        SELECT c.relname
                        FROM pg_class c
                        JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
                        ORDER BY c.relname
                        """)
                    .mapTo(String.class)
                    .list());
  }

  private static List<String> tablesWithoutRowLevelSecurity(Database database) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        """
                        SELECT c.relname
                        FROM pg_class c
                        JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
                          AND NOT c.relrowsecurity
                        ORDER BY c.relname
                        """)
                    .mapTo(String.class)
                    .list());
  }

  /** Tables a later migration revoked from anon are refused outright: nothing either way. */
  private static boolean anonMaySelect(String table) {
    return supabase
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT has_table_privilege('anon', :t, 'SELECT')")
                    .bind("t", table)
                    .mapTo(Boolean.class)
                    .one());
  }

  private static long countAs(String role, String sub, String table) {
    return asRequest(
        role, sub, h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
  }

  private static long ownerCount(String sql, Object... args) {
    return supabase
        .jdbi()
        .withHandle(
            h -> {
              var query = h.createQuery(sql);
              for (int i = 0; i < args.length; i++) {
                query.bind(i, args[i]);
              }
              return query.mapTo(Long.class).one();
            });
  }

  @Test
  void every_table_present_after_all_migrations_has_row_level_security_on_both_databases() {
    for (Database database : List.of(supabase, plain)) {
      assertThat(tables(database))
          .contains(
              "flyway_schema_history",
              "symbols",
              "user_symbol_tracking",
              "forecast_jobs",
              "ohlc_bars",
              "models",
              "forecasts",
              "model_evaluations",
              "unified_predictions",
              "pipeline_runs");
      assertThat(tablesWithoutRowLevelSecurity(database)).isEmpty();
    }
  }

  @Test
  void policies_exist_only_where_supabase_roles_and_auth_uid_exist() {
    String policies = "SELECT tablename || '.' || policyname FROM pg_policies ORDER BY 1";
    List<String> onPlain =
        plain.jdbi().withHandle(h -> h.createQuery(policies).mapTo(String.class).list());
    List<String> onSupabase =
        supabase.jdbi().withHandle(h -> h.createQuery(policies).mapTo(String.class).list());
    assertThat(onPlain).isEmpty();
    assertThat(onSupabase)
        .containsExactlyInAnyOrder(
            "forecast_jobs.forecast_jobs_of_own_symbols",
            "forecasts.forecasts_read",
            "notification_settings.notification_settings_select_own",
            "notifications.notifications_mark_own",
            "notifications.notifications_select_own",
            "ohlc_bars.ohlc_bars_read",
            "symbols.symbols_read",
            "unified_predictions.unified_predictions_read",
            "user_symbol_tracking.tracking_delete_own",
            "user_symbol_tracking.tracking_insert_own",
            "user_symbol_tracking.tracking_select_own");
  }

  @Test
  void the_tracking_trigger_runs_as_its_owner_with_a_fixed_search_path() {
    List<String> config =
        supabase
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            """
                            SELECT p.prosecdef::text || ' ' || array_to_string(p.proconfig, ',')
                            FROM pg_proc p
                            WHERE p.proname = 'enqueue_jobs_for_tracked_symbol'
                            """)
                        .mapTo(String.class)
                        .list());
    assertThat(config).containsExactly("true search_path=public, pg_temp");
  }

  @Test
  void anon_reads_nothing_from_any_table() {
    assertThat(ownerCount("SELECT count(*) FROM symbols")).isEqualTo(3);
    assertThat(ownerCount("SELECT count(*) FROM user_symbol_tracking")).isEqualTo(3);
    assertThat(ownerCount("SELECT count(*) FROM forecast_jobs")).isPositive();
    assertThat(ownerCount("SELECT count(*) FROM flyway_schema_history")).isPositive();
    for (String table : tables(supabase)) {
      assertThatThrownBy(() -> countAs("anon", null, table))
          .as(table)
          .hasMessageContaining("permission denied");
    }
    long aapl = ownerCount("SELECT id FROM symbols WHERE symbol = 'AAPL'");
    assertThatThrownBy(
            () ->
                asRequest(
                    "anon",
                    null,
                    h ->
                        h.execute(
                            "INSERT INTO user_symbol_tracking (user_id, symbol_id) VALUES ('x', ?)",
                            aapl)))
        .hasMessageContaining("permission denied");
    assertThatThrownBy(
            () -> asRequest("anon", null, h -> h.execute("DELETE FROM user_symbol_tracking")))
        .hasMessageContaining("permission denied");
    assertThat(ownerCount("SELECT count(*) FROM user_symbol_tracking")).isEqualTo(3);
  }

  @Test
  void authenticated_reads_market_data_but_not_models_evaluations_runs_or_the_history() {
    assertThat(countAs("authenticated", USER_A, "symbols")).isEqualTo(3);
    assertThat(countAs("authenticated", USER_A, "ohlc_bars")).isEqualTo(1);
    // forecasts and unified predictions of any symbol, NVDA being on nobody's watchlist
    assertThat(countAs("authenticated", USER_A, "forecasts")).isEqualTo(1);
    assertThat(countAs("authenticated", USER_A, "unified_predictions")).isEqualTo(1);
    List<String> predicted =
        asRequest(
            "authenticated",
            USER_A,
            h ->
                h.createQuery("SELECT symbol FROM unified_predictions").mapTo(String.class).list());
    assertThat(predicted).containsExactly("NVDA");
    for (String table :
        List.of(
            "models",
            "model_evaluations",
            "pipeline_runs",
            "replay_runs",
            "replay_days",
            "flyway_schema_history")) {
      assertThat(ownerCount("SELECT count(*) FROM " + table)).as(table).isPositive();
      assertThatThrownBy(() -> countAs("authenticated", USER_A, table))
          .as(table)
          .hasMessageContaining("permission denied");
    }
    // no UPDATE privilege (nor policy)
    assertThatThrownBy(
            () ->
                asRequest(
                    "authenticated", USER_A, h -> h.execute("UPDATE symbols SET name = 'pwned'")))
        .hasMessageContaining("permission denied");
    assertThat(ownerCount("SELECT count(*) FROM symbols WHERE name = 'pwned'")).isZero();
  }

  @Test
  void a_user_sees_only_their_own_watchlist_and_the_jobs_of_their_own_symbols() {
    List<String> seenByA =
        asRequest(
            "authenticated",
            USER_A,
            h ->
                h.createQuery("SELECT user_id FROM user_symbol_tracking")
                    .mapTo(String.class)
                    .list());
    assertThat(seenByA).containsExactly(USER_A);
    assertThat(countAs("authenticated", USER_B, "user_symbol_tracking")).isEqualTo(2);
    // A's watchlist holds AAPL only: B's MSFT jobs are not A's to see
    List<String> jobSymbolsOfA =
        asRequest(
            "authenticated",
            USER_A,
            h ->
                h.createQuery(
                        "SELECT DISTINCT s.symbol FROM forecast_jobs j"
                            + " JOIN symbols s ON s.id = j.symbol_id")
                    .mapTo(String.class)
                    .list());
    assertThat(jobSymbolsOfA).containsExactly("AAPL");
    List<String> jobSymbolsOfB =
        asRequest(
            "authenticated",
            USER_B,
            h ->
                h.createQuery(
                        "SELECT DISTINCT s.symbol FROM forecast_jobs j"
                            + " JOIN symbols s ON s.id = j.symbol_id ORDER BY 1")
                    .mapTo(String.class)
                    .list());
    assertThat(jobSymbolsOfB).containsExactly("AAPL", "MSFT");
  }

  @Test
  void a_user_cannot_insert_a_row_for_another_user() {
    assertThatThrownBy(
            () ->
                asRequest(
                    "authenticated",
                    USER_A,
                    h ->
                        h.execute(
                            "INSERT INTO user_symbol_tracking (user_id, symbol_id)"
                                + " SELECT ?, id FROM symbols WHERE symbol = 'NVDA'",
                            USER_B)))
        .hasMessageContaining("row-level security");
    assertThat(
            ownerCount(
                "SELECT count(*) FROM user_symbol_tracking t JOIN symbols s ON s.id = t.symbol_id"
                    + " WHERE s.symbol = 'NVDA'"))
        .isZero();
  }

  @Test
  void a_users_insert_queues_the_jobs_and_their_delete_removes_only_their_rows() {
    String user = UUID.randomUUID().toString();
    int inserted =
        asRequest(
            "authenticated",
            user,
            h ->
                h.execute(
                    "INSERT INTO user_symbol_tracking (user_id, symbol_id)"
                        + " SELECT ?, id FROM symbols WHERE symbol = 'NVDA'",
                    user));
    assertThat(inserted).isEqualTo(1);
    assertThat(
            ownerCount(
                "SELECT count(*) FROM forecast_jobs j JOIN symbols s ON s.id = j.symbol_id"
                    + " WHERE s.symbol = 'NVDA' AND j.user_id = ? AND j.status = 'queued'",
                user))
        .isEqualTo(2);
    assertThat(countAs("authenticated", user, "forecast_jobs")).isEqualTo(2);

    int deleted =
        asRequest("authenticated", user, h -> h.execute("DELETE FROM user_symbol_tracking"));
    assertThat(deleted).isEqualTo(1);
    assertThat(ownerCount("SELECT count(*) FROM user_symbol_tracking WHERE user_id = ?", user))
        .isZero();
    // everybody else's rows are still there
    assertThat(ownerCount("SELECT count(*) FROM user_symbol_tracking WHERE user_id <> ?", user))
        .isEqualTo(3);
  }

  @Test
  void a_delete_by_one_user_leaves_the_other_users_rows() {
    int deleted =
        asRequest(
            "authenticated",
            USER_B,
            h ->
                h.execute(
                    "DELETE FROM user_symbol_tracking WHERE symbol_id ="
                        + " (SELECT id FROM symbols WHERE symbol = 'AAPL')"));
    assertThat(deleted).isEqualTo(1);
    assertThat(ownerCount("SELECT count(*) FROM user_symbol_tracking WHERE user_id = ?", USER_A))
        .isEqualTo(1);
    // restore B's row for the other tests
    supabase
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO user_symbol_tracking (user_id, symbol_id)"
                        + " SELECT ?, id FROM symbols WHERE symbol = 'AAPL'",
                    USER_B));
  }
}
