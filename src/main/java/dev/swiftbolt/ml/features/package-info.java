/**
 * Features and labels, pure: indicator columns from bars, context series, triple-barrier labels and
 * the labelled matrix a model trains on. May import {@code market}, {@code marketdata} (bars) and
 * {@code ml.features.internal}; no database, no clock.
 */
package dev.swiftbolt.ml.features;
