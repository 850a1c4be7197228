package dev.swiftbolt.marketdata.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One page of Alpaca's {@code GET /v2/stocks/{symbol}/bars} response: {@code {"bars":[...],
 * "symbol":"AAPL","next_page_token":null}}. {@code bars} may be null or absent when empty.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlpacaBarsPage(
    @JsonProperty("bars") List<AlpacaBar> bars,
    @JsonProperty("symbol") String symbol,
    @JsonProperty("next_page_token") Optional<String> nextPageToken) {

  public AlpacaBarsPage {
    bars = bars == null ? List.of() : List.copyOf(bars);
    nextPageToken =
        nextPageToken == null ? Optional.empty() : nextPageToken.filter(t -> !t.isEmpty());
  }

  /**
   * One Alpaca bar: {@code t} open time (RFC 3339), {@code o h l c} prices, {@code v} volume,
   * {@code n} trade count, {@code vw} volume-weighted average price.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record AlpacaBar(
      @JsonProperty(value = "t", required = true) Instant t,
      @JsonProperty(value = "o", required = true) double o,
      @JsonProperty(value = "h", required = true) double h,
      @JsonProperty(value = "l", required = true) double l,
      @JsonProperty(value = "c", required = true) double c,
      @JsonProperty(value = "v", required = true) double v,
      @JsonProperty("n") long n,
      @JsonProperty("vw") double vw) {}
}
