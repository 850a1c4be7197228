/**
 * Decoding PostgreSQL's binary COPY rows for {@code ml.registry}'s bulk reads; used by it only. May
 * import the JDK and the PostgreSQL driver.
 */
package dev.swiftbolt.ml.registry.internal;
