package dev.swiftbolt.marketdata;

import dev.swiftbolt.market.Timeframe;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deterministic synthetic market for demos, tests, load tests and ML benchmarks. Always labelled
 * {@code sim} wherever its bars are stored or shown.
 *
 * <p>Model, per symbol, one step per NYSE session from {@link #EPOCH}:
 *
 * <ul>
 *   <li>a three-state Markov regime (bull, range, bear; each lasts ~70 sessions on average) scaling
 *       volatility (0.85, 1.0, 1.5) and carrying a drift of (+6, 0, −8 bp a day) ×
 *       min(predictability, 0.1) / 0.1, so no drift at all when predictability is 0;
 *   <li>GARCH(1,1) variance of daily shocks (α 0.08, β 0.90) around the long-run daily variance σ²
 *       = annualVolatility² / 252: volatility clusters;
 *   <li>daily close-to-close log return r_t = drift + φ·r_{t−1} + shock, with φ = predictability (0
 *       after {@link SimulationParameters#predictableThrough()}, when a schedule is set); an
 *       overnight gap takes part of it, the rest unfolds over the session;
 *   <li>the session path: M15 shocks with a U-shaped intraday volatility profile and the same AR(1)
 *       coefficient, pinned (Brownian-bridge style) to the day's open and close; each bar's high
 *       and low extend its open/close by a half-normal excursion; volume is U-shaped, larger in
 *       turbulent regimes and on large moves.
 * </ul>
 *
 * <p>Daily bars are always the aggregate of the session's M15 path, whether or not the M15 bars are
 * materialised: {@link #dailyBars} walks the path without allocating M15 bars, which makes "D1
 * only" generation of many years cheap. The daily state uses one random stream per symbol, each
 * session's path its own stream derived from (symbol, seed, date), so any date range yields the
 * same bars as a longer one containing it. Prices are rounded to 0.0001, volumes to whole shares.
 * Immutable and thread-safe.
 */
public final class MarketSimulator implements BarSource {

  /** The first simulated session. */
  public static final LocalDate EPOCH = LocalDate.of(1990, 1, 2);

  private static final double ALPHA = 0.08;
  private static final double BETA = 0.90;
  private static final double REGIME_STAY = 0.986;
  private static final double[] REGIME_VOL = {0.85, 1.0, 1.5};
  private static final double[] REGIME_DRIFT = {0.0006, 0.0, -0.0008};
  private static final double GAP_SHARE = 0.25;

  /**
   * The regimes' drifts grow with predictability only up to 0.1: a stronger AR(1) (up to 0.9) must
   * not compound them into prices that run off to zero or infinity.
   */
  private static final double DRIFT_SCALE_CAP = 0.1;

  private final BarSchedule schedule;
  private final SimulationParameters parameters;
  private final Resampler resampler;
  private final Map<Integer, List<TradingSession>> sessionsByYear = new ConcurrentHashMap<>();

  public MarketSimulator(BarSchedule schedule, SimulationParameters parameters) {
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    this.resampler = new Resampler(schedule);
  }

  /** The parameters in use. */
  public SimulationParameters parameters() {
    return parameters;
  }

  /** M15 and D1 are generated; H1, H4 and W1 are resampled from them. */
  @Override
  public List<Bar> fetch(String symbol, Timeframe timeframe, Instant from, Instant to) {
    switch (timeframe) {
      case M15:
        return intradayBars(symbol, from, to);
      case D1:
        return within(dailyBars(symbol, dateOf(from), dateOf(to)), from, to);
      case H1:
      case H4:
        {
          Instant endOfLastDay = schedule.calendar().openInstant(dateOf(to).plusDays(1));
          List<Bar> m15 = intradayBars(symbol, from, endOfLastDay);
          return within(resampler.resample(m15, timeframe), from, to);
        }
      case W1:
        {
          LocalDate monday = dateOf(from).with(DayOfWeek.MONDAY);
          List<Bar> daily = dailyBars(symbol, monday, dateOf(to).plusDays(6));
          return within(resampler.resample(daily, timeframe), from, to);
        }
    }
    throw new IllegalStateException("unhandled timeframe " + timeframe);
  }

  /** Regular-session M15 bars of {@code symbol} with open time in {@code [from, to)}. */
  public List<Bar> intradayBars(String symbol, Instant from, Instant to) {
    List<Bar> out = new ArrayList<>();
    walk(
        symbol,
        dateOf(from),
        dateOf(to),
        (session, bars) -> {
          for (Bar b : bars) {
            if (!b.ts().isBefore(from) && b.ts().isBefore(to)) {
              out.add(b);
            }
          }
        },
        true);
    return out;
  }

  /**
   * D1 bars of {@code symbol} for the sessions from {@code first} to {@code last} (inclusive), each
   * the aggregate of that session's M15 path; fast path for generating many years.
   */
  public List<Bar> dailyBars(String symbol, LocalDate first, LocalDate last) {
    List<Bar> out = new ArrayList<>();
    walk(symbol, first, last, (session, bars) -> out.add(bars.get(0)), false);
    return out;
  }

  private interface SessionSink {
    void accept(TradingSession session, List<Bar> bars);
  }

  /**
   * Advances the daily state from the epoch to {@code last}, emitting each session from {@code
   * first} on: its M15 bars when {@code intraday}, else its single D1 bar.
   */
  private void walk(
      String symbol, LocalDate first, LocalDate last, SessionSink sink, boolean intraday) {
    if (last.isBefore(EPOCH) || last.isBefore(first)) {
      return;
    }
    long symbolSeed = mix(parameters.seed(), symbol.hashCode());
    SplittableRandom daily = new SplittableRandom(symbolSeed);
    double longRunVariance = parameters.annualVolatility() * parameters.annualVolatility() / 252;
    double omega = longRunVariance * (1 - ALPHA - BETA);
    double variance = longRunVariance;
    double lastShock = 0;
    double lastReturn = 0;
    int regime = 1;
    double close = 20 + Math.floorMod(symbolSeed, 480L);
    double baseVolume = 50_000 + Math.floorMod(symbolSeed >>> 17, 450_000L);
    for (TradingSession session : sessionsThrough(last)) {
      double phi = parameters.predictabilityOn(session.date());
      regime = nextRegime(daily, regime);
      variance = omega + ALPHA * lastShock * lastShock + BETA * variance;
      double garchShock = Math.sqrt(variance) * daily.nextGaussian();
      double scale = Math.sqrt(variance) * REGIME_VOL[regime];
      double shock = garchShock * REGIME_VOL[regime];
      double ret =
          Math.min(phi, DRIFT_SCALE_CAP) * REGIME_DRIFT[regime] * 10 + phi * lastReturn + shock;
      double gap = GAP_SHARE * scale * daily.nextGaussian();
      double open = round(close * Math.exp(gap));
      double nextClose = round(close * Math.exp(ret));
      if (!session.date().isBefore(first)) {
        List<Bar> path =
            sessionPath(
                session, open, nextClose, scale, baseVolume * REGIME_VOL[regime], symbolSeed, phi);
        sink.accept(session, intraday ? path : List.of(Resampler.aggregate(session.open(), path)));
      }
      lastShock = garchShock;
      lastReturn = Math.log(nextClose / close);
      close = nextClose;
    }
  }

  /** The sessions from the epoch to {@code last}, from a per-year cache. */
  private List<TradingSession> sessionsThrough(LocalDate last) {
    List<TradingSession> result = new ArrayList<>();
    for (int year = EPOCH.getYear(); year <= last.getYear(); year++) {
      for (TradingSession s : sessionsByYear.computeIfAbsent(year, this::sessionsOfYear)) {
        if (!s.date().isBefore(EPOCH) && !s.date().isAfter(last)) {
          result.add(s);
        }
      }
    }
    return result;
  }

  private List<TradingSession> sessionsOfYear(int year) {
    return List.copyOf(
        schedule.calendar().sessions(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
  }

  private static int nextRegime(SplittableRandom random, int regime) {
    double u = random.nextDouble();
    if (u < REGIME_STAY) {
      return regime;
    }
    return (regime + 1 + (u < (1 + REGIME_STAY) / 2 ? 0 : 1)) % 3;
  }

  private List<Bar> sessionPath(
      TradingSession session,
      double open,
      double close,
      double dayScale,
      double baseVolume,
      long symbolSeed,
      double phi) {
    return IntradayPath.generate(
        schedule.opensIn(Timeframe.M15, session),
        open,
        close,
        dayScale,
        baseVolume,
        phi,
        new SplittableRandom(mix(symbolSeed, session.date().toEpochDay())));
  }

  private static List<Bar> within(List<Bar> bars, Instant from, Instant to) {
    List<Bar> out = new ArrayList<>();
    for (Bar b : bars) {
      if (!b.ts().isBefore(from) && b.ts().isBefore(to)) {
        out.add(b);
      }
    }
    return out;
  }

  private LocalDate dateOf(Instant t) {
    return schedule.calendar().tradingDate(t);
  }

  private static double round(double price) {
    return IntradayPath.round(price);
  }

  /** SplitMix64-style mixing of two longs into a well-spread seed. */
  private static long mix(long a, long b) {
    long z = a * 0x9E3779B97F4A7C15L + b;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
