package dev.swiftbolt.auth.internal;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The claims a Supabase user token must carry, checked after its signature: {@code sub} and {@code
 * exp} present; {@code exp} and {@code nbf} (nimbus's {@link DefaultJWTClaimsVerifier}) and {@code
 * iat} against the injected clock with {@code skew} of leeway; {@code role} not {@code anon}; and,
 * when an issuer is required ({@code SUPABASE_URL} is set), {@code iss} equal to it and {@code aud}
 * containing {@value #AUDIENCE}. Each refusal's message starts with its category. Thread-safe.
 */
public final class SupabaseClaimsVerifier implements JWTClaimsSetVerifier<SecurityContext> {

  /** The audience of Supabase's user tokens. */
  public static final String AUDIENCE = "authenticated";

  private final Optional<String> issuer;
  private final Clock clock;
  private final Duration skew;
  private final DefaultJWTClaimsVerifier<SecurityContext> timesAndRequired;

  public SupabaseClaimsVerifier(Optional<String> issuer, Clock clock, Duration skew) {
    this.issuer = issuer;
    this.clock = clock;
    this.skew = skew;
    this.timesAndRequired =
        new DefaultJWTClaimsVerifier<>(null, null, Set.of("sub", "exp"), null) {
          @Override
          protected Date currentTime() {
            return Date.from(clock.instant());
          }
        };
    timesAndRequired.setMaxClockSkew((int) skew.toSeconds());
  }

  @Override
  public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
    if (issuer.isPresent()) {
      if (!issuer.get().equals(claims.getIssuer())) {
        throw new BadJWTException("issuer not accepted (expected %s)".formatted(issuer.get()));
      }
      List<String> audience = claims.getAudience();
      if (audience == null || !audience.contains(AUDIENCE)) {
        throw new BadJWTException("audience not accepted (must contain %s)".formatted(AUDIENCE));
      }
    }
    if ("anon".equals(claims.getClaim("role"))) {
      throw new BadJWTException("role anon is refused on user routes; sign in to get a user token");
    }
    Date issuedAt = claims.getIssueTime();
    if (issuedAt != null && issuedAt.toInstant().isAfter(clock.instant().plus(skew))) {
      throw new BadJWTException(
          "issued in the future (iat more than %d s ahead of this server's clock)"
              .formatted(skew.toSeconds()));
    }
    timesAndRequired.verify(claims, context);
  }
}
