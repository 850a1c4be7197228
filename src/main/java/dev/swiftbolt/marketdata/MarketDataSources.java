package dev.swiftbolt.marketdata;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses where bars come from: Alpaca when {@code APCA_API_KEY_ID} and {@code APCA_API_SECRET_KEY}
 * are set, otherwise the {@link MarketSimulator}; {@code --source alpaca|sim} overrides the
 * default.
 */
public final class MarketDataSources {

  private MarketDataSources() {}

  /**
   * The source for a command.
   *
   * @param requested {@code alpaca} or {@code sim} (any case); empty for the default
   * @param env the environment (Alpaca keys, {@code APCA_API_DATA_URL}, {@code APCA_DATA_FEED})
   * @param clock "now" for Alpaca, to tell bars of the last 15 minutes from history
   * @throws IllegalArgumentException for an unknown source name, or {@code alpaca} without keys
   */
  public static LabelledSource choose(
      Optional<String> requested, Map<String, String> env, BarSchedule schedule, Clock clock) {
    Optional<AlpacaSettings> alpaca = AlpacaSettings.fromEnvironment(env);
    String name = requested.map(r -> r.trim().toLowerCase(Locale.ROOT)).orElse("");
    switch (name) {
      case "":
        return alpaca
            .map(s -> alpaca(s, schedule, clock, "APCA_API_KEY_ID is set"))
            .orElse(simulator(schedule, "APCA_API_KEY_ID / APCA_API_SECRET_KEY are not set"));
      case "alpaca":
        return alpaca(
            alpaca.orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "--source alpaca needs APCA_API_KEY_ID and APCA_API_SECRET_KEY in the"
                            + " environment")),
            schedule,
            clock,
            "--source alpaca");
      case "sim":
        return simulator(schedule, "--source sim");
      default:
        throw new IllegalArgumentException(
            "--source must be alpaca or sim, got '" + requested.orElse("") + "'");
    }
  }

  private static LabelledSource alpaca(
      AlpacaSettings settings, BarSchedule schedule, Clock clock, String why) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    return new LabelledSource(
        "alpaca",
        new AlpacaBarSource(settings, http, schedule, clock),
        "Source: Alpaca market data at %s, feed %s (%s)"
            .formatted(settings.dataUrl(), settings.feed(), why));
  }

  /** The demo's symbol whose planted signal switches off (see {@link #demoSimulator}). */
  public static final String DEMO_SWITCHING_SYMBOL = "NVDA";

  /** The demo's pure random-walk symbols. */
  public static final List<String> DEMO_RANDOM_WALKS = List.of("TSLA", "META");

  /**
   * The demo's market: {@value #DEMO_SWITCHING_SYMBOL} with a strong planted signal (AR(1) φ = 0.6
   * on daily returns) through {@code signalLastDay} and none after, {@link #DEMO_RANDOM_WALKS} as
   * pure random walks, every other symbol with the default modest signal. SIMULATED, stored with
   * source {@code sim}.
   */
  public static LabelledSource demoSimulator(BarSchedule schedule, LocalDate signalLastDay) {
    BarSource fallback = new MarketSimulator(schedule, SimulationParameters.DEFAULT);
    BarSource switching =
        new MarketSimulator(
            schedule,
            SimulationParameters.DEFAULT.withPredictability(0.6).predictableThrough(signalLastDay));
    BarSource randomWalk =
        new MarketSimulator(
            schedule, SimulationParameters.randomWalk(SimulationParameters.DEFAULT.seed()));
    BarSource bySymbol =
        (symbol, timeframe, from, to) -> {
          BarSource source =
              symbol.equals(DEMO_SWITCHING_SYMBOL)
                  ? switching
                  : DEMO_RANDOM_WALKS.contains(symbol) ? randomWalk : fallback;
          return source.fetch(symbol, timeframe, from, to);
        };
    return new LabelledSource(
        BarRepository.SIMULATED,
        bySymbol,
        ("Source: market simulator — bars are SIMULATED and stored with source=sim; %s has a"
                + " planted signal (AR(1) φ = 0.6) that switches off after %s, %s are random"
                + " walks, the others carry the default modest signal")
            .formatted(
                DEMO_SWITCHING_SYMBOL, signalLastDay, String.join(" and ", DEMO_RANDOM_WALKS)));
  }

  private static LabelledSource simulator(BarSchedule schedule, String why) {
    return new LabelledSource(
        BarRepository.SIMULATED,
        new MarketSimulator(schedule, SimulationParameters.DEFAULT),
        "Source: market simulator (" + why + ") — bars are SIMULATED and stored with source=sim");
  }
}
