/**
 * Stored unified predictions: their repository, their JSON and the read service the CLI and API
 * use. May import {@code validation}, {@code market}, JDBI and Jackson.
 */
package dev.swiftbolt.predictions;
