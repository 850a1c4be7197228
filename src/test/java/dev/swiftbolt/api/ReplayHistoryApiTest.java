package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.BackfillListener;
import dev.swiftbolt.marketdata.BarSchedule;
import dev.swiftbolt.marketdata.MarketDataService;
import dev.swiftbolt.marketdata.MarketDataSources;
import dev.swiftbolt.marketdata.TradingCalendar;
import dev.swiftbolt.ml.MlSettings;
import dev.swiftbolt.ml.UnifiedPredictionService;
import dev.swiftbolt.ml.registry.BarReader;
import dev.swiftbolt.replay.ReplayDay;
import dev.swiftbolt.replay.ReplayJson;
import dev.swiftbolt.replay.ReplayRepository;
import dev.swiftbolt.replay.ReplayService;
import dev.swiftbolt.replay.ReplaySummary;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A replay through the database: stored in its own tables only, deterministic across runs, and
 * served by {@code GET /api/v1/symbols/{symbol}/history}.
 */
class ReplayHistoryApiTest {
  static final LocalDate FROM = LocalDate.of(2025, 5, 1);
  static final LocalDate TO = LocalDate.of(2025, 6, 13);
  static final List<String> PRODUCTION_TABLES =
      List.of("models", "forecasts", "model_evaluations", "unified_predictions");

  static final int SESSIONS = TradingCalendar.nyse().sessions(FROM, TO).size();
  static final int HORIZON = MlSettings.defaults().labels().horizon(Timeframe.D1);

  private static ApiFixture api;
  private static ReplayService service;
  private static ReplayService.Outcome first;
  private static ReplayService.Outcome second;

  @BeforeAll
  static void replayTwice() {
    api = new ApiFixture();
    Clock clock = Clock.systemUTC();
    MarketDataService.withDefaults(api.database.jdbi(), clock)
        .backfill(
            List.of("AAPL"),
            EnumSet.of(Timeframe.D1, Timeframe.W1),
            Optional.of(LocalDate.of(2021, 1, 4)),
            Optional.of(TO.plusDays(10)),
            MarketDataSources.choose(
                Optional.of("sim"),
                Map.of(),
                new BarSchedule(TradingCalendar.nyse()),
                java.time.Clock.systemUTC()),
            BackfillListener.none());
    service =
        new ReplayService(
            api.database.jdbi(),
            BarReader.ohlcBars(api.database.jdbi()),
            MlSettings.defaults(),
            clock,
            2);
    ReplayService.Request request =
        new ReplayService.Request(List.of("AAPL"), FROM, Optional.of(TO), List.of(Timeframe.D1));
    first = service.replay(request, UnifiedPredictionService.DEFAULT_PRIMARY, () -> {});
    second = service.replay(request, UnifiedPredictionService.DEFAULT_PRIMARY, () -> {});
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static long count(String table) {
    return api.database
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
  }

  private static List<String> dayLines(ReplayService.Outcome outcome) {
    return outcome.results().get(0).days().stream().map(d -> ReplayJson.day(d).toString()).toList();
  }

  @Test
  void two_replays_of_the_same_bars_give_identical_day_lines_and_only_fill_the_replay_tables() {
    assertThat(first.results().get(0).error()).isEmpty();
    assertThat(dayLines(first)).hasSize(SESSIONS).isEqualTo(dayLines(second));
    assertThat(first.run().orElseThrow().id()).isNotEqualTo(second.run().orElseThrow().id());
    for (String table : PRODUCTION_TABLES) {
      assertThat(count(table)).as(table).isZero();
    }
    assertThat(count("replay_days")).isEqualTo(2L * SESSIONS);
    List<ReplayDay> stored =
        new ReplayRepository(api.database.jdbi()).days(first.run().orElseThrow().id(), "AAPL");
    assertThat(stored).isEqualTo(first.results().get(0).days());
  }

  @Test
  void history_serves_the_latest_run_s_day_objects_and_summary() {
    var reply = api.get("/api/v1/symbols/aapl/history?run=latest", "reader");
    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.get("run").get("id").asLong()).isEqualTo(second.run().orElseThrow().id());
    assertThat(body.get("run").get("from").asText()).isEqualTo(FROM.toString());
    List<String> days =
        body.get("days").findParents("kind").stream().map(JsonNode::toString).toList();
    assertThat(days).isEqualTo(dayLines(second));
    ReplaySummary summary = second.results().get(0).summary();
    assertThat(body.get("summary")).isEqualTo(ReplayJson.summary(summary));
    assertThat(summary.sessions()).isEqualTo(SESSIONS);
    // the last HORIZON sessions' forecasts end after TO, which is the last bar replayed
    assertThat(summary.resolved()).isEqualTo(SESSIONS - HORIZON);
  }

  @Test
  void history_of_an_earlier_run_by_id_and_refusals() {
    long id = first.run().orElseThrow().id();
    var reply = api.get("/api/v1/symbols/AAPL/history?run=" + id, "reader");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("run").get("id").asLong()).isEqualTo(id);
    var bad = api.get("/api/v1/symbols/AAPL/history?run=yesterday", "reader");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("run");
    var none = api.get("/api/v1/symbols/MSFT/history", "reader");
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.body()).contains("no_replay").contains("swiftbolt replay MSFT");
  }
}
