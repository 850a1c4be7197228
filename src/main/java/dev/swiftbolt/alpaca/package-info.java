/**
 * Alpaca's authenticated HTTP: the key headers, the requests and the errors Alpaca answers with;
 * shared by {@code marketdata} (bars) and {@code symbols} (assets) so neither imports the other.
 * May import only the JDK; nothing of SwiftBolt.
 */
package dev.swiftbolt.alpaca;
