/**
 * How good a model is, pure: purged walk-forward splits, backtests, scores, naive baselines,
 * calibration, drift and live scoring of resolved forecasts. May import {@code market}, {@code
 * marketdata}, {@code ml.features}, {@code ml.models}, {@code validation}, {@code parallel} and
 * Commons Math; no database, no clock.
 */
package dev.swiftbolt.ml.evaluation;
