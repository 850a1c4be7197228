/**
 * The ML services that compose the rooms below with the database: training, forecasting, live
 * scoring and the unified prediction of a series, and the read services the CLI and API use. May
 * import {@code ml.features}, {@code ml.models}, {@code ml.evaluation}, {@code ml.registry}, {@code
 * market}, {@code marketdata}, {@code validation}, {@code predictions}, {@code symbols} and {@code
 * config}.
 */
package dev.swiftbolt.ml;
