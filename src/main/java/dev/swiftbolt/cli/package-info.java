/**
 * The composition root: {@code Main} and one picocli command per operation; each builds its {@code
 * Clock}, database and services and calls them. The only package that reads the wall clock; may
 * import every other package, but no JDBI, {@code java.sql} or repository (ArchitectureTest).
 */
package dev.swiftbolt.cli;
