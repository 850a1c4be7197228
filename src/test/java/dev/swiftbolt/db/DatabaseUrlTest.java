package dev.swiftbolt.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  @Test
  void supabase_pooler_url_with_encoded_password_is_decoded_and_its_parameters_kept() {
    ConnectionSettings s =
        DatabaseUrl.parse(
            "postgresql://postgres.abcdefghijkl:p%40ss%2Fw%3Ard%25@aws-0-us-east-1.pooler.supabase.com:6543/postgres?sslmode=require&pgbouncer=true");

    assertThat(s.jdbcUrl())
        .isEqualTo("jdbc:postgresql://aws-0-us-east-1.pooler.supabase.com:6543/postgres");
    assertThat(s.user()).isEqualTo("postgres.abcdefghijkl");
    assertThat(s.password()).isEqualTo("p@ss/w:rd%");
    assertThat(s.properties())
        .containsEntry("sslmode", "require")
        .containsEntry("pgbouncer", "true");
    assertThat(s.address()).isEqualTo("aws-0-us-east-1.pooler.supabase.com:6543");
  }

  @Test
  void missing_port_defaults_to_5432_and_postgres_scheme_is_accepted() {
    ConnectionSettings s = DatabaseUrl.parse("postgres://user:pass@db.example.com/swiftbolt");
    assertThat(s.port()).isEqualTo(5432);
    assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/swiftbolt");
  }

  @Test
  void a_plus_in_a_password_stays_a_plus() {
    assertThat(DatabaseUrl.parse("postgresql://u:a+b@h:1/d").password()).isEqualTo("a+b");
  }

  @Test
  void jdbc_url_is_used_as_it_is() {
    ConnectionSettings s =
        DatabaseUrl.parse("jdbc:postgresql://localhost:5433/x?user=u&password=secret");
    assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5433/x?user=u&password=secret");
    assertThat(s.address()).isEqualTo("localhost:5433");
  }

  @Test
  void to_string_never_shows_the_password() {
    ConnectionSettings s = DatabaseUrl.parse("postgresql://u:topsecret@h:5432/d");
    assertThat(s.toString()).doesNotContain("topsecret").contains("****");
  }

  @Test
  void wrong_scheme_is_named() {
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:p@h/d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scheme")
        .hasMessageContaining("mysql");
  }

  @Test
  void missing_database_name_is_named() {
    assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:p@h:5432"))
        .hasMessageContaining("database name");
    assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:p@h:5432/"))
        .hasMessageContaining("database name");
  }

  @Test
  void missing_host_is_named() {
    assertThatThrownBy(() -> DatabaseUrl.parse("postgresql:///d")).hasMessageContaining("host");
  }

  @Test
  void unencoded_special_characters_are_refused_without_repeating_the_password() {
    assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:pa ss#word@h:5432/d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("percent-encode")
        .hasNoCause()
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pa ss"));
  }

  @Test
  void malformed_percent_encoding_is_refused_with_a_hint() {
    assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:p%zz@h:5432/d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("percent-encode special characters in the user name and password");
  }

  @Test
  void query_parameter_without_value_is_refused() {
    assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:p@h:5432/d?sslmode"))
        .hasMessageContaining("sslmode");
  }

  @Test
  void empty_url_is_refused() {
    assertThatThrownBy(() -> DatabaseUrl.parse("  ")).hasMessageContaining("empty");
  }

  @Test
  void unreachable_database_fails_naming_host_and_port_but_not_the_password() throws Exception {
    int closedPort;
    try (var socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ConnectionSettings settings =
        DatabaseUrl.parse("postgresql://u:hunter2@127.0.0.1:" + closedPort + "/d");
    var quick = new Database.ConnectRetry(Duration.ofMillis(10), Duration.ofMillis(20), 3);

    assertThatThrownBy(() -> Database.open(settings, quick, Database.PoolOptions.DEFAULT))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageContaining("127.0.0.1:" + closedPort)
        .hasMessageContaining("after 3 attempts")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
  }
}
