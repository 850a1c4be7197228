package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.market.Direction;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.predictions.UnifiedPredictionRepository;
import dev.swiftbolt.symbols.SymbolRegistry;
import dev.swiftbolt.validation.MissingTimeframe;
import dev.swiftbolt.validation.UnifiedValidator;
import dev.swiftbolt.validation.ValidationScores;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's add box in headless Chromium: it searches the registry as you type (debounced),
 * shows name and exchange for each match, is driven by the keyboard, and the chosen symbol's
 * prediction names the timeframes it lacks.
 */
class DashboardSymbolSearchTest {

  private static ApiFixture api;
  private static WebDriver driver;
  private static Path profile;

  @BeforeAll
  static void start() throws IOException {
    Chromium.require();
    api = new ApiFixture();
    SymbolRegistry registry = new SymbolRegistry(api.database.jdbi(), Optional.empty());
    registry.add(
        "GM", Optional.of("General Motors Company"), Optional.of("NYSE"), Optional.empty());
    registry.add("GIS", Optional.of("General Mills Inc."), Optional.of("NYSE"), Optional.empty());
    registry.add(
        "GE",
        Optional.of("GE Aerospace (General Electric)"),
        Optional.of("NYSE"),
        Optional.empty());
    seedPredictionWithoutH4("GIS");
    profile = Files.createTempDirectory("swiftbolt-chromium-search");
    driver = Chromium.start(profile, 1400, 1300);
  }

  private static void seedPredictionWithoutH4(String symbol) {
    ValidationScores scores =
        new ValidationScores(
            0.60,
            0.55,
            0.55,
            Map.of(Timeframe.D1, 0.4, Timeframe.W1, 0.5, Timeframe.H1, 0.1, Timeframe.M15, 0.0),
            OptionalInt.of(60),
            OptionalInt.of(240),
            OptionalInt.empty(),
            Instant.parse("2026-11-01T00:00:00Z"),
            0,
            Instant.parse("2026-11-27T21:00:00Z"));
    new UnifiedPredictionRepository(api.database.jdbi())
        .store(
            new UnifiedValidator().validate(symbol, Direction.BULLISH, scores),
            Optional.of("walkforward_proxy"),
            Optional.empty(),
            List.of(
                new MissingTimeframe(
                    Timeframe.H4, "no H4 model: only 57 H4 bars stored, too few to train one")));
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

  private static WebElement waitVisible(By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  @Test
  void typing_searches_once_shows_name_and_exchange_and_the_keyboard_adds_a_match() {
    driver.get("http://localhost:" + api.server.port() + "/");
    waitVisible(By.id("token")).sendKeys(api.token("searcher"));
    driver.findElement(By.cssSelector("#sign-in-form button")).click();
    waitVisible(By.id("watchlist-empty"));

    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(
        "window.symbolSearches = 0; const original = window.fetch;"
            + " window.fetch = (url, options) => {"
            + " if (String(url).startsWith('/api/v1/symbols?query=')) window.symbolSearches++;"
            + " return original(url, options); };");
    WebElement box = driver.findElement(By.id("add-symbol"));
    box.sendKeys("general m");

    waitVisible(By.cssSelector("#add-suggestions li[role=option]"));
    List<String> shown =
        driver.findElements(By.cssSelector("#add-suggestions li[role=option]")).stream()
            .map(WebElement::getText)
            .toList();
    // name-word matches, shorter tickers first; each with its name and exchange
    assertThat(shown).hasSize(2);
    assertThat(shown.get(0)).contains("GM").contains("General Motors Company").contains("NYSE");
    assertThat(shown.get(1)).contains("GIS").contains("General Mills Inc.").contains("NYSE");
    // nine keystrokes within the debounce window: one request, not nine
    assertThat(js.executeScript("return window.symbolSearches")).isEqualTo(1L);
    assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");

    box.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
    assertThat(box.getAttribute("aria-activedescendant")).isEqualTo("suggestion-1");
    assertThat(
            driver.findElement(By.cssSelector("#add-suggestions li[aria-selected=true]")).getText())
        .contains("GIS");
    box.sendKeys(Keys.ENTER);

    assertThat(waitVisible(By.id("add-message")).getText()).isEqualTo("Added and backfilling GIS…");
    assertThat(driver.findElement(By.id("add-suggestions")).isDisplayed()).isFalse();
    assertThat(waitVisible(By.cssSelector("#watchlist li .sym")).getText()).isEqualTo("GIS");
    assertThat(waitVisible(By.id("missing-timeframes")).getText())
        .isEqualTo("H4 missing: no H4 model: only 57 H4 bars stored, too few to train one");

    box.sendKeys("ge");
    waitVisible(By.cssSelector("#add-suggestions li[role=option]"));
    box.sendKeys(Keys.ESCAPE);
    assertThat(driver.findElement(By.id("add-suggestions")).isDisplayed()).isFalse();
  }
}
