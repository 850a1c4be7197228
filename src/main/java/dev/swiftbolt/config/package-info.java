/**
 * Configuration read from the environment and files, and the project's one Jackson {@code
 * ObjectMapper}. At the ground: may import only the JDK and Jackson.
 */
package dev.swiftbolt.config;
