package dev.swiftbolt.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.swiftbolt.auth.AuthenticationException;
import dev.swiftbolt.auth.JwtSecret;
import dev.swiftbolt.auth.SupabaseJwks;
import dev.swiftbolt.auth.TokenKeys;
import dev.swiftbolt.auth.TokenVerifier;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.jobs.Eventually;
import dev.swiftbolt.symbols.SymbolRepository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Supabase's current JWT signing keys: a WireMock project serving a JWKS with an EC P-256 and an
 * RSA key, the server verifying ES256 and RS256 tokens against it beside the legacy HS256 secret,
 * every refusal by category, key rotation, and the 503 while the keys cannot be fetched.
 */
class JwksAuthenticationTest {

  private static final String LEGACY_SECRET = "legacy-hs256-secret-that-is-at-least-32-bytes";

  /** Short enough for a test to see expiry and refresh; the server's defaults are 5 min / 30 s. */
  private static final SupabaseJwks.Timing FAST =
      new SupabaseJwks.Timing(Duration.ofMillis(1500), Duration.ofMillis(300));

  private static ECKey ec;
  private static RSAKey rsa;
  private static WireMockServer supabase;
  private static Database database;
  private static ApiServer server;
  private static ApiServer serverWithoutSecret;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    supabase = new WireMockServer(options().dynamicPort());
    supabase.start();
    serveKeys(supabase, ec, rsa);
    database = TestDatabase.create();
    new SymbolRepository(database.jdbi()).seed();
    server = serverFor(supabase, Optional.of(JwtSecret.of(LEGACY_SECRET)));
    serverWithoutSecret = serverFor(supabase, Optional.empty());
  }

  @AfterAll
  static void stop() {
    server.close();
    serverWithoutSecret.close();
    database.close();
    supabase.stop();
  }

  private static ApiServer serverFor(WireMockServer project, Optional<JwtSecret> secret) {
    TokenKeys keys = new TokenKeys(Optional.of(SupabaseJwks.of(project.baseUrl(), FAST)), secret);
    return new ApiServer(database, new TokenVerifier(keys, Clock.systemUTC()), Clock.systemUTC())
        .start(0);
  }

  private static void serveKeys(WireMockServer project, JWK... keys) {
    String body = new JWKSet(List.of(keys)).toPublicJWKSet().toString();
    project.stubFor(get(urlPathEqualTo(SupabaseJwks.JWKS_PATH)).willReturn(okJson(body)));
  }

  private static String issuer(WireMockServer project) {
    return project.baseUrl() + "/auth/v1";
  }

  /** Claims as Supabase writes them for a signed-in user, adjusted by {@code change}. */
  private static JWTClaimsSet claims(String sub, UnaryOperator<JWTClaimsSet.Builder> change) {
    Instant now = Instant.now();
    return change
        .apply(
            new JWTClaimsSet.Builder()
                .subject(sub)
                .issuer(issuer(supabase))
                .audience("authenticated")
                .claim("role", "authenticated")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600))))
        .build();
  }

  private static String sign(JWSAlgorithm alg, String kid, JWSSigner signer, JWTClaimsSet claims)
      throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(kid).build(), claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  private static String es256(JWTClaimsSet claims) throws Exception {
    return sign(JWSAlgorithm.ES256, ec.getKeyID(), new ECDSASigner(ec), claims);
  }

  private static String rs256(JWTClaimsSet claims) throws Exception {
    return sign(JWSAlgorithm.RS256, rsa.getKeyID(), new RSASSASigner(rsa), claims);
  }

  private static String hs256(String secret, JWTClaimsSet claims) throws Exception {
    return sign(
        JWSAlgorithm.HS256, null, new MACSigner(secret.getBytes(StandardCharsets.UTF_8)), claims);
  }

  private record Reply(int status, String body, Optional<String> retryAfter) {}

  private static Reply watchlist(ApiServer target, String token) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + target.port() + "/api/v1/watchlist"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Reply(
        response.statusCode(), response.body(), response.headers().firstValue("Retry-After"));
  }

  private static void assertRefused(Reply reply, String category) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(401);
    assertThat(reply.body()).contains("\"error\":\"unauthorized\"").contains(category);
    assertNoKeyMaterial(reply.body());
  }

  /**
   * No part of any key (public or private, EC or RSA) nor the legacy secret appears in {@code
   * body}.
   */
  private static void assertNoKeyMaterial(String body) {
    List<Object> parts =
        List.of(
            ec.getX(),
            ec.getY(),
            ec.getD(),
            rsa.getModulus(),
            rsa.getPublicExponent(),
            rsa.getPrivateExponent(),
            rsa.getFirstPrimeFactor(),
            rsa.getSecondPrimeFactor(),
            rsa.getFirstFactorCRTExponent(),
            rsa.getSecondFactorCRTExponent(),
            rsa.getFirstCRTCoefficient(),
            LEGACY_SECRET);
    for (Object part : parts) {
      assertThat(body).doesNotContain(part.toString());
    }
  }

  @Test
  void es256_and_rs256_tokens_of_the_project_reach_the_watchlist_of_their_subject()
      throws Exception {
    String user = UUID.randomUUID().toString();
    Reply viaEc = watchlist(server, es256(claims(user, b -> b)));
    assertThat(viaEc.status()).as(viaEc.body()).isEqualTo(200);
    assertThat(viaEc.body()).contains(user);
    Reply viaRsa = watchlist(server, rs256(claims(user, b -> b)));
    assertThat(viaRsa.status()).as(viaRsa.body()).isEqualTo(200);
  }

  @Test
  void a_legacy_hs256_token_works_beside_the_jwks_and_is_checked_for_issuer_and_audience()
      throws Exception {
    String user = UUID.randomUUID().toString();
    assertThat(watchlist(server, hs256(LEGACY_SECRET, claims(user, b -> b))).status())
        .isEqualTo(200);
    assertRefused(
        watchlist(server, hs256(LEGACY_SECRET, claims(user, b -> b.issuer("swiftbolt-dev")))),
        "issuer not accepted");
    assertRefused(
        watchlist(server, hs256(LEGACY_SECRET, claims(user, b -> b.audience("other")))),
        "audience not accepted");
    // without SUPABASE_JWT_SECRET, HS256 is not an accepted algorithm at all
    assertRefused(
        watchlist(serverWithoutSecret, hs256(LEGACY_SECRET, claims(user, b -> b))),
        "algorithm HS256 is not accepted");
  }

  @Test
  void an_unsigned_token_is_refused() throws Exception {
    String none = new PlainJWT(claims("alice", b -> b)).serialize();
    assertRefused(watchlist(server, none), "unsigned");
  }

  @Test
  void an_hs256_token_signed_with_the_public_keys_bytes_is_refused() throws Exception {
    // algorithm confusion: the attacker knows the public key and uses it as an HMAC secret
    JWTClaimsSet claims = claims("mallory", b -> b);
    for (String publicKey :
        List.of(rsa.toPublicJWK().toJSONString(), ec.toPublicJWK().toJSONString())) {
      byte[] bytes = publicKey.getBytes(StandardCharsets.UTF_8);
      for (String kid : List.of(rsa.getKeyID(), ec.getKeyID())) {
        String forged = sign(JWSAlgorithm.HS256, kid, new MACSigner(bytes), claims);
        assertRefused(watchlist(server, forged), "signature does not verify");
        assertRefused(watchlist(serverWithoutSecret, forged), "algorithm HS256 is not accepted");
      }
      String derived =
          sign(JWSAlgorithm.HS256, null, new MACSigner(rsa.toRSAPublicKey().getEncoded()), claims);
      assertRefused(watchlist(serverWithoutSecret, derived), "algorithm HS256 is not accepted");
    }
  }

  @Test
  void a_foreign_issuer_another_audience_and_role_anon_are_refused() throws Exception {
    String user = UUID.randomUUID().toString();
    assertRefused(
        watchlist(server, es256(claims(user, b -> b.issuer("https://other.supabase.co/auth/v1")))),
        "issuer not accepted");
    assertRefused(
        watchlist(server, es256(claims(user, b -> b.audience("service")))),
        "audience not accepted");
    assertRefused(
        watchlist(server, es256(claims(user, b -> b.audience((String) null)))),
        "audience not accepted");
    assertRefused(
        watchlist(server, es256(claims(user, b -> b.claim("role", "anon")))), "role anon");
  }

  @Test
  void exp_nbf_and_iat_are_enforced_with_60_seconds_of_skew() throws Exception {
    String user = UUID.randomUUID().toString();
    Instant now = Instant.now();
    assertRefused(
        watchlist(
            server, es256(claims(user, b -> b.expirationTime(Date.from(now.minusSeconds(70)))))),
        "Expired");
    assertThat(
            watchlist(
                    server,
                    es256(claims(user, b -> b.expirationTime(Date.from(now.minusSeconds(45))))))
                .status())
        .isEqualTo(200);
    assertRefused(
        watchlist(
            server, es256(claims(user, b -> b.notBeforeTime(Date.from(now.plusSeconds(75)))))),
        "before use time");
    assertThat(
            watchlist(
                    server,
                    es256(claims(user, b -> b.notBeforeTime(Date.from(now.plusSeconds(45))))))
                .status())
        .isEqualTo(200);
    assertRefused(
        watchlist(server, es256(claims(user, b -> b.issueTime(Date.from(now.plusSeconds(75)))))),
        "issued in the future");
    assertThat(
            watchlist(server, es256(claims(user, b -> b.issueTime(Date.from(now.plusSeconds(45))))))
                .status())
        .isEqualTo(200);
  }

  @Test
  void a_token_signed_with_a_key_the_project_does_not_publish_is_refused() throws Exception {
    ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    assertRefused(
        watchlist(
            server,
            sign(JWSAlgorithm.ES256, "ec-1", new ECDSASigner(stranger), claims("eve", b -> b))),
        "signature does not verify");
    ECKey unknown = new ECKeyGenerator(Curve.P_256).keyID("ec-unknown").generate();
    assertRefused(
        watchlist(
            server,
            sign(
                JWSAlgorithm.ES256, "ec-unknown", new ECDSASigner(unknown), claims("eve", b -> b))),
        "unknown signing key");
  }

  @Test
  void rotation_a_new_kid_is_accepted_after_the_refresh_and_a_removed_one_refused_after_expiry()
      throws Exception {
    WireMockServer project = new WireMockServer(options().dynamicPort());
    project.start();
    try {
      ECKey first = new ECKeyGenerator(Curve.P_256).keyID("first").generate();
      ECKey second = new ECKeyGenerator(Curve.P_256).keyID("second").generate();
      serveKeys(project, first);
      TokenVerifier verifier =
          new TokenVerifier(
              new TokenKeys(
                  Optional.of(SupabaseJwks.of(project.baseUrl(), FAST)), Optional.empty()),
              Clock.systemUTC());
      UnaryOperator<JWTClaimsSet.Builder> ofProject = b -> b.issuer(project.baseUrl() + "/auth/v1");
      String byFirst =
          sign(JWSAlgorithm.ES256, "first", new ECDSASigner(first), claims("ann", ofProject));
      String bySecond =
          sign(JWSAlgorithm.ES256, "second", new ECDSASigner(second), claims("ann", ofProject));
      assertThat(verifier.userOfToken(byFirst)).isEqualTo("ann");

      serveKeys(project, first, second);
      Eventually.await(
          "the new key's token is accepted after the refresh",
          Duration.ofSeconds(5),
          () -> accepts(verifier, bySecond));

      serveKeys(project, second);
      Eventually.await(
          "the removed key's token is refused once the cache expires",
          Duration.ofSeconds(10),
          () -> !accepts(verifier, byFirst));
      assertThatThrownBy(() -> verifier.userOfToken(byFirst))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("unknown signing key (kid first)");
      assertThat(verifier.userOfToken(bySecond)).isEqualTo("ann");
      // refreshes are rate limited: far fewer fetches than verifications
      assertThat(project.findAll(getRequestedFor(urlPathEqualTo(SupabaseJwks.JWKS_PATH))).size())
          .isLessThan(40);
    } finally {
      project.stop();
    }
  }

  @Test
  void a_burst_of_unknown_kids_fetches_the_key_set_at_most_once_per_interval() throws Exception {
    WireMockServer project = new WireMockServer(options().dynamicPort());
    project.start();
    try {
      Duration interval = Duration.ofSeconds(1);
      ECKey known = new ECKeyGenerator(Curve.P_256).keyID("known").generate();
      serveKeys(project, known);
      TokenVerifier verifier =
          new TokenVerifier(
              new TokenKeys(
                  Optional.of(
                      SupabaseJwks.of(
                          project.baseUrl(),
                          new SupabaseJwks.Timing(Duration.ofMinutes(1), interval))),
                  Optional.empty()),
              Clock.systemUTC());
      UnaryOperator<JWTClaimsSet.Builder> ofProject = b -> b.issuer(project.baseUrl() + "/auth/v1");
      assertThat(
              verifier.userOfToken(
                  sign(
                      JWSAlgorithm.ES256,
                      "known",
                      new ECDSASigner(known),
                      claims("ann", ofProject))))
          .isEqualTo("ann");
      assertThat(keySetRequests(project)).hasSize(1);

      // 40 tokens with 40 different unknown kids, from 4 threads, right after the first fetch
      List<String> strangers = new java.util.ArrayList<>();
      for (int i = 0; i < 40; i++) {
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("stranger-" + i).generate();
        strangers.add(
            sign(
                JWSAlgorithm.ES256,
                stranger.getKeyID(),
                new ECDSASigner(stranger),
                claims("eve", ofProject)));
      }
      refuseAll(verifier, strangers);
      assertThat(keySetRequests(project)).as("no refresh within the interval").hasSize(1);

      // once the interval has passed, an unknown kid refreshes the set, exactly once
      Eventually.await(
          "an unknown kid refreshes the key set after the interval",
          Duration.ofSeconds(5),
          () -> {
            assertThatThrownBy(() -> verifier.userOfToken(strangers.get(0)))
                .hasMessageContaining("unknown signing key (kid stranger-0)");
            return keySetRequests(project).size() == 2;
          });
      refuseAll(verifier, strangers);
      List<LoggedRequest> requests = keySetRequests(project);
      assertThat(requests).hasSize(2);
      long gapMillis =
          requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
      assertThat(gapMillis).isGreaterThanOrEqualTo(interval.toMillis() - 20);
    } finally {
      project.stop();
    }
  }

  private static List<LoggedRequest> keySetRequests(WireMockServer project) {
    return project.findAll(getRequestedFor(urlPathEqualTo(SupabaseJwks.JWKS_PATH))).stream()
        .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
        .toList();
  }

  /** Verifies every token on 4 threads; each must be refused as signed by an unknown key. */
  private static void refuseAll(TokenVerifier verifier, List<String> tokens) throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (String token : tokens) {
        done.add(
            pool.submit(
                () ->
                    assertThatThrownBy(() -> verifier.userOfToken(token))
                        .isInstanceOf(AuthenticationException.class)
                        .hasMessageContaining("unknown signing key")));
      }
      for (var f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static boolean accepts(TokenVerifier verifier, String token) {
    try {
      verifier.userOfToken(token);
      return true;
    } catch (AuthenticationException e) {
      return false;
    }
  }

  @Test
  void while_the_jwks_is_unreachable_the_server_answers_503_and_accepts_nothing_unverified()
      throws Exception {
    WireMockServer project = new WireMockServer(options().dynamicPort());
    project.start();
    project.stubFor(
        get(urlPathEqualTo(SupabaseJwks.JWKS_PATH)).willReturn(aResponse().withStatus(500)));
    ApiServer down = serverFor(project, Optional.of(JwtSecret.of(LEGACY_SECRET)));
    try {
      String token = es256(claims("dora", b -> b.issuer(project.baseUrl() + "/auth/v1")));
      Reply reply = watchlist(down, token);
      assertThat(reply.status()).as(reply.body()).isEqualTo(503);
      assertThat(reply.retryAfter()).contains("30");
      assertNoKeyMaterial(reply.body());
      assertThat(reply.body())
          .contains("\"error\":\"token keys unavailable\"")
          .contains(project.baseUrl() + SupabaseJwks.JWKS_PATH);
      // a legacy token does not need the JWKS
      String legacy =
          hs256(LEGACY_SECRET, claims("dora", b -> b.issuer(project.baseUrl() + "/auth/v1")));
      assertThat(watchlist(down, legacy).status()).isEqualTo(200);

      serveKeys(project, ec, rsa);
      Eventually.await(
          "the ES256 token is accepted once a fetch succeeds",
          Duration.ofSeconds(5),
          () -> statusOf(down, token) == 200);
    } finally {
      down.close();
      project.stop();
    }
  }

  private static int statusOf(ApiServer target, String token) {
    try {
      return watchlist(target, token).status();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void supabase_url_must_be_a_bare_project_url() {
    assertThat(SupabaseJwks.of("https://abcd.supabase.co/", SupabaseJwks.Timing.DEFAULT).issuer())
        .isEqualTo("https://abcd.supabase.co/auth/v1");
    for (String bad :
        List.of("abcd.supabase.co", "ftp://abcd.supabase.co", "https://abcd.supabase.co/rest/v1")) {
      assertThatThrownBy(() -> SupabaseJwks.of(bad, SupabaseJwks.Timing.DEFAULT))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("SUPABASE_URL");
    }
  }
}
