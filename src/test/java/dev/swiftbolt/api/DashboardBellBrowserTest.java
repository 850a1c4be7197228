package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.swiftbolt.alerts.AlertEvent;
import dev.swiftbolt.alerts.NotificationKind;
import dev.swiftbolt.alerts.NotificationSettings;
import dev.swiftbolt.alerts.Outbox;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's notification bell in headless Chromium: the unread count, and a feed that shows a
 * new event within 2 s without a reload (the SSE stream read with fetch), only the signed-in
 * user's.
 */
class DashboardBellBrowserTest {

  private static ApiFixture api;
  private static WebDriver driver;
  private static Path profile;

  @BeforeAll
  static void start() throws IOException {
    Chromium.require();
    api = new ApiFixture();
    profile = Files.createTempDirectory("swiftbolt-chromium-bell");
    driver = Chromium.start(profile, 1400, 1000);
  }

  @AfterAll
  static void stop() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (api != null) {
      api.close();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  private static void notify(String user, String key, String title) {
    AlertEvent event =
        new AlertEvent(
            Optional.of("NVDA"),
            NotificationKind.DIRECTION_CHANGED,
            title,
            "NVDA turned from BULLISH to BEARISH, unified confidence 62 %.",
            JsonNodeFactory.instance.objectNode().put("symbol", "NVDA"),
            key,
            key);
    api.database
        .jdbi()
        .useTransaction(
            h -> Outbox.write(h, user, NotificationSettings.DEFAULTS, event, Instant.now()));
  }

  private static WebElement waitVisible(By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  @Test
  void the_bell_counts_unread_and_the_feed_shows_a_new_event_within_two_seconds() {
    notify("bell-user", "old", "NVDA turned BULLISH");
    driver.get("http://localhost:" + api.server.port() + "/");
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("localStorage.clear(); location.reload();");
    waitVisible(By.id("token")).sendKeys(api.token("bell-user"));
    driver.findElement(By.cssSelector("#sign-in-form button")).click();
    assertThat(waitVisible(By.id("bell-count")).getText()).isEqualTo("1");

    waitVisible(By.id("bell")).click();
    assertThat(waitVisible(By.cssSelector("#feed-list li.unread .feed-title")).getText())
        .isEqualTo("NVDA turned BULLISH");

    // give the stream a moment to connect, then an event for someone else and one for this user
    new WebDriverWait(driver, Duration.ofSeconds(5))
        .until(
            d ->
                (Boolean)
                    ((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript("return bell.state.abort !== null"));
    notify("someone-else", "theirs", "AAPL turned BEARISH");
    notify("bell-user", "new", "NVDA turned BEARISH");
    long written = System.nanoTime();
    new WebDriverWait(driver, Duration.ofSeconds(2), Duration.ofMillis(50))
        .until(ExpectedConditions.textToBe(By.id("bell-count"), "2"));
    Duration shown = Duration.ofNanos(System.nanoTime() - written);
    assertThat(shown).isLessThan(Duration.ofSeconds(2));
    assertThat(driver.findElement(By.cssSelector("#feed-list li .feed-title")).getText())
        .isEqualTo("NVDA turned BEARISH");
    assertThat(driver.findElement(By.id("feed")).getText()).doesNotContain("AAPL turned BEARISH");

    driver.findElement(By.id("mark-all-read")).click();
    new WebDriverWait(driver, Duration.ofSeconds(5))
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id("bell-count")));
    assertThat(
            api.get("/api/v1/notifications?unread=true", "bell-user")
                .json()
                .get("unread_count")
                .asLong())
        .isZero();
  }
}
