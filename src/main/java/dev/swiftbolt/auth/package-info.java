/**
 * Tokens: verifying Supabase JWTs (HS256 secret or ES256/RS256 through the project's JWKS) and
 * issuing local development tokens. May import {@code config}, {@code symbols} (user ids),
 * nimbus-jose-jwt and the JDK.
 */
package dev.swiftbolt.auth;
