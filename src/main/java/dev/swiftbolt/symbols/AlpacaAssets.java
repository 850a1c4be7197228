package dev.swiftbolt.symbols;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swiftbolt.alpaca.AlpacaException;
import dev.swiftbolt.alpaca.AlpacaHttp;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Alpaca's trading API as an {@link AssetDirectory}: {@code GET {base}/v2/assets?status=active
 * &asset_class=us_equity} for the list (about 12,000 assets in one answer) and {@code GET
 * {base}/v2/assets/{symbol}} for one.
 *
 * <p>HTTP 429, 5xx and network errors are retried with exponential backoff and jitter
 * (resilience4j); 401/403 fails at once naming {@code APCA_API_KEY_ID}; a body that is not complete
 * JSON fails as a whole, so a truncated download never yields a partial list. An asset is an {@code
 * etf} when its name says ETF (Alpaca's asset has no fund flag), else an {@code equity}.
 * Thread-safe.
 */
public final class AlpacaAssets implements AssetDirectory {

  private static final Pattern ETF_NAME = Pattern.compile("(?i)\\bETFs?\\b");

  /** The fields SwiftBolt reads from one Alpaca asset. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record AlpacaAsset(
      String symbol, String name, String exchange, String status, Boolean tradable) {}

  private final AlpacaTradingSettings settings;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final Retry retry;

  public AlpacaAssets(AlpacaTradingSettings settings, HttpClient http) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.http = Objects.requireNonNull(http, "http");
    this.retry =
        Retry.of(
            "alpaca-assets",
            RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(
                    IntervalFunction.ofExponentialRandomBackoff(
                        settings.initialBackoff(), 2.0, 0.5, Duration.ofSeconds(30)))
                .retryOnException(e -> e instanceof AlpacaException a && a.retryable())
                .build());
  }

  /** A client with a default HTTP client. */
  public static AlpacaAssets of(AlpacaTradingSettings settings) {
    return new AlpacaAssets(
        settings, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
  }

  @Override
  public AssetList activeAssets() {
    URI uri = URI.create(base() + "/v2/assets?status=active&asset_class=us_equity");
    List<AlpacaAsset> raw =
        read(uri, get(uri).orElseThrow(() -> notFound(uri)), new TypeReference<>() {});
    List<Asset> assets = new ArrayList<>(raw.size());
    Map<String, Integer> unreadable = new LinkedHashMap<>();
    for (AlpacaAsset a : raw) {
      if (a == null || !SymbolCode.isValid(a.symbol())) {
        unreadable.merge("invalid_symbol", 1, Integer::sum);
        continue;
      }
      try {
        assets.add(toAsset(a));
      } catch (IllegalArgumentException e) {
        unreadable.merge("invalid_fields", 1, Integer::sum);
      }
    }
    return new AssetList(assets, unreadable);
  }

  @Override
  public Optional<Asset> find(String symbol) {
    String code = SymbolCode.normalize(symbol);
    URI uri = URI.create(base() + "/v2/assets/" + URLEncoder.encode(code, StandardCharsets.UTF_8));
    return get(uri)
        .map(body -> read(uri, body, new TypeReference<AlpacaAsset>() {}))
        .filter(a -> SymbolCode.isValid(a.symbol()))
        .map(AlpacaAssets::toAsset);
  }

  @Override
  public String description() {
    return "Alpaca's trading API at " + settings.baseUrl();
  }

  private static Asset toAsset(AlpacaAsset a) {
    String name = a.name() == null ? "" : a.name();
    return new Asset(
        a.symbol(),
        name,
        a.exchange(),
        ETF_NAME.matcher(name).find() ? AssetClass.ETF : AssetClass.EQUITY,
        "active".equalsIgnoreCase(a.status()),
        Boolean.TRUE.equals(a.tradable()));
  }

  private String base() {
    return settings.baseUrl().toString().replaceAll("/+$", "");
  }

  private <T> T read(URI uri, String body, TypeReference<T> type) {
    try {
      return json.readValue(body, type);
    } catch (JacksonException e) {
      throw new AlpacaException(
          "malformed JSON from Alpaca for %s (nothing was changed): %s"
              .formatted(uri.getPath(), e.getOriginalMessage()),
          200,
          false,
          Optional.empty(),
          e);
    }
  }

  private AlpacaException notFound(URI uri) {
    return new AlpacaException(
        "Alpaca answered HTTP 404 for %s; check APCA_API_BASE_URL (%s)"
            .formatted(uri.getPath(), settings.baseUrl()),
        404,
        false,
        Optional.empty(),
        null);
  }

  /** The body of a 200 answer; empty for a 404. */
  private Optional<String> get(URI uri) {
    return Retry.decorateSupplier(retry, () -> send(uri)).get();
  }

  private Optional<String> send(URI uri) {
    HttpResponse<String> response =
        AlpacaHttp.get(
            http,
            uri,
            settings.keyId(),
            settings.secretKey(),
            settings.requestTimeout(),
            settings.baseUrl());
    int status = response.statusCode();
    if (status == 200) {
      return Optional.of(response.body());
    }
    if (status == 404) {
      return Optional.empty();
    }
    if (status == 401 || status == 403) {
      throw new AlpacaException(
          ("Alpaca's trading API at %s refused the keys (HTTP %d: %s): check APCA_API_KEY_ID and"
                  + " APCA_API_SECRET_KEY, and that APCA_API_BASE_URL matches them (paper keys:"
                  + " %s, live keys: https://api.alpaca.markets)")
              .formatted(
                  settings.baseUrl(),
                  status,
                  abbreviate(response.body()),
                  AlpacaTradingSettings.DEFAULT_BASE_URL),
          status,
          false,
          Optional.empty(),
          null);
    }
    throw new AlpacaException(
        "Alpaca answered HTTP %d for %s: %s"
            .formatted(status, uri.getPath(), abbreviate(response.body())),
        status,
        status == 429 || status >= 500,
        Optional.empty(),
        null);
  }

  private static String abbreviate(String body) {
    String text = body == null ? "" : body.strip();
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
