/** Platt scaling behind {@code ml.models}' calibrator; used by it only. May import the JDK. */
package dev.swiftbolt.ml.models.internal;
