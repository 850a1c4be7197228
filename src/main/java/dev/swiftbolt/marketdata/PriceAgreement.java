package dev.swiftbolt.marketdata;

/** Whether two bars of the same time carry the same prices, within a relative tolerance. */
public final class PriceAgreement {

  private PriceAgreement() {}

  /**
   * Whether the open, high, low and close of {@code a} and {@code b} each differ by at most {@code
   * relativeTolerance} of the larger one (a cent always counts as rounding). Volume is ignored.
   */
  public static boolean agree(Bar a, Bar b, double relativeTolerance) {
    return close(a.open(), b.open(), relativeTolerance)
        && close(a.high(), b.high(), relativeTolerance)
        && close(a.low(), b.low(), relativeTolerance)
        && close(a.close(), b.close(), relativeTolerance);
  }

  private static boolean close(double x, double y, double relativeTolerance) {
    double difference = Math.abs(x - y);
    return difference <= 0.01 + 1e-9
        || difference <= relativeTolerance * Math.max(Math.abs(x), Math.abs(y));
  }
}
