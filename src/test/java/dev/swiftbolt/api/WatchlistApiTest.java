package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every watchlist route with two users: each sees and changes only their own watchlist. */
class WatchlistApiTest {

  private static ApiFixture api;

  @BeforeAll
  static void start() {
    api = new ApiFixture();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static List<String> symbolsOf(String user) {
    var reply = api.get("/api/v1/watchlist", user);
    assertThat(reply.status()).isEqualTo(200);
    List<String> symbols = new ArrayList<>();
    reply.json().get("symbols").forEach(e -> symbols.add(e.get("symbol").asText()));
    return symbols;
  }

  @Test
  void adding_a_symbol_answers_202_added_and_backfilling_with_its_jobs() {
    var reply = api.post("/api/v1/watchlist", "ann", "{\"symbol\":\"aapl\"}");
    assertThat(reply.status()).isEqualTo(202);
    JsonNode body = reply.json();
    assertThat(body.get("message").asText()).isEqualTo("Added and backfilling AAPL…");
    assertThat(body.get("added").asBoolean()).isTrue();
    List<String> types = new ArrayList<>();
    body.get("jobs").forEach(j -> types.add(j.get("job_type").asText()));
    assertThat(types).containsExactly("backfill", "forecast");
    assertThat(body.get("jobs").get(0).get("status").asText()).isEqualTo("queued");
    assertThat(symbolsOf("ann")).containsExactly("AAPL");
  }

  @Test
  void two_users_see_only_their_own_watchlists() {
    api.post("/api/v1/watchlist", "u1-list", "{\"symbol\":\"MSFT\"}");
    api.post("/api/v1/watchlist", "u2-list", "{\"symbol\":\"NVDA\"}");
    assertThat(symbolsOf("u1-list")).containsExactly("MSFT");
    assertThat(symbolsOf("u2-list")).containsExactly("NVDA");
  }

  @Test
  void a_second_user_adding_the_same_symbol_gets_their_own_row_and_no_duplicate_jobs() {
    var first = api.post("/api/v1/watchlist", "u1-same", "{\"symbol\":\"AMD\"}");
    var second = api.post("/api/v1/watchlist", "u2-same", "{\"symbol\":\"AMD\"}");
    assertThat(second.status()).isEqualTo(202);
    assertThat(second.json().get("added").asBoolean()).isTrue();
    assertThat(second.json().get("jobs").size()).isEqualTo(first.json().get("jobs").size());
    assertThat(second.json().get("jobs").get(0).get("id").asLong())
        .isEqualTo(first.json().get("jobs").get(0).get("id").asLong());
    assertThat(symbolsOf("u1-same")).containsExactly("AMD");
    assertThat(symbolsOf("u2-same")).containsExactly("AMD");
  }

  @Test
  void adding_twice_says_already_on_the_watchlist() {
    api.post("/api/v1/watchlist", "twice", "{\"symbol\":\"TSLA\"}");
    var again = api.post("/api/v1/watchlist", "twice", "{\"symbol\":\"TSLA\"}");
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.json().get("added").asBoolean()).isFalse();
    assertThat(again.json().get("message").asText()).contains("already on the watchlist");
  }

  @Test
  void a_user_cannot_delete_a_symbol_from_another_users_watchlist() {
    api.post("/api/v1/watchlist", "owner", "{\"symbol\":\"META\"}");
    var intruder = api.delete("/api/v1/watchlist/META", "intruder");
    assertThat(intruder.status()).isEqualTo(404);
    assertThat(intruder.json().get("error").asText()).isEqualTo("not_on_watchlist");
    assertThat(symbolsOf("owner")).containsExactly("META");

    var own = api.delete("/api/v1/watchlist/meta", "owner");
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().get("message").asText()).isEqualTo("Removed META from your watchlist");
    assertThat(symbolsOf("owner")).isEmpty();
  }

  @Test
  void jobs_without_a_symbol_cover_only_the_callers_watchlist() {
    api.post("/api/v1/watchlist", "jobs-a", "{\"symbol\":\"GOOGL\"}");
    api.post("/api/v1/watchlist", "jobs-b", "{\"symbol\":\"CRWD\"}");
    List<String> seenByA = new ArrayList<>();
    api.get("/api/v1/jobs", "jobs-a")
        .json()
        .get("jobs")
        .forEach(j -> seenByA.add(j.get("symbol").asText()));
    assertThat(seenByA).isNotEmpty().containsOnly("GOOGL");
    List<String> seenByB = new ArrayList<>();
    api.get("/api/v1/jobs", "jobs-b")
        .json()
        .get("jobs")
        .forEach(j -> seenByB.add(j.get("symbol").asText()));
    assertThat(seenByB).isNotEmpty().containsOnly("CRWD");
    assertThat(api.get("/api/v1/jobs", "nobody").json().get("jobs").size()).isZero();
  }

  @Test
  void jobs_of_one_symbol_are_filtered_by_status_and_limited() {
    api.post("/api/v1/watchlist", "filter", "{\"symbol\":\"AAPL\"}");
    var queued = api.get("/api/v1/jobs?symbol=AAPL&status=queued&limit=1", "filter");
    assertThat(queued.status()).isEqualTo(200);
    assertThat(queued.json().get("jobs").size()).isEqualTo(1);
    assertThat(queued.json().get("jobs").get(0).get("status").asText()).isEqualTo("queued");
    var dead = api.get("/api/v1/jobs?symbol=AAPL&status=dead", "filter");
    assertThat(dead.json().get("jobs").size()).isZero();
  }

  @Test
  void the_symbols_registry_lists_the_eight_core_symbols() {
    var reply = api.getPublic("/api/v1/symbols");
    List<String> symbols = new ArrayList<>();
    reply.json().forEach(s -> symbols.add(s.get("symbol").asText()));
    assertThat(symbols)
        .containsExactly("AAPL", "AMD", "CRWD", "GOOGL", "META", "MSFT", "NVDA", "TSLA");
  }

  @Test
  void health_reports_the_database() {
    var reply = api.getPublic("/api/v1/health");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("status").asText()).isEqualTo("ok");
    assertThat(reply.json().get("database").asText()).isEqualTo("ok");
  }
}
