/**
 * The symbol registry, its seed, search and sync with Alpaca's assets, and watchlist tracking
 * (which queues the tracked chain's jobs). May import {@code alpaca}, {@code db}, {@code jobs},
 * JDBI, Jackson and Commons CSV.
 */
package dev.swiftbolt.symbols;
