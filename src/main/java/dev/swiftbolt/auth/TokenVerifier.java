package dev.swiftbolt.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.swiftbolt.auth.internal.SupabaseClaimsVerifier;
import dev.swiftbolt.symbols.UserId;
import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies {@code Authorization: Bearer <JWT>} headers the way Supabase issues them, with nimbus-
 * jose-jwt: the configured {@link TokenKeys} decide which algorithms are accepted (ES256 and RS256
 * against the project's JWKS, HS256 against the legacy or development secret), never the token's
 * header; the claims are checked by {@link SupabaseClaimsVerifier} against the injected clock with
 * {@link #CLOCK_SKEW} of leeway. Unsigned ({@code alg: none}) tokens, other algorithms, bad
 * signatures, unknown keys, foreign issuers and audiences, {@code role: anon} and malformed tokens
 * are refused with an {@link AuthenticationException} naming the category (never a key); a token
 * that needs the JWKS while it cannot be fetched raises {@link TokenKeysUnavailableException}.
 * Thread-safe.
 */
public final class TokenVerifier {

  /** Leeway for clocks that disagree a little between the issuer and this server. */
  public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  private static final Set<JWSAlgorithm> JWKS_ALGORITHMS =
      Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256);
  private static final String BEARER = "Bearer ";

  private final TokenKeys keys;
  private final Set<JWSAlgorithm> accepted = new LinkedHashSet<>();
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  /** HS256 tokens signed with {@code secret}, without issuer or audience checks. */
  public TokenVerifier(JwtSecret secret, Clock clock) {
    this(TokenKeys.hs256(secret), clock);
  }

  public TokenVerifier(TokenKeys keys, Clock clock) {
    this.keys = keys;
    // The secret verifies every HS256 token, whatever kid it names (Supabase's legacy tokens may
    // carry one); it is never tried for another algorithm.
    Optional<JWSKeySelector<SecurityContext>> hmac =
        keys.secret()
            .map(
                s -> {
                  List<Key> secretKey = List.of(new SecretKeySpec(s.key(), "HmacSHA256"));
                  return (header, context) -> secretKey;
                });
    Optional<JWSKeySelector<SecurityContext>> published =
        keys.jwks().map(j -> new JWSVerificationKeySelector<>(JWKS_ALGORITHMS, j.source()));
    published.ifPresent(p -> accepted.addAll(List.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256)));
    hmac.ifPresent(h -> accepted.add(JWSAlgorithm.HS256));
    processor.setJWSKeySelector(
        (header, context) -> {
          Optional<JWSKeySelector<SecurityContext>> selector =
              JWSAlgorithm.HS256.equals(header.getAlgorithm()) ? hmac : published;
          List<? extends Key> found =
              selector.isPresent() ? selector.get().selectJWSKeys(header, context) : List.of();
          if (found.isEmpty()) {
            throw new UnknownKeyException(header);
          }
          return found;
        });
    processor.setJWTClaimsSetVerifier(
        new SupabaseClaimsVerifier(keys.requiredIssuer(), clock, CLOCK_SKEW));
  }

  /** The keys this verifier accepts tokens from. */
  public TokenKeys keys() {
    return keys;
  }

  /**
   * The user id ({@code sub}) of a valid {@code Authorization} header value.
   *
   * @throws AuthenticationException saying what is wrong, for anything else
   * @throws TokenKeysUnavailableException when the token needs the JWKS and it cannot be fetched
   */
  public String userOf(String authorizationHeader) {
    if (authorizationHeader == null || authorizationHeader.isBlank()) {
      throw new AuthenticationException(
          "missing Authorization header; send 'Authorization: Bearer <JWT>'"
              + (keys.jwks().isEmpty() ? " (local development: swiftbolt token USER)" : ""));
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
   * @throws TokenKeysUnavailableException when the token needs the JWKS and it cannot be fetched
   */
  public String userOfToken(String token) {
    SignedJWT jwt = signed(token);
    JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
    if (!accepted.contains(algorithm)) {
      throw new AuthenticationException(
          "invalid token: algorithm %s is not accepted here (accepted: %s)"
              .formatted(
                  algorithm,
                  accepted.stream().map(JWSAlgorithm::getName).collect(Collectors.joining(", "))));
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(jwt, null);
    } catch (UnknownKeyException e) {
      throw unknownKey(jwt.getHeader());
    } catch (RateLimitReachedException e) {
      // An unknown kid asked for a refresh within the rate limit: the set is current.
      if (keys.jwks().map(SupabaseJwks::lastFetchSucceeded).orElse(false)) {
        throw unknownKey(jwt.getHeader());
      }
      throw keysUnavailable(e);
    } catch (KeySourceException e) {
      throw keysUnavailable(e);
    } catch (BadJWSException e) {
      throw new AuthenticationException("invalid token: signature does not verify");
    } catch (BadJWTException e) {
      throw new AuthenticationException("invalid token: " + e.getMessage());
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

  private static SignedJWT signed(String token) {
    JWT jwt;
    try {
      jwt = JWTParser.parse(token);
    } catch (ParseException e) {
      throw new AuthenticationException("malformed token: " + e.getMessage());
    }
    if (jwt instanceof PlainJWT) {
      throw new AuthenticationException("invalid token: unsigned (alg none) tokens are refused");
    }
    if (!(jwt instanceof SignedJWT signed)) {
      throw new AuthenticationException("invalid token: encrypted tokens are not accepted");
    }
    return signed;
  }

  private static AuthenticationException unknownKey(JWSHeader header) {
    return new AuthenticationException(
        "invalid token: unknown signing key%s; the project's keys do not include it"
            .formatted(
                header.getKeyID() == null ? "" : " (kid " + shortened(header.getKeyID()) + ")"));
  }

  private static String shortened(String kid) {
    String printable = kid.replaceAll("[^\\x20-\\x7e]", "?");
    return printable.length() <= 64 ? printable : printable.substring(0, 64) + "…";
  }

  private TokenKeysUnavailableException keysUnavailable(KeySourceException e) {
    String url = keys.jwks().map(j -> j.jwksUrl().toString()).orElse("the JWKS");
    return new TokenKeysUnavailableException(
        "the signing keys at %s could not be fetched, so the token cannot be verified; try again shortly"
            .formatted(url),
        e);
  }

  /** No configured key matches the token's algorithm and {@code kid} (after a refresh). */
  private static final class UnknownKeyException extends KeySourceException {
    private static final long serialVersionUID = 1L;

    UnknownKeyException(JWSHeader header) {
      super("no key for " + header.getAlgorithm() + " kid " + header.getKeyID());
    }
  }
}
