package dev.swiftbolt.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The headless browser the dashboard tests drive (Debian's chromium and chromium-driver, never
 * downloaded). On a developer's machine without it those tests are skipped; in CI ({@code CI=true})
 * a missing browser fails them, so a broken CI image cannot pass by skipping.
 */
final class Chromium {

  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

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
