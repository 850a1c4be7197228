package dev.swiftbolt.symbols;

/**
 * A registered symbol as search results and listings show it: {@code {symbol, name, exchange,
 * asset_class, active}} in JSON.
 */
public record SymbolSummary(
    String symbol, String name, String exchange, String assetClass, boolean active) {}
