/**
 * The routes, authentication, error bodies and metrics behind {@link dev.swiftbolt.api.ApiServer};
 * not for any other package. May import the services and their records, Javalin, Jackson and
 * Micrometer; no JDBI, {@code java.sql} or repository.
 */
package dev.swiftbolt.api.internal;
