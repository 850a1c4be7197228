package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.swiftbolt.auth.AuthenticationException;
import dev.swiftbolt.auth.JwtSecret;
import dev.swiftbolt.auth.TokenIssuer;
import dev.swiftbolt.auth.TokenVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthenticationTest {

  private static ApiFixture api;

  @BeforeAll
  static void start() {
    api = new ApiFixture();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static String signed(JWSAlgorithm alg, String secret, JWTClaimsSet claims)
      throws Exception {
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).build(), claims);
    jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  private static JWTClaimsSet claims(String sub, Instant exp) {
    return new JWTClaimsSet.Builder().subject(sub).expirationTime(Date.from(exp)).build();
  }

  private static void assertUnauthorized(ApiFixture.Reply reply, String messagePart) {
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().get("error").asText()).isEqualTo("unauthorized");
    assertThat(reply.json().get("message").asText()).containsIgnoringCase(messagePart);
    assertThat(reply.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
  }

  @Test
  void a_valid_token_reaches_the_watchlist_of_its_subject() {
    var reply = api.get("/api/v1/watchlist", "alice");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("user_id").asText()).isEqualTo("alice");
  }

  @Test
  void a_request_without_a_token_is_401_with_the_token_command_hint() {
    assertUnauthorized(api.getPublic("/api/v1/watchlist"), "swiftbolt token USER");
  }

  @Test
  void a_non_bearer_authorization_header_is_401() {
    assertUnauthorized(api.getWithHeader("/api/v1/watchlist", "Basic YWxpY2U6cHc="), "Bearer");
  }

  @Test
  void a_malformed_token_is_401() {
    assertUnauthorized(api.getWithHeader("/api/v1/watchlist", "Bearer not.a.jwt"), "token");
    assertUnauthorized(api.getWithHeader("/api/v1/watchlist", "Bearer "), "token");
  }

  @Test
  void a_token_signed_with_another_secret_is_401() throws Exception {
    String forged =
        signed(
            JWSAlgorithm.HS256,
            "some-other-secret-that-is-also-32-bytes-long",
            claims("alice", Instant.now().plusSeconds(600)));
    assertUnauthorized(api.getWithHeader("/api/v1/watchlist", "Bearer " + forged), "invalid token");
  }

  @Test
  void a_token_whose_payload_was_edited_after_signing_is_401() throws Exception {
    String genuine = api.token("alice");
    String[] parts = genuine.split("\\.");
    String payload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("{\"sub\":\"bob\",\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}")
                    .getBytes(StandardCharsets.UTF_8));
    String tampered = parts[0] + "." + payload + "." + parts[2];
    assertUnauthorized(
        api.getWithHeader("/api/v1/watchlist", "Bearer " + tampered), "invalid token");
  }

  @Test
  void an_unsigned_alg_none_token_is_401() {
    String none = new PlainJWT(claims("alice", Instant.now().plusSeconds(600))).serialize();
    assertThat(none).endsWith(".");
    assertUnauthorized(api.getWithHeader("/api/v1/watchlist", "Bearer " + none), "token");
  }

  @Test
  void an_alg_none_header_with_a_valid_signature_attached_is_401() {
    String genuine = api.token("alice");
    String[] parts = genuine.split("\\.");
    String noneHeader =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    assertUnauthorized(
        api.getWithHeader(
            "/api/v1/watchlist", "Bearer " + noneHeader + "." + parts[1] + "." + parts[2]),
        "token");
  }

  @Test
  void an_hs512_token_with_the_right_secret_is_401_because_only_hs256_is_accepted()
      throws Exception {
    String hs512 =
        signed(
            JWSAlgorithm.HS512,
            ApiFixture.SECRET + ApiFixture.SECRET,
            claims("alice", Instant.now().plusSeconds(600)));
    assertUnauthorized(api.getWithHeader("/api/v1/watchlist", "Bearer " + hs512), "invalid token");
  }

  @Test
  void a_token_expired_just_beyond_the_clock_skew_is_401_and_just_within_it_is_accepted()
      throws Exception {
    Instant now = Instant.now();
    long skew = TokenVerifier.CLOCK_SKEW.toSeconds();
    String expired =
        signed(JWSAlgorithm.HS256, ApiFixture.SECRET, claims("alice", now.minusSeconds(skew + 5)));
    assertUnauthorized(api.getWithHeader("/api/v1/watchlist", "Bearer " + expired), "expired");
    String withinSkew =
        signed(JWSAlgorithm.HS256, ApiFixture.SECRET, claims("alice", now.minusSeconds(skew - 10)));
    assertThat(api.getWithHeader("/api/v1/watchlist", "Bearer " + withinSkew).status())
        .isEqualTo(200);
  }

  @Test
  void a_token_without_exp_or_without_sub_is_401() throws Exception {
    String noExp =
        signed(
            JWSAlgorithm.HS256,
            ApiFixture.SECRET,
            new JWTClaimsSet.Builder().subject("alice").build());
    assertUnauthorized(api.getWithHeader("/api/v1/watchlist", "Bearer " + noExp), "exp");
    String noSub =
        signed(
            JWSAlgorithm.HS256,
            ApiFixture.SECRET,
            new JWTClaimsSet.Builder()
                .expirationTime(Date.from(Instant.now().plusSeconds(60)))
                .build());
    assertUnauthorized(api.getWithHeader("/api/v1/watchlist", "Bearer " + noSub), "sub");
  }

  @Test
  void the_verifier_follows_the_injected_clock() {
    Instant issued = Instant.parse("2026-01-01T00:00:00Z");
    JwtSecret secret = JwtSecret.of(ApiFixture.SECRET);
    String token =
        new TokenIssuer(secret, Clock.fixed(issued, java.time.ZoneOffset.UTC))
            .issue("alice", Duration.ofHours(24));
    Duration skew = TokenVerifier.CLOCK_SKEW;
    Instant justInside = issued.plus(Duration.ofHours(24)).plus(skew).minusSeconds(1);
    Instant justOutside = issued.plus(Duration.ofHours(24)).plus(skew).plusSeconds(1);
    assertThat(
            new TokenVerifier(secret, Clock.fixed(justInside, java.time.ZoneOffset.UTC))
                .userOfToken(token))
        .isEqualTo("alice");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new TokenVerifier(secret, Clock.fixed(justOutside, java.time.ZoneOffset.UTC))
                    .userOfToken(token))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("Expired");
  }

  @Test
  void public_routes_need_no_token() {
    assertThat(api.getPublic("/api/v1/health").status()).isEqualTo(200);
    assertThat(api.getPublic("/api/v1/symbols").status()).isEqualTo(200);
    assertThat(api.getPublic("/api/v1/openapi.json").status()).isEqualTo(200);
    assertThat(api.getPublic("/").status()).isEqualTo(200);
  }

  @Test
  void metrics_and_jobs_need_a_token() {
    assertUnauthorized(api.getPublic("/metrics"), "Authorization");
    assertUnauthorized(api.getPublic("/api/v1/jobs"), "Authorization");
  }
}
