/**
 * The technical indicators behind {@code ml.features}, on primitive arrays with ta4j's definitions
 * (docs/decisions/0005); used by {@code ml.features} only. May import only the JDK.
 */
package dev.swiftbolt.ml.features.internal;
