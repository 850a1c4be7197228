package dev.swiftbolt.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.swiftbolt.auth.SupabaseJwks;
import dev.swiftbolt.cli.CheckDeployment.Line;
import dev.swiftbolt.cli.CheckDeployment.Status;
import dev.swiftbolt.cli.CliRun.Result;
import dev.swiftbolt.config.SwiftBoltConfig;
import dev.swiftbolt.db.ConnectionSettings;
import dev.swiftbolt.db.SupabaseProject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code swiftbolt check deployment} on the embedded database, before and after migrating; its
 * tokens line against a WireMock Supabase project and its Alpaca line against a WireMock Alpaca.
 */
class CheckDeploymentTest {

  private static final String SECRET = "legacy-hs256-secret-that-is-at-least-32-bytes";

  @TempDir Path home;

  private static WireMockServer remote;

  @BeforeAll
  static void startRemote() {
    remote = new WireMockServer(options().dynamicPort());
    remote.start();
  }

  @AfterAll
  static void stopRemote() {
    remote.stop();
  }

  private SwiftBoltConfig config(Map<String, String> env) {
    return SwiftBoltConfig.from(env, Optional.of(home));
  }

  private static void assertLine(Line line, Status status, String check, String detailPattern) {
    assertThat(line.status()).as(line.toString()).isEqualTo(status);
    assertThat(line.check()).isEqualTo(check);
    assertThat(line.detail()).as(line.toString()).matches(detailPattern);
  }

  @Test
  void the_tokens_line_counts_the_projects_keys_and_names_the_legacy_secret_beside_them()
      throws Exception {
    remote.resetAll();
    String keys =
        new JWKSet(
                List.of(
                    new ECKeyGenerator(Curve.P_256).keyID("a").generate(),
                    new ECKeyGenerator(Curve.P_256).keyID("b").generate()))
            .toPublicJWKSet()
            .toString();
    remote.stubFor(get(urlPathEqualTo(SupabaseJwks.JWKS_PATH)).willReturn(okJson(keys)));
    String jwksUrl = remote.baseUrl() + SupabaseJwks.JWKS_PATH;

    assertLine(
        CheckDeployment.tokens(config(Map.of("SUPABASE_URL", remote.baseUrl())), true),
        Status.PASS,
        "tokens",
        "JWKS at \\Q%s\\E reachable with 2 keys".formatted(jwksUrl));
    assertLine(
        CheckDeployment.tokens(
            config(Map.of("SUPABASE_URL", remote.baseUrl(), "SUPABASE_JWT_SECRET", SECRET)), true),
        Status.PASS,
        "tokens",
        "JWKS at \\Q%s\\E reachable with 2 keys and the legacy SUPABASE_JWT_SECRET"
            .formatted(jwksUrl));
    remote.verify(2, getRequestedFor(urlPathEqualTo(SupabaseJwks.JWKS_PATH)));
  }

  @Test
  void the_tokens_line_fails_when_the_jwks_is_empty_or_unreachable() {
    remote.resetAll();
    remote.stubFor(get(urlPathEqualTo(SupabaseJwks.JWKS_PATH)).willReturn(okJson("{\"keys\":[]}")));
    String jwksUrl = remote.baseUrl() + SupabaseJwks.JWKS_PATH;
    assertLine(
        CheckDeployment.tokens(config(Map.of("SUPABASE_URL", remote.baseUrl())), true),
        Status.FAIL,
        "tokens",
        "JWKS at \\Q%s\\E has no keys".formatted(jwksUrl));

    remote.stubFor(
        get(urlPathEqualTo(SupabaseJwks.JWKS_PATH)).willReturn(aResponse().withStatus(500)));
    assertLine(
        CheckDeployment.tokens(config(Map.of("SUPABASE_URL", remote.baseUrl())), true),
        Status.FAIL,
        "tokens",
        "JWKS at \\Q%s\\E unreachable \\(.+\\): the server would answer 503 to its tokens"
            .formatted(jwksUrl));
  }

  @Test
  void the_tokens_line_passes_the_legacy_secret_and_warns_of_development_tokens_off_this_machine() {
    assertLine(
        CheckDeployment.tokens(config(Map.of("SUPABASE_JWT_SECRET", SECRET)), false),
        Status.PASS,
        "tokens",
        "legacy HS256 secret \\(SUPABASE_JWT_SECRET\\)");
    assertLine(
        CheckDeployment.tokens(config(Map.of()), true),
        Status.PASS,
        "tokens",
        "development tokens \\(`swiftbolt token USER`\\)");
    assertLine(
        CheckDeployment.tokens(config(Map.of()), false),
        Status.WARN,
        "tokens",
        "development tokens only, on a database that is not local: set SUPABASE_URL .*");
  }

