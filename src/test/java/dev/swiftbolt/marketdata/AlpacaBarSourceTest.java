package dev.swiftbolt.marketdata;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.swiftbolt.alpaca.AlpacaAuthenticationException;
import dev.swiftbolt.alpaca.AlpacaException;
import dev.swiftbolt.market.Timeframe;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlpacaBarSourceTest {

  private static final String PATH = "/v2/stocks/AAPL/bars";
  private static final Instant FROM = Instant.parse("2024-01-02T00:00:00Z");
  private static final Instant TO = Instant.parse("2024-01-04T00:00:00Z");

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

  private AlpacaBarSource source() {
    AlpacaSettings settings =
        AlpacaSettings.of(URI.create(alpaca.baseUrl()), "key-id", "secret")
            .withBackoff(Duration.ofMillis(1), Duration.ofMillis(20));
    return new AlpacaBarSource(
        settings,
        HttpClient.newHttpClient(),
        new BarSchedule(TradingCalendar.nyse()),
        java.time.Clock.systemUTC());
  }

  private static String bar(String t, double o, double h, double l, double c, long v) {
    return String.format(
        java.util.Locale.ROOT,
        "{\"t\":\"%s\",\"o\":%s,\"h\":%s,\"l\":%s,\"c\":%s,\"v\":%d,\"n\":120,\"vw\":%s}",
        t,
        o,
        h,
        l,
        c,
        v,
        (h + l) / 2);
  }

  private static String page(String token, String... bars) {
    return "{\"bars\":["
        + String.join(",", bars)
        + "],\"symbol\":\"AAPL\",\"next_page_token\":"
        + (token == null ? "null" : "\"" + token + "\"")
        + "}";
  }

  @Test
  void follows_next_page_token_to_the_last_page_sending_keys_and_parameters() {
    alpaca.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("page_token", absent())
            .willReturn(
                okJson(
                    page(
                        "page2",
                        bar("2024-01-02T14:30:00Z", 187.15, 188.44, 186.9, 187.2, 1_000_000)))));
    alpaca.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("page_token", equalTo("page2"))
            .willReturn(
                okJson(page(null, bar("2024-01-02T14:45:00Z", 187.2, 187.5, 186.0, 186.1, 500)))));

    List<Bar> bars = source().fetch("AAPL", Timeframe.M15, FROM, TO);

    assertThat(bars)
        .containsExactly(
            new Bar(Instant.parse("2024-01-02T14:30:00Z"), 187.15, 188.44, 186.9, 187.2, 1_000_000),
            new Bar(Instant.parse("2024-01-02T14:45:00Z"), 187.2, 187.5, 186.0, 186.1, 500));
    alpaca.verify(
        2,
        getRequestedFor(urlPathEqualTo(PATH))
            .withHeader("APCA-API-KEY-ID", equalTo("key-id"))
            .withHeader("APCA-API-SECRET-KEY", equalTo("secret"))
            .withQueryParam("timeframe", equalTo("15Min"))
            .withQueryParam("start", equalTo("2024-01-02T00:00:00Z"))
            .withQueryParam("end", equalTo("2024-01-04T00:00:00Z"))
            .withQueryParam("limit", equalTo("10000"))
            .withQueryParam("adjustment", equalTo("split"))
            .withQueryParam("feed", equalTo("sip")));
  }

  @Test
  void retries_after_429_honouring_retry_after_then_succeeds() {
    alpaca.stubFor(
        get(urlPathEqualTo(PATH))
            .inScenario("rate")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0"))
            .willSetStateTo("second"));
    alpaca.stubFor(
        get(urlPathEqualTo(PATH))
            .inScenario("rate")
            .whenScenarioStateIs("second")
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("ok"));
    alpaca.stubFor(
        get(urlPathEqualTo(PATH))
            .inScenario("rate")
            .whenScenarioStateIs("ok")
            .willReturn(okJson(page(null, bar("2024-01-02T05:00:00Z", 10, 11, 9, 10.5, 100)))));

    List<Bar> bars = source().fetch("AAPL", Timeframe.D1, FROM, TO);

    // the daily bar stamped at midnight New York moves to 09:30 New York (14:30 UTC in January)
    assertThat(bars)
        .containsExactly(new Bar(Instant.parse("2024-01-02T14:30:00Z"), 10, 11, 9, 10.5, 100));
    alpaca.verify(3, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void gives_up_after_max_attempts_of_server_errors() {
    alpaca.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)));
    assertThatThrownBy(() -> source().fetch("AAPL", Timeframe.D1, FROM, TO))
        .isInstanceOf(AlpacaException.class)
        .hasMessageContaining("HTTP 500");
    alpaca.verify(5, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void refused_credentials_name_the_key_variable_and_are_not_retried(int status) {
    alpaca.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                aResponse().withStatus(status).withBody("{\"message\":\"unauthorized.\"}")));
    assertThatThrownBy(() -> source().fetch("AAPL", Timeframe.D1, FROM, TO))
        .isInstanceOf(AlpacaAuthenticationException.class)
        .hasMessageContaining("APCA_API_KEY_ID");
    alpaca.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void malformed_json_is_an_error_naming_alpaca() {
    alpaca.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"bars\":[{\"t\":")));
    assertThatThrownBy(() -> source().fetch("AAPL", Timeframe.D1, FROM, TO))
        .isInstanceOf(AlpacaException.class)
        .hasMessageContaining("malformed JSON from Alpaca");
    alpaca.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void extended_hours_quarter_hours_are_dropped_and_null_bars_mean_none() {
    alpaca.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("page_token", absent())
            .willReturn(
                okJson(
                    page(
                        "p2",
                        bar("2024-01-02T09:00:00Z", 1, 1, 1, 1, 1), // 04:00 New York, pre-market
                        bar("2024-01-02T14:30:00Z", 2, 2, 2, 2, 2)))));
    alpaca.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("page_token", equalTo("p2"))
            .willReturn(okJson("{\"bars\":null,\"symbol\":\"AAPL\",\"next_page_token\":null}")));
    assertThat(source().fetch("AAPL", Timeframe.M15, FROM, TO))
        .extracting(Bar::ts)
        .containsExactly(Instant.parse("2024-01-02T14:30:00Z"));
  }

  @Test
  void settings_come_from_the_environment_only_when_both_keys_are_set() {
    assertThat(AlpacaSettings.fromEnvironment(Map.of("APCA_API_KEY_ID", "k"))).isEmpty();
    AlpacaSettings s =
        AlpacaSettings.fromEnvironment(
                Map.of(
                    "APCA_API_KEY_ID", "k",
                    "APCA_API_SECRET_KEY", "s",
                    "APCA_API_DATA_URL", "http://localhost:1234"))
            .orElseThrow();
    assertThat(s.dataUrl()).isEqualTo(URI.create("http://localhost:1234"));
    assertThat(s.toString()).doesNotContain("s]").doesNotContain("secret");
    assertThat(
            AlpacaSettings.fromEnvironment(
                    Map.of("APCA_API_KEY_ID", "k", "APCA_API_SECRET_KEY", "s"))
                .orElseThrow()
                .dataUrl())
        .isEqualTo(URI.create("https://data.alpaca.markets"));
  }
}
