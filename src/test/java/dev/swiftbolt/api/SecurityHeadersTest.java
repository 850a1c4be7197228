package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The browser security headers on the dashboard and the API; no caching of authenticated JSON. */
class SecurityHeadersTest {

  private static ApiFixture api;

  @BeforeAll
  static void start() {
    api = new ApiFixture();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/app.js", "/api/v1/health", "/api/v1/nothing", "/api/v1/watchlist"})
  void every_answer_carries_the_browser_security_headers(String path) {
    HttpHeaders headers = api.getPublic(path).raw().headers();
    String csp = headers.firstValue("Content-Security-Policy").orElse("");
    assertThat(csp)
        .contains("default-src 'self'")
        .contains("script-src 'self'")
        .contains("style-src 'self'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval");
    assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
  }

  @Test
  void authenticated_json_is_not_stored_by_caches() {
    var reply = api.get("/api/v1/watchlist", "headers");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.raw().headers().firstValue("Cache-Control")).hasValue("no-store");
    var refused = api.getWithHeader("/api/v1/watchlist", "Bearer nope");
    assertThat(refused.raw().headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void the_dashboard_page_has_no_inline_script_or_style() throws Exception {
    String page = api.getPublic("/").body();
    assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
    assertThat(page).doesNotContainPattern("\\son[a-z]+\\s*=");
    assertThat(page).doesNotContain("<style").doesNotContainPattern("\\sstyle\\s*=");
  }
}
