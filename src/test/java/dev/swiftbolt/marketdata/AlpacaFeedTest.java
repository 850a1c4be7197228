package dev.swiftbolt.marketdata;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.swiftbolt.alpaca.AlpacaAuthenticationException;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.jobs.Eventually;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.symbols.SymbolRepository;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which Alpaca feed each request names, and the request budget. */
class AlpacaFeedTest {

  private static final String PATH = "/v2/stocks/AAPL/bars";
  private static final BarSchedule SCHEDULE = new BarSchedule(TradingCalendar.nyse());
  private static final Instant NOW = Instant.parse("2024-01-03T15:00:00Z");
  private static final String EMPTY = "{\"bars\":[],\"symbol\":\"AAPL\",\"next_page_token\":null}";

  private static WireMockServer alpaca;

  @BeforeAll
  static void start() {
    alpaca = new WireMockServer(options().dynamicPort());
    alpaca.start();
  }

  @AfterAll
  static void stop() {
    alpaca.stop();
  }

  @BeforeEach
  void reset() {
    alpaca.resetAll();
  }

  private static Map<String, String> env(String... more) {
    Map<String, String> env = new java.util.HashMap<>();
    env.put("APCA_API_KEY_ID", "key");
    env.put("APCA_API_SECRET_KEY", "secret");
    env.put("APCA_API_DATA_URL", alpaca.baseUrl());
    for (int i = 0; i < more.length; i += 2) {
      env.put(more[i], more[i + 1]);
    }
    return env;
  }

  private static AlpacaBarSource source(AlpacaSettings settings) {
    return new AlpacaBarSource(
        settings.withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)),
        HttpClient.newHttpClient(),
        SCHEDULE,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static List<String> feeds() {
    return alpaca.findAll(getRequestedFor(urlPathEqualTo(PATH))).stream()
        .map(r -> feedAndStart(r))
        .toList();
  }

  private static String feedAndStart(LoggedRequest r) {
    return r.queryParameter("feed").firstValue() + "@" + r.queryParameter("start").firstValue();
  }

  @Test
  void history_is_requested_from_sip_and_the_last_15_minutes_fall_back_to_iex_once() {
    alpaca.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("feed", equalTo("sip"))
            .withQueryParam("start", equalTo("2024-01-03T14:45:00Z"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody(
                        "{\"message\":\"subscription does not permit querying recent SIP data\"}")));
    alpaca.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("feed", equalTo("sip"))
            .withQueryParam("start", equalTo("2024-01-03T14:30:00Z"))
            .willReturn(okJson(EMPTY)));
    alpaca.stubFor(
        get(urlPathEqualTo(PATH)).withQueryParam("feed", equalTo("iex")).willReturn(okJson(EMPTY)));
    AlpacaBarSource source = source(AlpacaSettings.fromEnvironment(env()).orElseThrow());
    Instant from = Instant.parse("2024-01-03T14:30:00Z");

    source.fetch("AAPL", Timeframe.M15, from, NOW);
    source.fetch("AAPL", Timeframe.M15, from, NOW);

