package dev.swiftbolt.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which URLs mean a transaction pooler, and what that switches off. */
class ConnectionModeTest {

  @Test
  void supabases_transaction_pooler_port_6543_switches_prepared_statements_off() {
    ConnectionSettings s =
        DatabaseUrl.parse(
            "postgresql://postgres.abcd:pw@aws-0-us-east-1.pooler.supabase.com:6543/postgres");
    assertThat(s.mode()).isEqualTo(ConnectionMode.TRANSACTION_POOLER);
    assertThat(s.properties()).containsEntry("prepareThreshold", "0");
  }

  @Test
  void pgbouncer_true_or_prepare_threshold_0_on_any_port_mean_a_transaction_pooler() {
    for (String url :
        new String[] {
          "postgresql://u:p@pooler.example.com:7000/db?pgbouncer=true",
          "postgresql://u:p@pooler.example.com:7000/db?prepareThreshold=0",
          "jdbc:postgresql://pooler.example.com:7000/db?pgbouncer=true",
        }) {
      ConnectionSettings s = DatabaseUrl.parse(url);
      assertThat(s.mode()).as(url).isEqualTo(ConnectionMode.TRANSACTION_POOLER);
      assertThat(s.properties()).as(url).containsEntry("prepareThreshold", "0");
    }
  }

  @Test
  void the_session_pooler_and_a_direct_connection_keep_prepared_statements() {
    ConnectionSettings session =
        DatabaseUrl.parse(
            "postgresql://postgres.abcd:pw@aws-0-us-east-1.pooler.supabase.com:5432/postgres");
    assertThat(session.mode()).isEqualTo(ConnectionMode.SESSION_POOLER);
    assertThat(session.properties()).doesNotContainKey("prepareThreshold");
    ConnectionSettings direct =
        DatabaseUrl.parse("postgresql://postgres:pw@db.abcd.supabase.co:5432/postgres");
    assertThat(direct.mode()).isEqualTo(ConnectionMode.DIRECT);
    assertThat(direct.properties()).doesNotContainKey("prepareThreshold");
    assertThat(DatabaseUrl.parse("postgresql://u:p@h:6542/d?pgbouncer=false").mode())
        .isEqualTo(ConnectionMode.DIRECT);
  }
}
