package dev.swiftbolt.auth;

import dev.swiftbolt.config.SwiftBoltConfig;
import java.util.Optional;

/**
 * Which keys verify bearer tokens, decided by the configuration and never by a token:
 *
 * <ul>
 *   <li>{@code SUPABASE_URL}: ES256 and RS256 tokens against the project's JWKS ({@link
 *       SupabaseJwks}); every token's {@code iss} must be {@code <SUPABASE_URL>/auth/v1} and its
 *       {@code aud} must contain {@code authenticated}, legacy HS256 ones included;
 *   <li>{@code SUPABASE_JWT_SECRET}: HS256 tokens against the legacy secret, alone or beside the
 *       JWKS (projects in the middle of the migration have both);
 *   <li>neither: HS256 development tokens ({@code swiftbolt token USER}) against the development
 *       secret in {@code SWIFTBOLT_HOME}.
 * </ul>
 *
 * @param jwks the project's key set, when {@code SUPABASE_URL} is set
 * @param secret the HS256 secret: {@code SUPABASE_JWT_SECRET} or the development secret
 */
public record TokenKeys(Optional<SupabaseJwks> jwks, Optional<JwtSecret> secret) {

  public TokenKeys {
    if (jwks.isEmpty() && secret.isEmpty()) {
      throw new IllegalArgumentException("token verification needs a JWKS or an HS256 secret");
    }
  }

  /** HS256 tokens with {@code secret} only, without issuer or audience checks (legacy, tests). */
  public static TokenKeys hs256(JwtSecret secret) {
    return new TokenKeys(Optional.empty(), Optional.of(secret));
  }

  /**
   * The keys {@code config} names; the development secret (created on first use) only when neither
   * {@code SUPABASE_URL} nor {@code SUPABASE_JWT_SECRET} is set.
   *
   * @throws IllegalArgumentException naming the variable that is malformed
   */
  public static TokenKeys resolve(SwiftBoltConfig config) {
    Optional<SupabaseJwks> jwks =
        config.supabaseUrl().map(url -> SupabaseJwks.of(url, SupabaseJwks.Timing.DEFAULT));
    Optional<JwtSecret> secret = config.supabaseJwtSecret().map(JwtSecret::of);
    if (jwks.isEmpty() && secret.isEmpty()) {
      return hs256(JwtSecret.development(config.home()));
    }
    return new TokenKeys(jwks, secret);
  }

  /** Whether only development tokens are accepted (neither Supabase variable is set). */
  public boolean development() {
    return jwks.isEmpty()
        && secret.map(s -> s.source() == JwtSecret.Source.DEVELOPMENT_FILE).orElse(false);
  }

  /** The issuer every token must name: {@code <SUPABASE_URL>/auth/v1}, when the JWKS is set. */
  public Optional<String> requiredIssuer() {
    return jwks.map(SupabaseJwks::issuer);
  }

  /** One line for the server's startup output naming what verifies tokens (never a key). */
  public String describe() {
    if (jwks.isEmpty()) {
      return secret.orElseThrow().describe();
    }
    return """
        Authentication: verifying ES256/RS256 tokens with the keys at %s%s; issuer %s, \
        audience authenticated"""
        .formatted(
            jwks.get().jwksUrl(),
            secret.isPresent() ? " and HS256 tokens with SUPABASE_JWT_SECRET" : "",
            jwks.get().issuer());
  }
}
