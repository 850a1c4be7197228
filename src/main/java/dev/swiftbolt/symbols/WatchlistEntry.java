package dev.swiftbolt.symbols;

import java.time.Instant;

/** One symbol on a user's watchlist. */
public record WatchlistEntry(String symbol, String name, String exchange, Instant trackedAt) {}
