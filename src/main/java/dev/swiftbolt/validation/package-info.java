/**
 * The unified validator, pure: reconciles timeframes, adjusts confidence, checks overfitting and
 * drift and decides retraining, from values to values. May import only the JDK, Jackson
 * annotations, {@code market} and Commons Math (the normal distribution's quantiles for its
 * intervals); no database, HTTP or clock (ArchitectureTest).
 */
package dev.swiftbolt.validation;
