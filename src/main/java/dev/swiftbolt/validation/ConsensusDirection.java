package dev.swiftbolt.validation;

import dev.swiftbolt.market.Direction;

/**
 * The direction the timeframes agree on. {@link #UNKNOWN} when no multi-timeframe scores were
 * given; {@link #NEUTRAL} when all are neutral or they conflict.
 */
public enum ConsensusDirection {
  BULLISH,
  NEUTRAL,
  BEARISH,
  UNKNOWN;

  /** Whether this consensus is the same direction as a forecast's (UNKNOWN matches none). */
  public boolean matches(Direction direction) {
    return this != UNKNOWN && name().equals(direction.name());
  }
}
