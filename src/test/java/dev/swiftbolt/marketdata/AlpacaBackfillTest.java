package dev.swiftbolt.marketdata;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.symbols.SymbolRepository;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The backfill from a fake Alpaca into the real database. */
class AlpacaBackfillTest {

  private static Database db;
  private static WireMockServer alpaca;
  private static final BarSchedule SCHEDULE = new BarSchedule(TradingCalendar.nyse());

  @BeforeAll
  static void start() {
    db = TestDatabase.create();
    new SymbolRepository(db.jdbi()).seed();
    alpaca = new WireMockServer(options().dynamicPort());
    alpaca.start();
  }

  @AfterAll
  static void stop() {
    alpaca.stop();
    db.close();
  }

  private static LabelledSource alpacaSource() {
    AlpacaSettings settings =
        AlpacaSettings.of(URI.create(alpaca.baseUrl()), "key", "secret")
            .withBackoff(Duration.ofMillis(1), Duration.ofMillis(5));
    return new LabelledSource(
        "alpaca",
        new AlpacaBarSource(
            settings, HttpClient.newHttpClient(), SCHEDULE, java.time.Clock.systemUTC()),
        "test");
  }

  private static MarketDataService service() {
    return new MarketDataService(
        db.jdbi(),
        SCHEDULE,
        Clock.fixed(Instant.parse("2024-01-08T12:00:00Z"), ZoneOffset.UTC),
        BackfillSettings.DEFAULT.withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)),
        QualityThresholds.DEFAULT);
  }

  @Test
  void alpaca_daily_bars_are_stored_at_the_new_york_open_with_their_week() {
    // Alpaca stamps daily bars at midnight New York (05:00 UTC in winter)
    alpaca.stubFor(
        get(urlPathEqualTo("/v2/stocks/NVDA/bars"))
            .willReturn(
                okJson(
                    "{\"bars\":["
                        + "{\"t\":\"2024-01-02T05:00:00Z\",\"o\":49.24,\"h\":49.3,\"l\":47.6,\"c\":48.17,\"v\":411254900,\"n\":1,\"vw\":48.2},"
                        + "{\"t\":\"2024-01-03T05:00:00Z\",\"o\":47.49,\"h\":48.18,\"l\":47.32,\"c\":47.57,\"v\":320896400,\"n\":1,\"vw\":47.6},"
                        + "{\"t\":\"2024-01-04T05:00:00Z\",\"o\":47.77,\"h\":48.5,\"l\":47.51,\"c\":47.99,\"v\":306535400,\"n\":1,\"vw\":48.0},"
                        + "{\"t\":\"2024-01-05T05:00:00Z\",\"o\":48.46,\"h\":49.55,\"l\":48.31,\"c\":49.1,\"v\":415039900,\"n\":1,\"vw\":49.0}"
                        + "],\"symbol\":\"NVDA\",\"next_page_token\":null}")));

    List<SymbolLoad> loads =
        service()
            .backfill(
                List.of("NVDA"),
                EnumSet.of(Timeframe.W1),
                Optional.of(LocalDate.of(2024, 1, 1)),
                Optional.of(LocalDate.of(2024, 1, 5)),
                alpacaSource(),
                BackfillListener.none());

    assertThat(loads.get(0).error()).isEmpty();
    List<StoredBar> d1 = service().bars("NVDA", Timeframe.D1, Optional.empty(), Optional.empty());
    assertThat(d1).extracting(StoredBar::source).containsOnly("alpaca");
    assertThat(d1.get(0).bar().ts()).isEqualTo(Instant.parse("2024-01-02T14:30:00Z"));
    assertThat(service().bars("NVDA", Timeframe.W1, Optional.empty(), Optional.empty()))
        .containsExactly(
            new StoredBar(
                new Bar(
                    Instant.parse("2024-01-02T14:30:00Z"),
                    49.24,
                    49.55,
                    47.32,
                    49.1,
                    411254900.0 + 320896400 + 306535400 + 415039900),
                "alpaca"));
  }

  @Test
  void rejected_keys_fail_the_symbol_with_a_message_naming_the_key_variable() {
    alpaca.stubFor(
        get(urlPathEqualTo("/v2/stocks/TSLA/bars"))
            .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"unauthorized.\"}")));
    List<SymbolLoad> loads =
        service()
            .backfill(
                List.of("TSLA"),
                EnumSet.of(Timeframe.D1),
                Optional.empty(),
                Optional.empty(),
                alpacaSource(),
                BackfillListener.none());
    assertThat(loads.get(0).succeeded()).isFalse();
    assertThat(loads.get(0).attempts()).isEqualTo(1);
    assertThat(loads.get(0).error().orElseThrow()).contains("APCA_API_KEY_ID").contains("401");
  }
}
