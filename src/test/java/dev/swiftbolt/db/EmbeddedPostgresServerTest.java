package dev.swiftbolt.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

  private static String query(Database database, String sql) {
    return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
  }

  private static Database open(Path home) {
    return Database.openEmbedded(
        EmbeddedPostgresServer.startOrAttach(home), Database.PoolOptions.DEFAULT);
  }

  @Test
  void a_second_process_on_the_same_home_attaches_to_the_running_server_and_data_is_kept(
      @TempDir Path home) {
    try (Database first = open(home)) {
      first
          .jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "INSERT INTO symbols (symbol, name, exchange) VALUES ('KEEP', 'k', 'X')"));
      EmbeddedPostgresServer second = EmbeddedPostgresServer.startOrAttach(home);
      assertThat(second.ownsServer()).isFalse();
      try (Database attached = Database.openEmbedded(second, Database.PoolOptions.DEFAULT)) {
        assertThat(query(attached, "SELECT count(*)::text FROM symbols")).isEqualTo("1");
      }
      // closing the attached database did not stop the owner's server
      assertThat(query(first, "SELECT 'alive'")).isEqualTo("alive");
    }
    assertThat(EmbeddedPostgresServer.runningPort(home.resolve("pgdata"))).isEmpty();
    try (Database reopened = open(home)) {
      assertThat(query(reopened, "SELECT symbol FROM symbols")).isEqualTo("KEEP");
    }
  }

  @Test
  void a_starter_that_ends_first_hands_the_server_over_and_the_last_attached_process_stops_it(
      @TempDir Path home) {
    Database first = open(home);
    EmbeddedPostgresServer second = EmbeddedPostgresServer.startOrAttach(home);
    Database attached = Database.openEmbedded(second, Database.PoolOptions.DEFAULT);

    first.close(); // at once: no waiting for the attached process

    assertThat(query(attached, "SELECT 'still served'")).isEqualTo("still served");
    assertThat(EmbeddedPostgresServer.runningPort(home.resolve("pgdata"))).isPresent();
    // a third process attaches to the handed-over server, and its leaving stops nothing
    EmbeddedPostgresServer third = EmbeddedPostgresServer.startOrAttach(home);
    assertThat(third.ownsServer()).isFalse();
    Database.openEmbedded(third, Database.PoolOptions.DEFAULT).close();
    assertThat(query(attached, "SELECT 'still served'")).isEqualTo("still served");

    attached.close(); // the last one out stops it
    assertThat(EmbeddedPostgresServer.runningPort(home.resolve("pgdata"))).isEmpty();
  }

  @Test
  void an_attached_process_leaving_while_the_starter_runs_stops_nothing(@TempDir Path home) {
    try (Database first = open(home)) {
      Database.openEmbedded(
              EmbeddedPostgresServer.startOrAttach(home), Database.PoolOptions.DEFAULT)
          .close();
      assertThat(query(first, "SELECT 'alive'")).isEqualTo("alive");
    }
    assertThat(EmbeddedPostgresServer.runningPort(home.resolve("pgdata"))).isEmpty();
  }
}
