package dev.swiftbolt.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.config.SwiftBoltConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration, not a token, decides which keys verify tokens. */
class TokenKeysTest {

  @TempDir Path home;

  private TokenKeys resolve(Map<String, String> env) {
    return TokenKeys.resolve(SwiftBoltConfig.from(env, Optional.of(home)));
  }

  @Test
  void development_tokens_only_when_neither_supabase_variable_is_set() {
    TokenKeys none = resolve(Map.of());
    assertThat(none.development()).isTrue();
    assertThat(none.requiredIssuer()).isEmpty();
    assertThat(home.resolve(JwtSecret.DEV_SECRET_FILE)).exists();

    TokenKeys legacy = resolve(Map.of("SUPABASE_JWT_SECRET", "x".repeat(40)));
    assertThat(legacy.development()).isFalse();
    assertThat(legacy.jwks()).isEmpty();
    assertThat(legacy.requiredIssuer()).isEmpty();

    TokenKeys jwks = resolve(Map.of("SUPABASE_URL", "https://abcd.supabase.co/"));
    assertThat(jwks.development()).isFalse();
    assertThat(jwks.secret()).isEmpty();
    assertThat(jwks.requiredIssuer()).contains("https://abcd.supabase.co/auth/v1");
    assertThat(jwks.jwks().orElseThrow().jwksUrl().toString())
        .isEqualTo("https://abcd.supabase.co/auth/v1/.well-known/jwks.json");

    TokenKeys both =
        resolve(
            Map.of(
                "SUPABASE_URL", "https://abcd.supabase.co", "SUPABASE_JWT_SECRET", "y".repeat(40)));
    assertThat(both.jwks()).isPresent();
    assertThat(both.secret()).isPresent();
    assertThat(both.describe()).contains("ES256/RS256").contains("HS256").doesNotContain("yyyy");
  }
}
