package dev.swiftbolt.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swiftbolt.db.ConnectionSettings;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.SupabaseProject;
import dev.swiftbolt.db.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alerts tables as Supabase's PostgREST and Realtime meet them: roles, {@code auth.uid()} and
 * the {@code supabase_realtime} publication exist before the migrations run; each request is {@code
 * SET LOCAL ROLE} plus the JWT claims in one transaction.
 */
class AlertsRowLevelSecurityTest {

  private static final String ALICE = UUID.randomUUID().toString();
  private static final String BOB = UUID.randomUUID().toString();

  /** A 2026 Supabase project (no default privileges) has its Realtime publication. */
  private static final String REALTIME = "CREATE PUBLICATION supabase_realtime;\n";

  private static Database supabase;
  private static Database plain;

  @BeforeAll
  static void open() throws SQLException {
    ConnectionSettings settings = SupabaseProject.create2026(REALTIME);
    supabase = Database.open(settings, Database.ConnectRetry.DEFAULT, Database.PoolOptions.DEFAULT);
    plain = TestDatabase.create();
    supabase
        .jdbi()
        .useHandle(
            h -> {
              for (String user : new String[] {ALICE, BOB}) {
                h.execute(
                    """
                    INSERT INTO notifications (user_id, symbol, kind, title, body, dedupe_key)
                    VALUES (?, 'NVDA', 'direction.changed', 'NVDA turned BEARISH', '…', 'k1')
                    """,
                    user);
                h.execute(
                    """
                    INSERT INTO webhook_endpoints (user_id, url, secret)
                    VALUES (?, 'https://example.com/h', 'whsec_c2VjcmV0')
                    """,
                    user);
              }
            });
  }

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

  private static long count(Handle h, String sql) {
    return h.createQuery(sql).mapTo(Long.class).one();
  }

  @Test
  void a_user_reads_only_its_own_notifications() {
    List<String> seen =
        asRequest(
            "authenticated",
            ALICE,
            h -> h.createQuery("SELECT user_id FROM notifications").mapTo(String.class).list());
    assertThat(seen).containsExactly(ALICE);
  }

  @Test
  void a_user_marks_its_own_notifications_read_and_cannot_touch_anything_else() {
    int marked =
        asRequest(
            "authenticated", ALICE, h -> h.execute("UPDATE notifications SET read_at = now()"));
    assertThat(marked).isEqualTo(1);
    long bobsRead =
        supabase
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT count(*) FROM notifications WHERE user_id = ? AND read_at IS NOT NULL")
                        .bind(0, BOB)
                        .mapTo(Long.class)
                        .one());
    assertThat(bobsRead).isZero();
    assertThatThrownBy(
            () ->
                asRequest(
                    "authenticated", ALICE, h -> h.execute("UPDATE notifications SET title = 'x'")))
        .hasMessageContaining("permission denied");
    assertThatThrownBy(
            () ->
                asRequest(
                    "authenticated",
                    ALICE,
                    h ->
                        h.execute(
                            "INSERT INTO notifications (user_id, kind, title, body, dedupe_key)"
                                + " VALUES (?, 'data.stale', 't', 'b', 'k9')",
                            ALICE)))
        .hasMessageContaining("permission denied");
  }

  @Test
  void anon_gets_nothing_and_webhook_secrets_are_server_only() {
    for (String table :
        new String[] {
          "notifications", "notification_settings", "webhook_endpoints", "webhook_deliveries"
        }) {
      assertThatThrownBy(
              () -> asRequest("anon", null, h -> count(h, "SELECT count(*) FROM " + table)))
          .as(table)
          .hasMessageContaining("permission denied");
    }
    assertThatThrownBy(
            () ->
                asRequest(
                    "authenticated",
                    ALICE,
                    h -> count(h, "SELECT count(*) FROM webhook_endpoints")))
        .hasMessageContaining("permission denied");
  }

  @Test
  void notifications_are_published_to_supabase_realtime_where_the_publication_exists() {
    List<String> published =
        supabase
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            """
                            SELECT tablename FROM pg_publication_tables
                            WHERE pubname = 'supabase_realtime'
                            """)
                        .mapTo(String.class)
                        .list());
    assertThat(published).containsExactly("notifications");
    assertThat(RealtimePublication.read(supabase.jdbi())).isEqualTo(RealtimePublication.PUBLISHED);
    assertThat(RealtimePublication.read(plain.jdbi())).isEqualTo(RealtimePublication.ABSENT);
    long publications =
        plain.jdbi().withHandle(h -> count(h, "SELECT count(*) FROM pg_publication"));
    assertThat(publications).isZero();
  }

  @Test
  void every_alerts_table_has_row_level_security_on_a_plain_database_too() {
    long without =
        plain
            .jdbi()
            .withHandle(
                h ->
                    count(
                        h,
                        """
                        SELECT count(*) FROM pg_class
                        WHERE relname IN ('notifications', 'notification_settings',
                                          'webhook_endpoints', 'webhook_deliveries')
                          AND relrowsecurity
                        """));
    assertThat(without).isEqualTo(4);
  }
}