    assertThat(feeds())
        .containsExactlyInAnyOrder(
            "sip@2024-01-03T14:30:00Z",
            "sip@2024-01-03T14:45:00Z",
            "iex@2024-01-03T14:45:00Z",
            // the second fetch knows the plan: recent bars straight from IEX
            "sip@2024-01-03T14:30:00Z",
            "iex@2024-01-03T14:45:00Z");
    alpaca.verify(
        2,
        getRequestedFor(urlPathEqualTo(PATH))
            .withQueryParam("feed", equalTo("sip"))
            .withQueryParam("end", equalTo("2024-01-03T14:45:00Z")));
  }

  @Test
  void apca_data_feed_overrides_both_and_a_refusal_is_not_fallen_back_from() {
    alpaca.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("start", equalTo("2024-01-03T14:45:00Z"))
            .willReturn(aResponse().withStatus(403).withBody("{\"message\":\"forbidden\"}")));
    alpaca.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("start", equalTo("2024-01-03T14:30:00Z"))
            .willReturn(okJson(EMPTY)));
    AlpacaSettings settings =
        AlpacaSettings.fromEnvironment(env("APCA_DATA_FEED", "iex")).orElseThrow();
    assertThat(settings.feed()).isEqualTo("iex");
    assertThat(settings.recentFeed()).isEqualTo("iex");

    assertThatThrownBy(
            () ->
                source(settings)
                    .fetch("AAPL", Timeframe.M15, Instant.parse("2024-01-03T14:30:00Z"), NOW))
        .isInstanceOf(AlpacaAuthenticationException.class);
    assertThat(feeds()).containsExactly("iex@2024-01-03T14:30:00Z", "iex@2024-01-03T14:45:00Z");
  }

  @Test
  void a_backfill_of_history_asks_for_sip_only() {
    alpaca.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(EMPTY)));
    try (Database db = TestDatabase.create()) {
      new SymbolRepository(db.jdbi()).seed();
      MarketDataService service =
          new MarketDataService(
              db.jdbi(),
              SCHEDULE,
              Clock.fixed(NOW, ZoneOffset.UTC),
              BackfillSettings.DEFAULT.withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)),
              QualityThresholds.DEFAULT);
      List<SymbolLoad> loads =
          service.backfill(
              List.of("AAPL"),
              EnumSet.of(Timeframe.M15, Timeframe.D1),
              Optional.of(LocalDate.of(2023, 12, 1)),
              Optional.of(LocalDate.of(2023, 12, 29)),
              new LabelledSource(
                  "alpaca", source(AlpacaSettings.fromEnvironment(env()).orElseThrow()), "test"),
              BackfillListener.none());
      assertThat(loads.get(0).succeeded()).as(loads.get(0).error().orElse("")).isTrue();
    }
    assertThat(feeds()).hasSize(2).allMatch(f -> f.startsWith("sip@"));
  }

  @Test
  void the_request_budget_comes_from_apca_rate_limit_per_min_and_is_validated() {
    assertThat(AlpacaSettings.fromEnvironment(env()).orElseThrow().requestsPerMinute())
        .isEqualTo(200);
    assertThat(
            AlpacaSettings.fromEnvironment(env("APCA_RATE_LIMIT_PER_MIN", "1000"))
                .orElseThrow()
                .requestsPerMinute())
        .isEqualTo(1000);
    for (String bad : List.of("0", "-5", "fast", "1.5")) {
      assertThatThrownBy(() -> AlpacaSettings.fromEnvironment(env("APCA_RATE_LIMIT_PER_MIN", bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("APCA_RATE_LIMIT_PER_MIN")
          .hasMessageContaining(bad);
    }
  }

  @Test
  void the_rate_limiter_lets_through_only_the_configured_requests_per_minute() throws Exception {
    // every page points to a next one: only the budget stops the requests
    alpaca.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(okJson("{\"bars\":[],\"symbol\":\"AAPL\",\"next_page_token\":\"more\"}")));
    AlpacaBarSource source =
        source(AlpacaSettings.fromEnvironment(env("APCA_RATE_LIMIT_PER_MIN", "3")).orElseThrow());
    Thread fetcher =
        new Thread(
            () -> {
              try {
                source.fetch(
                    "AAPL",
                    Timeframe.D1,
                    Instant.parse("2023-01-01T00:00:00Z"),
                    Instant.parse("2023-12-31T00:00:00Z"));
              } catch (RuntimeException stoppedWithTheServer) {
                // the limiter's wait outlives the test
              }
            });
    fetcher.setDaemon(true);
    fetcher.start();
    // three requests went out and the fourth waits in the limiter for the next minute's permits
    Eventually.await(
        "three requests, then the fetcher held by the rate limiter",
        Duration.ofSeconds(10),
        () ->
            alpaca.findAll(getRequestedFor(urlPathEqualTo(PATH))).size() >= 3
                && heldByRateLimiter(fetcher));
    assertThat(alpaca.findAll(getRequestedFor(urlPathEqualTo(PATH)))).hasSize(3);
    fetcher.interrupt();
  }

  /** Whether {@code thread} is parked inside resilience4j's rate limiter, waiting for a permit. */
  private static boolean heldByRateLimiter(Thread thread) {
    return thread.getState() == Thread.State.TIMED_WAITING
        && java.util.Arrays.stream(thread.getStackTrace())
            .anyMatch(f -> f.getClassName().startsWith("io.github.resilience4j.ratelimiter."));
  }
}
