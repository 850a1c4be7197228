package dev.swiftbolt.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The headless browser the dashboard tests drive (Debian's chromium and chromium-driver, never
 * downloaded). On a developer's machine without it those tests are skipped; in CI ({@code CI=true})
 * a missing browser fails them, so a broken CI image cannot pass by skipping.
 */
final class Chromium {

  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  /**
   * Starts headless Chromium with a fresh profile in {@code profile} and a window of {@code width}
   * × {@code height}, with the browser's console log kept for the tests that read it. The flags
   * keep it off the network this machine does not reach (background updates, sync) and runnable as
   * root.
   */
  static ChromeDriver start(Path profile, int width, int height) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=%s,%s".formatted(width, height),
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    return new ChromeDriver(service, options);
  }

  /** Skips the calling test class when the browser is missing, or fails it when running in CI. */
  static void require() {
    require(System.getenv(), BROWSER, DRIVER);
  }

  static void require(Map<String, String> environment, Path browser, Path driver) {
    boolean present = Files.isExecutable(browser) && Files.isExecutable(driver);
    String message =
        "needs %s and %s (apt-get install chromium chromium-driver)".formatted(browser, driver);
    if (!present && "true".equalsIgnoreCase(environment.getOrDefault("CI", ""))) {
      Assertions.fail("CI=true but the browser tests cannot run: " + message);
    }
    Assumptions.assumeTrue(present, message);
  }
}
