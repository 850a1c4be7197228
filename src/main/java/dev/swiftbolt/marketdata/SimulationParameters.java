package dev.swiftbolt.marketdata;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The knobs of the {@link MarketSimulator}.
 *
 * @param seed mixes with the symbol to choose the random streams; same (symbol, seed) → same bars
 * @param predictability in [0, 0.9]: the AR(1) coefficient of daily close-to-close log returns and
 *     of intraday M15 return shocks, and the scale of the regimes' drifts. 0 makes prices a
 *     martingale (a random walk with clustered volatility: nothing to predict); the default 0.1
 *     plants a modest, honest lag-1 autocorrelation for models to find
 * @param annualVolatility long-run annualised volatility of daily returns, in (0, 2]; default 0.30
 * @param predictableThrough the schedule of the predictability: when present, sessions after this
 *     date have predictability 0 (the planted signal switches off); empty: always on
 */
public record SimulationParameters(
    long seed,
    double predictability,
    double annualVolatility,
    Optional<LocalDate> predictableThrough) {

  /** Seed 42, predictability 0.1, volatility 30 % a year. */
  public static final SimulationParameters DEFAULT = new SimulationParameters(42, 0.1, 0.30);

  /** Largest predictability accepted (the AR(1) coefficient stays well inside stationarity). */
  public static final double MAX_PREDICTABILITY = 0.9;

  public SimulationParameters {
    if (!(predictability >= 0 && predictability <= MAX_PREDICTABILITY)) {
      throw new IllegalArgumentException(
          "predictability must lie in [0, %s], got %s"
              .formatted(MAX_PREDICTABILITY, predictability));
    }
    Objects.requireNonNull(predictableThrough, "predictableThrough");
    if (!(annualVolatility > 0 && annualVolatility <= 2)) {
      throw new IllegalArgumentException(
          "annualVolatility must lie in (0, 2], got " + annualVolatility);
    }
  }

  /** Parameters whose predictability never switches off. */
  public SimulationParameters(long seed, double predictability, double annualVolatility) {
    this(seed, predictability, annualVolatility, Optional.empty());
  }

  /** The predictability in force on the session of {@code date}: 0 after the schedule's end. */
  public double predictabilityOn(LocalDate date) {
    return predictableThrough.filter(date::isAfter).isPresent() ? 0 : predictability;
  }

  /** These parameters with the planted signal switched off after {@code lastDay}. */
  public SimulationParameters predictableThrough(LocalDate lastDay) {
    return new SimulationParameters(seed, predictability, annualVolatility, Optional.of(lastDay));
  }

  /** A pure random walk (predictability 0) with this seed and the default volatility. */
  public static SimulationParameters randomWalk(long seed) {
    return new SimulationParameters(seed, 0, DEFAULT.annualVolatility());
  }

  /** These parameters with another predictability. */
  public SimulationParameters withPredictability(double value) {
    return new SimulationParameters(seed, value, annualVolatility, predictableThrough);
  }

  /** These parameters with another seed. */
  public SimulationParameters withSeed(long value) {
    return new SimulationParameters(value, predictability, annualVolatility, predictableThrough);
  }
}
