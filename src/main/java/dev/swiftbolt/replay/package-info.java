/**
 * The daily loop replayed point-in-time over past sessions, into its own tables; never writes
 * production's models, forecasts or predictions. May import {@code ml} and its rooms, {@code
 * marketdata}, {@code symbols}, {@code validation}, {@code market}, {@code parallel}, {@code
 * config}, JDBI and Jackson.
 */
package dev.swiftbolt.replay;
