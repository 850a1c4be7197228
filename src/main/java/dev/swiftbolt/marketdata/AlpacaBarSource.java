package dev.swiftbolt.marketdata;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.swiftbolt.alpaca.AlpacaAuthenticationException;
import dev.swiftbolt.alpaca.AlpacaException;
import dev.swiftbolt.alpaca.AlpacaHttp;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.internal.AlpacaBarsPage;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bars from Alpaca's market-data API v2, {@code GET {base}/v2/stocks/{symbol}/bars}, following
 * {@code next_page_token} to the last page.
 *
 * <p>Every request passes a resilience4j rate limiter ({@link AlpacaSettings#requestsPerMinute()})
 * and a retry: HTTP 429, 5xx and network errors are retried with exponential backoff and jitter,
 * waiting the server's {@code Retry-After} (seconds) instead when given, never longer than {@link
 * AlpacaSettings#maxBackoff()}. HTTP 401/403 throws {@link AlpacaAuthenticationException} at once;
 * other failures and malformed bodies throw {@link AlpacaException}.
 *
 * <p>Canonical form: Alpaca's bars include extended hours and its daily bars start at midnight New
 * York, so M15 bars outside the regular session (or off the 15-minute grid) are dropped and D1/W1
 * bars are moved to the 09:30 open of their New York date. Alpaca's H1/H4 bars are clock-hour
 * aligned, unlike SwiftBolt's session-anchored buckets; the backfill therefore fetches M15 and D1
 * only and resamples the rest. Thread-safe.
 */
public final class AlpacaBarSource implements BarSource {

  private static final Logger log = LoggerFactory.getLogger(AlpacaBarSource.class);

  private static final Map<Timeframe, String> TIMEFRAMES =
      Map.of(
          Timeframe.M15, "15Min",
          Timeframe.H1, "1Hour",
          Timeframe.H4, "4Hour",
          Timeframe.D1, "1Day",
          Timeframe.W1, "1Week");

  private final AlpacaSettings settings;
  private final HttpClient http;
  private final BarSchedule schedule;
  private final ObjectMapper json;
  private final RateLimiter rateLimiter;
  private final Retry retry;
  private final Clock clock;
  private final AtomicBoolean recentFromIex = new AtomicBoolean();

  /**
   * A source reading "now" from {@code clock}: bars that opened within {@link
   * AlpacaSettings#RECENT_WINDOW} before it are requested with {@link AlpacaSettings#recentFeed()},
   * older ones with {@link AlpacaSettings#feed()}.
   */
  public AlpacaBarSource(
      AlpacaSettings settings, HttpClient http, BarSchedule schedule, Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.http = Objects.requireNonNull(http, "http");
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    this.rateLimiter =
        RateLimiter.of(
            "alpaca",
            RateLimiterConfig.custom()
                .limitForPeriod(settings.requestsPerMinute())
                .limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ofMinutes(2))
                .build());
    IntervalFunction backoff =
        IntervalFunction.ofExponentialRandomBackoff(
            settings.initialBackoff(), 2.0, 0.5, settings.maxBackoff());
    long maxWaitMillis = settings.maxBackoff().toMillis();
    IntervalBiFunction<Object> interval =
        (attempt, outcome) -> {
          if (outcome.isLeft() && outcome.getLeft() instanceof AlpacaException) {
            Optional<Duration> after = ((AlpacaException) outcome.getLeft()).retryAfter();
            if (after.isPresent()) {
              return Math.min(after.get().toMillis(), maxWaitMillis);
            }
          }
          return backoff.apply(attempt);
        };
    this.retry =
        Retry.of(
            "alpaca",
            RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalBiFunction(interval)
                .retryOnException(
                    e -> e instanceof AlpacaException && ((AlpacaException) e).retryable())
                .build());
  }

  /**
   * {@inheritDoc}
   *
   * <p>The part of {@code [from, to)} older than {@link AlpacaSettings#RECENT_WINDOW} is requested
   * with the history feed (SIP by default), the rest with the recent feed. When the recent feed is
   * SIP and Alpaca refuses it (HTTP 403 or 422: a plan without recent SIP data), the recent part is
   * requested from IEX instead, and so are later ones; one log line says so.
   */
  @Override
  public List<Bar> fetch(String symbol, Timeframe timeframe, Instant from, Instant to) {
    Instant recent = clock.instant().minus(AlpacaSettings.RECENT_WINDOW);
    List<Bar> bars = new ArrayList<>();
    if (from.isBefore(recent)) {
      bars.addAll(fetchFeed(settings.feed(), symbol, timeframe, from, min(to, recent)));
    }
    if (to.isAfter(recent)) {
      bars.addAll(fetchRecent(symbol, timeframe, max(from, recent), to));
    }
    return bars;
  }

  private List<Bar> fetchRecent(String symbol, Timeframe timeframe, Instant from, Instant to) {
    if (recentFromIex.get()) {
      return fetchFeed(AlpacaSettings.IEX, symbol, timeframe, from, to);
    }
    try {
      return fetchFeed(settings.recentFeed(), symbol, timeframe, from, to);
    } catch (AlpacaException e) {
      boolean refused = e.status() == 403 || e.status() == 422;
      if (!refused
          || !settings.recentFallback()
          || settings.recentFeed().equals(AlpacaSettings.IEX)) {
        throw e;
      }
      if (recentFromIex.compareAndSet(false, true)) {
        log.warn(
            "Alpaca refused feed={} for bars of the last {} minutes (HTTP {}: a plan without"
                + " recent SIP data); those come from feed=iex from now on, history stays on {}",
            settings.recentFeed(),
            AlpacaSettings.RECENT_WINDOW.toMinutes(),
            e.status(),
            settings.feed());
      }
      return fetchFeed(AlpacaSettings.IEX, symbol, timeframe, from, to);
    }
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private List<Bar> fetchFeed(
      String feed, String symbol, Timeframe timeframe, Instant from, Instant to) {
    List<Bar> bars = new ArrayList<>();
    Optional<String> pageToken = Optional.empty();
    do {
      URI uri = pageUri(feed, symbol, timeframe, from, to, pageToken);
      AlpacaBarsPage page = requestPage(uri);
      for (AlpacaBarsPage.AlpacaBar b : page.bars()) {
        canonical(timeframe, new Bar(b.t(), b.o(), b.h(), b.l(), b.c(), b.v()))
            .filter(bar -> !bar.ts().isBefore(from) && bar.ts().isBefore(to))
            .ifPresent(bars::add);
      }
      pageToken = page.nextPageToken();
    } while (pageToken.isPresent());
    return bars;
  }

  private Optional<Bar> canonical(Timeframe timeframe, Bar bar) {
    switch (timeframe) {
      case M15:
        return schedule
            .bucketOpen(Timeframe.M15, bar.ts())
            .filter(open -> open.equals(bar.ts()))
            .map(open -> bar);
      case D1:
      case W1:
        Instant open = schedule.calendar().openInstant(schedule.calendar().tradingDate(bar.ts()));
        return Optional.of(
            new Bar(open, bar.open(), bar.high(), bar.low(), bar.close(), bar.volume()));
      default:
        return Optional.of(bar);
    }
  }

  private URI pageUri(
      String feed,
      String symbol,
      Timeframe timeframe,
      Instant from,
      Instant to,
      Optional<String> pageToken) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("timeframe", TIMEFRAMES.get(timeframe));
    query.put("start", from.toString());
    query.put("end", to.toString());
    query.put("limit", Integer.toString(settings.pageLimit()));
    query.put("adjustment", settings.adjustment());
    query.put("feed", feed);
    pageToken.ifPresent(token -> query.put("page_token", token));
    String base = settings.dataUrl().toString().replaceAll("/+$", "");
    String queryText =
        new TreeMap<>(query)
            .entrySet().stream()
                .map(
                    e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    return URI.create(
        "%s/v2/stocks/%s/bars?%s"
            .formatted(base, URLEncoder.encode(symbol, StandardCharsets.UTF_8), queryText));
  }

  private AlpacaBarsPage requestPage(URI uri) {
    return Retry.decorateSupplier(retry, RateLimiter.decorateSupplier(rateLimiter, () -> send(uri)))
        .get();
  }

  private AlpacaBarsPage send(URI uri) {
    HttpResponse<String> response =
        AlpacaHttp.get(
            http,
            uri,
            settings.keyId(),
            settings.secretKey(),
            settings.requestTimeout(),
            settings.dataUrl());
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      throw new AlpacaAuthenticationException(status, abbreviate(response.body()));
    }
    if (status == 429 || status >= 500) {
      throw new AlpacaException(
          "Alpaca answered HTTP " + status + " for " + uri.getPath(),
          status,
          true,
          retryAfter(response),
          null);
    }
    if (status != 200) {
      throw new AlpacaException(
          "Alpaca answered HTTP %s for %s: %s"
              .formatted(status, uri.getPath(), abbreviate(response.body())),
          status,
          false,
          Optional.empty(),
          null);
    }
    try {
      return json.readValue(response.body(), AlpacaBarsPage.class);
    } catch (JacksonException e) {
      throw new AlpacaException(
          "malformed JSON from Alpaca for " + uri.getPath() + ": " + e.getOriginalMessage(),
          status,
          false,
          Optional.empty(),
          e);
    }
  }

  private static Optional<Duration> retryAfter(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(
            value -> {
              try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }

  private static String abbreviate(String body) {
    return body.length() <= 200 ? body : body.substring(0, 200) + "…";
  }
}
