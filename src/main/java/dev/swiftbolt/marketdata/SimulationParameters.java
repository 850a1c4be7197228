package dev.swiftbolt.marketdata;

/**
 * The knobs of the {@link MarketSimulator}.
 *
 * @param seed mixes with the symbol to choose the random streams; same (symbol, seed) → same bars
 * @param predictability in [0, 0.5]: the AR(1) coefficient of daily close-to-close log returns and
 *     of intraday M15 return shocks, and the scale of the regimes' drifts. 0 makes prices a
 *     martingale (a random walk with clustered volatility: nothing to predict); the default 0.1
 *     plants a modest, honest lag-1 autocorrelation for models to find
 * @param annualVolatility long-run annualised volatility of daily returns, in (0, 2]; default 0.30
 */
public record SimulationParameters(long seed, double predictability, double annualVolatility) {

  /** Seed 42, predictability 0.1, volatility 30 % a year. */
  public static final SimulationParameters DEFAULT = new SimulationParameters(42, 0.1, 0.30);

  public SimulationParameters {
    if (!(predictability >= 0 && predictability <= 0.5)) {
      throw new IllegalArgumentException(
          "predictability must lie in [0, 0.5], got " + predictability);
    }
    if (!(annualVolatility > 0 && annualVolatility <= 2)) {
      throw new IllegalArgumentException(
          "annualVolatility must lie in (0, 2], got " + annualVolatility);
    }
  }

  /** A pure random walk (predictability 0) with this seed and the default volatility. */
  public static SimulationParameters randomWalk(long seed) {
    return new SimulationParameters(seed, 0, DEFAULT.annualVolatility());
  }

  /** These parameters with another predictability. */
  public SimulationParameters withPredictability(double value) {
    return new SimulationParameters(seed, value, annualVolatility);
  }

  /** These parameters with another seed. */
  public SimulationParameters withSeed(long value) {
    return new SimulationParameters(value, predictability, annualVolatility);
  }
}
