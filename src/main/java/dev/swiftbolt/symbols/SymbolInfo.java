package dev.swiftbolt.symbols;

import java.time.Instant;

/** One row of the symbols registry. */
public record SymbolInfo(
    long id,
    String symbol,
    String name,
    String exchange,
    String assetClass,
    boolean active,
    Instant createdAt) {}
