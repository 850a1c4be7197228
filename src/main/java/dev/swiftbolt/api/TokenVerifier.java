package dev.swiftbolt.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.swiftbolt.symbols.UserId;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Set;

/**
 * Verifies {@code Authorization: Bearer <JWT>} headers the way Supabase issues them: HS256 only,
 * signed with the {@link JwtSecret}, with {@code sub} (the user id) and {@code exp} required and
 * {@code exp}/{@code nbf} enforced against the injected clock with {@link #CLOCK_SKEW} of leeway.
 * Unsigned ({@code alg: none}) tokens, every other algorithm, bad signatures and malformed tokens
 * are refused. Thread-safe.
 */
public final class TokenVerifier {

  /** Leeway for clocks that disagree a little between the issuer and this server. */
  public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

  private static final String BEARER = "Bearer ";

  private final DefaultJWTProcessor<SecurityContext> processor;

  public TokenVerifier(JwtSecret secret, Clock clock) {
    processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            JWSAlgorithm.HS256, new ImmutableSecret<SecurityContext>(secret.key())));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(null, null, Set.of("sub", "exp"), null) {
          @Override
          protected Date currentTime() {
            return Date.from(clock.instant());
          }
        };
    claims.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
  }

  /**
   * The user id ({@code sub}) of a valid {@code Authorization} header value.
   *
   * @throws AuthenticationException saying what is wrong, for anything else
   */
  public String userOf(String authorizationHeader) {
    if (authorizationHeader == null || authorizationHeader.isBlank()) {
      throw new AuthenticationException(
          "missing Authorization header; send 'Authorization: Bearer <JWT>'"
              + " (local development: swiftbolt token USER)");
    }
    String header = authorizationHeader.trim();
    if (header.equalsIgnoreCase(BEARER.trim())) {
      throw new AuthenticationException("empty bearer token; send 'Authorization: Bearer <JWT>'");
    }
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new AuthenticationException("Authorization header must be 'Bearer <JWT>'");
    }
    return userOfToken(header.substring(BEARER.length()).trim());
  }

  /**
   * The user id ({@code sub}) of a valid token.
   *
   * @throws AuthenticationException saying what is wrong, for anything else
   */
  public String userOfToken(String token) {
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (ParseException e) {
      throw new AuthenticationException("malformed token: " + e.getMessage());
    } catch (BadJOSEException e) {
      throw new AuthenticationException("invalid token: " + e.getMessage());
    } catch (JOSEException e) {
      throw new AuthenticationException("token could not be verified: " + e.getMessage());
    }
    try {
      return UserId.validate(claims.getSubject());
    } catch (IllegalArgumentException e) {
      throw new AuthenticationException("invalid token subject: " + e.getMessage());
    }
  }
}
