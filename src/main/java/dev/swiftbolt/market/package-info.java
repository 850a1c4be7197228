/**
 * The market's vocabulary every layer shares: {@link dev.swiftbolt.market.Timeframe} and {@link
 * dev.swiftbolt.market.Direction}. At the very ground: may import only the JDK, Jackson annotations
 * and {@code validation} (which itself sits above it, so in practice nothing).
 */
package dev.swiftbolt.market;
