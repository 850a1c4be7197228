package dev.swiftbolt.symbols;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fake Alpaca trading API on WireMock: {@code GET /v2/assets?status=active&asset_class=us_equity}
 * answers a generated list of about 12,000 assets in Alpaca's shape plus realistic ones, and {@code
 * GET /v2/assets/{symbol}} answers single assets. Public so that benchmarks can reuse it.
 */
public final class FakeAlpacaAssets implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] EXCHANGES = {"NASDAQ", "NYSE", "ARCA", "BATS", "AMEX"};
  private static final String[] WORDS = {
    "Global", "Industries", "Holdings", "Energy", "Therapeutics", "Bancorp", "Capital",
    "Technologies", "Resources", "Pharmaceuticals", "Systems", "Realty", "Networks", "Foods"
  };

  /** The realistic assets every generated list carries, as Alpaca describes them. */
  public static final List<Map<String, Object>> REALISTIC =
      List.of(
          asset("AAPL", "Apple Inc. Common Stock", "NASDAQ", "active", true),
          asset("BRK.B", "Berkshire Hathaway Inc. Class B", "NYSE", "active", true),
          asset("SPY", "SPDR S&P 500 ETF Trust", "ARCA", "active", true),
          asset("SCGLY", "Société Générale Société anonyme Unsponsored ADR", "OTC", "active", true),
          asset("NSRGY", "Nestlé S.A. Sponsored ADR", "OTC", "active", true),
          asset("ORCL", "Oracle Corporation Common Stock", "NYSE", "active", true),
          asset("DEADCO", "Dead Company Inc.", "NYSE", "inactive", true),
          asset("NOTRADE", "Not Tradable Holdings Inc.", "NASDAQ", "active", false));

  /** Generated plus realistic, registrable (active and tradable) assets. */
  public static final int REGISTRABLE_REALISTIC = 6;

  private final WireMockServer server = new WireMockServer(options().dynamicPort());

  public FakeAlpacaAssets() {
    server.start();
  }

  public WireMockServer server() {
    return server;
  }

  public URI baseUrl() {
    return URI.create(server.baseUrl());
  }

  /** Settings for this server with tiny retry waits. */
  public AlpacaTradingSettings settings() {
    return AlpacaTradingSettings.of(baseUrl(), "key", "secret").withBackoff(Duration.ofMillis(1));
  }

  /** A client of this server. */
  public AlpacaAssets client() {
    return AlpacaAssets.of(settings());
  }

  /** The environment variables that point SwiftBolt at this server. */
  public Map<String, String> environment() {
    return Map.of(
        "APCA_API_KEY_ID", "key",
        "APCA_API_SECRET_KEY", "secret",
        "APCA_API_BASE_URL", server.baseUrl());
  }

  /** {@code count} generated assets: X + four letters, e.g. XAAAB, "Xaaab Global Holdings". */
  public static List<Map<String, Object>> generated(int count) {
    List<Map<String, Object>> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String code = "X" + letters(i);
      String name =
          code.charAt(0)
              + code.substring(1).toLowerCase(Locale.ROOT)
              + " "
              + WORDS[i % WORDS.length]
              + " "
              + WORDS[(i / WORDS.length) % WORDS.length]
              + " Inc.";
      list.add(asset(code, name, EXCHANGES[i % EXCHANGES.length], "active", true));
    }
    return list;
  }

  /** Serves {@code assets} as the active list. */
  public void serveList(List<Map<String, Object>> assets) {
    server.stubFor(
        get(urlPathEqualTo("/v2/assets"))
            .withQueryParam("status", equalTo("active"))
            .withQueryParam("asset_class", equalTo("us_equity"))
            .willReturn(okJson(json(assets))));
  }

  /** Serves the list of {@code generated} assets plus {@link #REALISTIC}. */
  public List<Map<String, Object>> serveGeneratedList(int generated) {
    List<Map<String, Object>> all = new ArrayList<>(generated(generated));
    all.addAll(REALISTIC);
    serveList(all);
    return all;
  }

  /** Serves one asset at {@code /v2/assets/{symbol}}. */
  public void serveOne(Map<String, Object> asset) {
    server.stubFor(
        get(urlPathEqualTo("/v2/assets/" + asset.get("symbol")))
            .willReturn(okJson(JSON.valueToTree(new java.util.TreeMap<>(asset)).toString())));
  }

  /** Answers {@code status} with {@code body} for the list. */
  public void failList(int status, String body) {
    server.stubFor(
        get(urlPathEqualTo("/v2/assets"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  public static Map<String, Object> asset(
      String symbol, String name, String exchange, String status, boolean tradable) {
    return Map.of(
        "id", java.util.UUID.nameUUIDFromBytes(symbol.getBytes()).toString(),
        "class", "us_equity",
        "exchange", exchange,
        "symbol", symbol,
        "name", name,
        "status", status,
        "tradable", tradable,
        "marginable", tradable,
        "fractionable", tradable,
        "attributes", List.of());
  }

  public static String json(List<Map<String, Object>> assets) {
    ArrayNode array = JSON.createArrayNode();
    for (Map<String, Object> a : assets) {
      ObjectNode node = JSON.valueToTree(new java.util.TreeMap<>(a));
      array.add(node);
    }
    return array.toString();
  }

  private static String letters(int i) {
    char[] c = new char[4];
    for (int k = 3; k >= 0; k--) {
      c[k] = (char) ('A' + i % 26);
      i /= 26;
    }
    return new String(c);
  }

  @Override
  public void close() {
    server.stop();
  }
}
