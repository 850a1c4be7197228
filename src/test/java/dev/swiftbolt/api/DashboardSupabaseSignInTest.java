package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.swiftbolt.auth.SupabaseJwks;
import dev.swiftbolt.auth.TokenKeys;
import dev.swiftbolt.auth.TokenVerifier;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.symbols.SymbolRepository;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's sign-in under Supabase, in headless Chromium, against a stand-in for Supabase
 * Auth: its password grant and refresh grant issue ES256 tokens signed with the key its JWKS
 * publishes, the JWKS the server trusts. The stand-in answers CORS as Supabase does (the browser
 * calls it from the dashboard's origin).
 */
class DashboardSupabaseSignInTest {

  private static final String ANON_KEY = "anon-key-of-the-test-project";
  private static final String EMAIL = "ada@example.com";
  private static final String PASSWORD = "correct horse battery staple";
  private static final String USER_ID = "6f1d2a34-5b6c-4d7e-8f90-a1b2c3d4e5f6";

  /** Short enough that the dashboard refreshes within the test (it refreshes 60 s before). */
  private static final int EXPIRES_IN_S = 66;

  private static final AtomicInteger passwordGrants = new AtomicInteger();
  private static final AtomicInteger refreshGrants = new AtomicInteger();
  private static final AtomicInteger wrongKey = new AtomicInteger();

  private static ECKey key;
  private static HttpServer auth;
  private static String authUrl;
  private static Database database;
  private static ApiServer server;
  private static WebDriver driver;
  private static Path profile;

  @BeforeAll
  static void start() throws Exception {
    Chromium.require();
    key = new ECKeyGenerator(Curve.P_256).keyID("auth-1").generate();
    auth = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    authUrl = "http://localhost:" + auth.getAddress().getPort();
    auth.createContext(SupabaseJwks.JWKS_PATH, DashboardSupabaseSignInTest::jwks);
    auth.createContext("/auth/v1/token", DashboardSupabaseSignInTest::token);
    auth.start();

    database = TestDatabase.create();
    new SymbolRepository(database.jdbi()).seed();
    TokenKeys keys =
        new TokenKeys(
            Optional.of(SupabaseJwks.of(authUrl, SupabaseJwks.Timing.DEFAULT)), Optional.empty());
    server =
        new ApiServer(database, new TokenVerifier(keys, Clock.systemUTC()), Clock.systemUTC())
            .dashboardSignIn(DashboardSignIn.of(Optional.of(authUrl), Optional.of(ANON_KEY)))
            .start(0);

    profile = Files.createTempDirectory("swiftbolt-chromium-supabase");
    driver = Chromium.start(profile, 1400, 1000);
  }

  @AfterAll
  static void stop() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
      database.close();
      auth.stop(0);
    }
  }

  private static void cors(HttpExchange exchange) {
    exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
    exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "POST, GET, OPTIONS");
    exchange
        .getResponseHeaders()
        .add("Access-Control-Allow-Headers", "apikey, content-type, accept");
  }

  private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes =
        (body instanceof String text ? text : Json.mapper().writeValueAsString(body))
            .getBytes(StandardCharsets.UTF_8);
    cors(exchange);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static void jwks(HttpExchange exchange) throws IOException {
    reply(exchange, 200, new JWKSet(key).toPublicJWKSet().toString());
  }

  /** Supabase Auth's {@code POST /auth/v1/token?grant_type=password|refresh_token}. */
  private static void token(HttpExchange exchange) throws IOException {
    if (exchange.getRequestMethod().equals("OPTIONS")) {
      cors(exchange);
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
      return;
    }
    if (!ANON_KEY.equals(exchange.getRequestHeaders().getFirst("apikey"))) {
      wrongKey.incrementAndGet();
      reply(exchange, 401, Map.of("message", "Invalid API key"));
      return;
    }
    JsonNode body = Json.mapper().readTree(exchange.getRequestBody());
    String query = exchange.getRequestURI().getQuery();
    if ("grant_type=password".equals(query)
        && EMAIL.equals(body.path("email").asText())
        && PASSWORD.equals(body.path("password").asText())) {
      passwordGrants.incrementAndGet();
      reply(exchange, 200, session("refresh-1"));
    } else if ("grant_type=refresh_token".equals(query)
        && body.path("refresh_token").asText().startsWith("refresh-")) {
      int n = refreshGrants.incrementAndGet();
      reply(exchange, 200, session("refresh-" + (n + 1)));
    } else {
      reply(
          exchange,
          400,
          Map.of("error", "invalid_grant", "error_description", "Invalid login credentials"));
    }
  }

  private static Map<String, Object> session(String refreshToken) {
    Instant now = Instant.now();
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.ES256)
                  .type(JOSEObjectType.JWT)
                  .keyID(key.getKeyID())
                  .build(),
              new JWTClaimsSet.Builder()
                  .subject(USER_ID)
                  .issuer(authUrl + "/auth/v1")
                  .audience("authenticated")
                  .claim("role", "authenticated")
                  .claim("email", EMAIL)
                  .issueTime(Date.from(now))
                  .expirationTime(Date.from(now.plusSeconds(EXPIRES_IN_S)))
                  .build());
      jwt.sign(new ECDSASigner(key));
      return Map.of(
          "access_token",
          jwt.serialize(),
          "token_type",
          "bearer",
          "expires_in",
          EXPIRES_IN_S,
          "expires_at",
          now.plusSeconds(EXPIRES_IN_S).getEpochSecond(),
          "refresh_token",
          refreshToken,
          "user",
          Map.of("id", USER_ID, "email", EMAIL));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static WebElement waitVisible(By by, Duration timeout) {
    return new WebDriverWait(driver, timeout)
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  @Test
  void signs_in_with_email_and_password_through_supabase_auth_and_refreshes_before_expiry() {
    driver.get("http://localhost:" + server.port() + "/");
    waitVisible(By.id("sign-in-supabase"), Duration.ofSeconds(15));
    assertThat(driver.findElement(By.id("sign-in")).isDisplayed())
        .as("no development token box under Supabase")
        .isFalse();

    driver.findElement(By.id("email")).sendKeys(EMAIL);
    driver.findElement(By.id("password")).sendKeys("wrong password");
    driver.findElement(By.cssSelector("#supabase-form button[type=submit]")).click();
    assertThat(waitVisible(By.id("supabase-error"), Duration.ofSeconds(15)).getText())
        .contains("Invalid login credentials");

    driver.findElement(By.id("password")).clear();
    driver.findElement(By.id("password")).sendKeys(PASSWORD);
    driver.findElement(By.cssSelector("#supabase-form button[type=submit]")).click();
    assertThat(waitVisible(By.id("who"), Duration.ofSeconds(15)).getText())
        .isEqualTo("Signed in as " + EMAIL);
    assertThat(passwordGrants.get()).isEqualTo(1);
    assertThat(wrongKey.get()).isZero();

    // the dashboard refreshes 60 s before the 66 s expiry, and the new token works
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> refreshGrants.get() >= 1);
    driver.findElement(By.id("add-symbol")).sendKeys("AAPL");
    driver.findElement(By.cssSelector("#add-form button[type=submit]")).click();
    assertThat(waitVisible(By.id("add-message"), Duration.ofSeconds(15)).getText())
        .contains("AAPL");
    List<String> tracked =
        database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT user_id FROM user_symbol_tracking")
                        .mapTo(String.class)
                        .list());
    assertThat(tracked).containsExactly(USER_ID);
  }
}
