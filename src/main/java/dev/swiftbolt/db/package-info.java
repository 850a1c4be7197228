/**
 * PostgreSQL, embedded or through {@code DATABASE_URL}: connection settings, pool, migrations, COPY
 * loading, schema security and health checks. May import {@code config}, the JDK, JDBI, Flyway,
 * HikariCP, the PostgreSQL driver and zonky's embedded PostgreSQL.
 */
package dev.swiftbolt.db;
