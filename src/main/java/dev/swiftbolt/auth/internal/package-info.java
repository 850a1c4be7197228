/**
 * The claims rules every accepted token must meet (issuer, audience, expiry, subject); used by
 * {@code auth} only. May import nimbus-jose-jwt and the JDK.
 */
package dev.swiftbolt.auth.internal;
