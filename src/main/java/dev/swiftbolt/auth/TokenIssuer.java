package dev.swiftbolt.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.swiftbolt.symbols.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Signs development tokens shaped like Supabase's ({@code sub}, {@code role: authenticated}, {@code
 * aud: authenticated}, {@code iat}, {@code exp}) with HS256. Thread-safe.
 */
public final class TokenIssuer {

  /** The default lifetime of a development token. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);

  private final JwtSecret secret;
  private final Clock clock;

  public TokenIssuer(JwtSecret secret, Clock clock) {
    this.secret = secret;
    this.clock = clock;
  }

  /**
   * A token for {@code user} valid for {@code lifetime} from now.
   *
   * @throws IllegalArgumentException for an invalid user id or a non-positive lifetime
   */
  public String issue(String user, Duration lifetime) {
    String subject = UserId.validate(user);
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("token lifetime must be positive, got " + lifetime);
    }
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject(subject)
            .audience("authenticated")
            .claim("role", "authenticated")
            .issuer("swiftbolt-dev")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(new MACSigner(secret.key()));
    } catch (JOSEException e) {
      throw new IllegalStateException("signing the token failed: " + e.getMessage(), e);
    }
    return jwt.serialize();
  }
}
