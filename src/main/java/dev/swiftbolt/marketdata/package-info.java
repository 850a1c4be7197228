/**
 * Bars: sources (Alpaca, CSV, the simulator), backfill, intraday ingestion, resampling, the trading
 * calendar, data quality and the {@code ohlc_bars} repository. May import {@code market}, {@code
 * alpaca}, {@code db}, {@code symbols}, JDBI, Jackson and resilience4j; the calendar, resampler,
 * simulator and quality rules stay pure (PureCoreArchitectureTest).
 */
package dev.swiftbolt.marketdata;
