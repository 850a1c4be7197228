package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code /api/docs} in headless Chromium: Swagger UI from the WebJar renders every operation of the
 * OpenAPI document under the page's Content-Security-Policy, with nothing fetched elsewhere.
 */
class ApiDocsBrowserTest {

  private static ApiFixture api;

  /** The operations of the OpenAPI document, each of which Swagger UI shows as one block. */
  private static int operationCount() {
    try {
      int[] count = {0};
      dev.swiftbolt.config.Json.mapper()
          .readTree(dev.swiftbolt.api.internal.SystemRoutes.readOpenApi())
          .get("paths")
          .forEach(path -> path.fieldNames().forEachRemaining(method -> count[0]++));
      return count[0];
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static WebDriver driver;
  private static Path profile;

  @BeforeAll
  static void start() throws IOException {
    Chromium.require();
    api = new ApiFixture();
    profile = Files.createTempDirectory("swiftbolt-chromium");
    driver = Chromium.start(profile, 1400, 1300);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (api != null) {
      api.close();
    }
  }

  @Test
  void the_reference_renders_every_operation_without_a_csp_violation() {
    driver.get(api.uri("/api/docs").toString());
    int documented = operationCount();

    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    wait.until(d -> d.findElements(By.cssSelector(".opblock")).size() >= documented);
    List<WebElement> operations = driver.findElements(By.cssSelector(".opblock"));
    assertThat(operations).hasSize(documented);
    assertThat(documented).isGreaterThanOrEqualTo(14);
    assertThat(driver.findElement(By.cssSelector(".info .title")).getText())
        .contains("SwiftBolt API");
    assertThat(driver.getPageSource())
        .contains("/api/v1/symbols/{symbol}/prediction")
        .contains("addToWatchlist");
    List<String> problems =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
            .map(LogEntry::getMessage)
            .toList();
    assertThat(problems).noneMatch(m -> m.contains("Content Security Policy"));
  }

  @Test
  void the_page_is_sent_with_a_csp_without_inline_scripts_and_loads_only_local_files()
      throws Exception {
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(api.uri("/api/docs")).build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(200);
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-eval");
    assertThat(csp.substring(csp.indexOf("script-src"))).doesNotStartWith("script-src 'self' '");
    assertThat(page.body()).doesNotContain("http://").doesNotContain("https://");
    assertThat(page.body().replaceAll("<script src=\"[^\"]+\"></script>", ""))
        .doesNotContain("<script");
  }
}
