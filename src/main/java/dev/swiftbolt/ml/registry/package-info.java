/**
 * Models, forecasts and evaluations in PostgreSQL, and bulk bar reads for training. May import
 * {@code ml.features}, {@code ml.models}, {@code ml.evaluation}, {@code market}, {@code
 * marketdata}, {@code validation}, {@code config}, JDBI and Jackson.
 */
package dev.swiftbolt.ml.registry;