  @Test
  void the_alpaca_line_passes_keys_alpaca_accepts_and_fails_keys_it_refuses() {
    remote.resetAll();
    remote.stubFor(
        get(urlPathMatching("/v2/stocks/AAPL/bars"))
            .willReturn(okJson("{\"bars\":[],\"symbol\":\"AAPL\",\"next_page_token\":null}")));
    Map<String, String> env =
        Map.of(
            "APCA_API_KEY_ID", "key",
            "APCA_API_SECRET_KEY", "secret",
            "APCA_API_DATA_URL", remote.baseUrl());
    assertLine(
        CheckDeployment.alpaca(config(env)),
        Status.PASS,
        "alpaca",
        "keys accepted by \\Q%s\\E \\(feed sip, 0 AAPL daily bars this week\\)"
            .formatted(remote.baseUrl()));
    remote.verify(
        1,
        getRequestedFor(urlPathEqualTo("/v2/stocks/AAPL/bars"))
            .withHeader("APCA-API-KEY-ID", equalTo("key")));

    remote.stubFor(
        get(urlPathMatching("/v2/stocks/AAPL/bars"))
            .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"unauthorized.\"}")));
    assertLine(
        CheckDeployment.alpaca(config(env)),
        Status.FAIL,
        "alpaca",
        "request to \\Q%s\\E failed: .+".formatted(remote.baseUrl()));
    assertLine(
        CheckDeployment.alpaca(config(Map.of())),
        Status.PASS,
        "alpaca",
        "simulator \\(APCA_API_KEY_ID and APCA_API_SECRET_KEY are not set\\)");
  }

  @Test
  void an_unmigrated_database_fails_the_schema_checks_and_a_migrated_one_passes_every_check() {
    Result before = CliRun.run(home, "check", "deployment");
    System.out.println("check deployment before db migrate:\n" + before.out());
    assertThat(before.exitCode()).as(before.err()).isEqualTo(1);
    assertThat(before.out())
        .containsPattern("(?m)^PASS  database +reachable at embedded .*direct")
        .containsPattern("(?m)^FAIL  schema +.*pending; run `swiftbolt db migrate`")
        .containsPattern("(?m)^FAIL  row-level security +no tables yet; run `swiftbolt db migrate`")
        .containsPattern("(?m)^FAIL  tracking trigger +user_symbol_tracking_enqueue is missing");
    // exactly these three fail: the rest of the report is the same before and after migrating
    assertThat(before.out().lines().filter(line -> line.startsWith("FAIL")))
        .map(line -> line.substring(6, 24).strip())
        .containsExactly("schema", "row-level security", "tracking trigger");
    assertThat(before.out().lines()).hasSize(9);

    assertThat(CliRun.run(home, "db", "migrate").exitCode()).isZero();
    Result after = CliRun.run(home, "check", "deployment");
    System.out.println("check deployment on the embedded database:\n" + after.out());
    assertThat(after.exitCode()).as(after.out() + after.err()).isZero();
    assertThat(after.out().lines())
        .hasSize(9)
        .allMatch(line -> line.startsWith("PASS  "))
        .anyMatch(line -> line.matches("PASS  schema +version \\d+, current"))
        .anyMatch(line -> line.matches("PASS  row-level security +enabled on all \\d+ tables"))
        .anyMatch(line -> line.startsWith("PASS  policies            none needed"))
        .anyMatch(line -> line.startsWith("PASS  privileges          none needed"))
        .anyMatch(line -> line.startsWith("PASS  tokens              development tokens"))
        .anyMatch(line -> line.startsWith("PASS  alpaca              simulator"))
        .anyMatch(line -> line.startsWith("PASS  realtime            no supabase_realtime"));
  }

  @Test
  void on_a_2026_supabase_project_it_passes_after_migrating_and_fails_naming_a_revoked_grant()
      throws Exception {
    ConnectionSettings project = SupabaseProject.create2026();
    Map<String, String> env = Map.of("DATABASE_URL", project.jdbcUrl() + "?user=" + project.user());
    assertThat(CliRun.run(env, home, "db", "migrate").exitCode()).isZero();

    Result migrated = CliRun.run(env, home, "check", "deployment");
    System.out.println("check deployment on a 2026 Supabase project:\n" + migrated.out());
    assertThat(migrated.out())
        .containsPattern("(?m)^PASS  policies +11 present")
        .containsPattern("(?m)^PASS  privileges +as intended on all \\d+ tables");
    assertThat(migrated.out().lines())
        .noneMatch(line -> line.startsWith("FAIL  "))
        .noneMatch(line -> line.contains("privileges") && !line.startsWith("PASS"));

    try (Connection c = DriverManager.getConnection(project.jdbcUrl(), project.user(), null);
        Statement s = c.createStatement()) {
      s.execute("REVOKE INSERT ON user_symbol_tracking FROM authenticated");
      s.execute("GRANT SELECT ON models TO anon");
    }
    Result revoked = CliRun.run(env, home, "check", "deployment");
    System.out.println("check deployment after revoking the tracking insert:\n" + revoked.out());
    assertThat(revoked.exitCode()).isEqualTo(1);
    assertThat(revoked.out())
        .contains(
            "FAIL  privileges          authenticated on user_symbol_tracking lacks INSERT; run"
                + " `GRANT INSERT ON user_symbol_tracking TO authenticated;`")
        .contains(
            "FAIL  privileges          anon on models has SELECT it must not; run"
                + " `REVOKE SELECT ON models FROM anon;`");
  }
}
