package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The browser tests fail in CI when Chromium is missing and are skipped elsewhere. */
class ChromiumTest {

  private static final Path MISSING = Path.of("/nonexistent/chromium");
  private static final Path PRESENT = Path.of("/bin/sh");

  @Test
  void a_missing_browser_fails_the_browser_tests_in_ci() {
    assertThatThrownBy(() -> Chromium.require(Map.of("CI", "true"), MISSING, PRESENT))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("CI=true")
        .hasMessageContaining("/nonexistent/chromium");
  }

  @Test
  void a_missing_driver_fails_them_too() {
    assertThatThrownBy(() -> Chromium.require(Map.of("CI", "true"), PRESENT, MISSING))
        .isInstanceOf(AssertionFailedError.class);
  }

  @Test
  void a_missing_browser_outside_ci_skips_them() {
    assertThatThrownBy(() -> Chromium.require(Map.of(), MISSING, PRESENT))
        .isInstanceOf(TestAbortedException.class);
    assertThatThrownBy(() -> Chromium.require(Map.of("CI", "false"), MISSING, PRESENT))
        .isInstanceOf(TestAbortedException.class);
  }

  @Test
  void a_present_browser_runs_them_in_ci_and_elsewhere() {
    assertThatCode(() -> Chromium.require(Map.of("CI", "true"), PRESENT, PRESENT))
        .doesNotThrowAnyException();
    assertThatCode(() -> Chromium.require(Map.of(), PRESENT, PRESENT)).doesNotThrowAnyException();
  }
}
