/**
 * The HTTP API ({@link dev.swiftbolt.api.ApiServer}): builds the services over a database and
 * routes {@code /api/v1/**}, {@code /metrics} and the dashboard's assets to them. Sits at the top
 * with {@code cli}: may import every service package, never {@code cli}; no JDBI, {@code java.sql}
 * or repository (ArchitectureTest).
 */
package dev.swiftbolt.api;
