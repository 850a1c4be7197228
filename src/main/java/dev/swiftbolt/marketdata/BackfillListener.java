package dev.swiftbolt.marketdata;

/** Hears about each symbol as the backfill finishes it (a progress bar, a log). */
@FunctionalInterface
public interface BackfillListener {

  /** Called once per symbol, from the backfilling thread, after its last attempt. */
  void symbolDone(SymbolLoad load);

  /** A listener that ignores everything. */
  static BackfillListener none() {
    return load -> {};
  }
}
