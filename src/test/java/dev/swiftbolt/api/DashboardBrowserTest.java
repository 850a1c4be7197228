package dev.swiftbolt.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium (Debian's chromium and chromium-driver, never downloaded):
 * sign in with a token, add a symbol, see "Added and backfilling…" and the job progress.
 */
class DashboardBrowserTest {

  private static ApiFixture api;
  private static WebDriver driver;
  private static Path profile;

  @BeforeAll
  static void start() throws IOException {
    Chromium.require();
    api = new ApiFixture();
    seedPrediction();
    seedSimulatedBars();
    seedReplay();
    profile = Files.createTempDirectory("swiftbolt-chromium");
    driver = Chromium.start(profile, 1400, 1300);
  }

  /** The pipeline's output for AAPL, stored directly (the pipeline has its own tests). */
  private static void seedPrediction() {
    var scores =
        new dev.swiftbolt.validation.ValidationScores(
            0.80,
            0.70,
            0.70,
            java.util.Map.of(
                dev.swiftbolt.market.Timeframe.D1, 0.5,
                dev.swiftbolt.market.Timeframe.W1, 0.6,
                dev.swiftbolt.market.Timeframe.H1, -0.1),
            java.util.OptionalInt.of(250),
            java.util.OptionalInt.of(400),
            java.util.OptionalInt.of(30),
            java.time.Instant.parse("2026-11-01T00:00:00Z"),
            0,
            java.time.Instant.parse("2026-11-27T21:00:00Z"));
    // the evaluation's naive bars: persistence for the backtest, majority for the walk-forward, and
    // for the live score both predictors below a guess, so chance
    var baselines =
        new dev.swiftbolt.validation.PredictionBaselines(
            dev.swiftbolt.validation.Baseline.strongest(
                java.util.Map.of("majority", 0.36, "persistence", 0.41)),
            dev.swiftbolt.validation.Baseline.strongest(
                java.util.Map.of("majority", 0.38, "persistence", 0.35)),
            dev.swiftbolt.validation.Baseline.strongest(
                java.util.Map.of("majority", 0.2, "persistence", 0.3)));
    new dev.swiftbolt.predictions.UnifiedPredictionRepository(api.database.jdbi())
        .store(
            new dev.swiftbolt.validation.UnifiedValidator()
                .validate("AAPL", dev.swiftbolt.market.Direction.BULLISH, scores),
            java.util.Optional.of("live"),
            java.util.Optional.of(baselines));
  }

  /** 120 simulated D1 bars of AAPL (a deterministic walk) and two forecasts on them. */
  private static void seedSimulatedBars() {
    java.util.List<dev.swiftbolt.marketdata.Bar> bars = new java.util.ArrayList<>();
    java.util.Random random = new java.util.Random(7);
    java.time.Instant day = java.time.Instant.now().minus(java.time.Duration.ofDays(200));
    day = day.truncatedTo(java.time.temporal.ChronoUnit.DAYS).plusSeconds(14 * 3600 + 1800);
    double close = 180;
    for (int i = 0; i < 120; i++) {
      double open = close;
      close = open * (1 + (random.nextDouble() - 0.48) * 0.04);
      double high = Math.max(open, close) * (1 + random.nextDouble() * 0.01);
      double low = Math.min(open, close) * (1 - random.nextDouble() * 0.01);
      bars.add(new dev.swiftbolt.marketdata.Bar(day, open, high, low, close, 1e6));
      day = day.plus(java.time.Duration.ofDays(1));
    }
    long id = new dev.swiftbolt.symbols.SymbolRepository(api.database.jdbi()).require("AAPL");
    new dev.swiftbolt.marketdata.BarRepository(api.database.jdbi())
        .upsert(
            id,
            dev.swiftbolt.market.Timeframe.D1,
            dev.swiftbolt.marketdata.BarRepository.SIMULATED,
            bars);
    ForecastsApiTest.seedForecasts(api, "AAPL", bars.get(100).ts());
  }

  /** A four-session replay of AAPL: two retrains, three resolved forecasts. */
  private static void seedReplay() {
    java.time.LocalDate monday = java.time.LocalDate.of(2026, 11, 2);
    java.util.function.Function<Object[], dev.swiftbolt.replay.ReplayDay> day =
        f -> {
          java.util.Optional<Boolean> correct = java.util.Optional.ofNullable((Boolean) f[3]);
          return new dev.swiftbolt.replay.ReplayDay(
              "AAPL",
              monday.plusDays((Integer) f[0]),
              dev.swiftbolt.market.Direction.BULLISH,
              (Double) f[1],
              0.4,
              12,
              "replay",
              0.3,
              true,
              false,
              (Boolean) f[2],
              correct,
              correct.map(
                  c ->
                      c
                          ? dev.swiftbolt.market.Direction.BULLISH
                          : dev.swiftbolt.market.Direction.BEARISH),
              dev.swiftbolt.market.Direction.NEUTRAL,
              dev.swiftbolt.market.Direction.BULLISH,
              0.45,
              0.42,
              java.util.Optional.empty(),
              java.util.Optional.empty(),
              "xgboost",
              (Boolean) f[2],
              java.util.Optional.empty());
        };
    List<dev.swiftbolt.replay.ReplayDay> days =
        List.of(
            day.apply(new Object[] {0, 0.35, true, true}),
            day.apply(new Object[] {1, 0.38, false, false}),
            day.apply(new Object[] {2, 0.52, false, true}),
            day.apply(new Object[] {3, 0.55, true, null}));
    new dev.swiftbolt.replay.ReplayRepository(api.database.jdbi())
        .store(
            monday,
            monday.plusDays(3),
            List.of(dev.swiftbolt.market.Timeframe.D1),
            dev.swiftbolt.market.Timeframe.D1,
            java.time.Instant.parse("2026-11-06T00:00:00Z"),
            java.time.Instant.parse("2026-11-06T00:01:00Z"),
            java.util.Map.of("AAPL", days));
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
    return new WebDriverWait(driver, Duration.ofSeconds(45))
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private static void screenshot(String name) throws IOException {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), Path.of("/tmp", name), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void before_sign_in_only_the_sign_in_card_shows_and_the_favicon_is_served() {
    openInFreshTab();
    waitVisible(By.cssSelector("#sign-in .hint"));

    assertThat(driver.findElement(By.id("app")).isDisplayed()).as("the app shell").isFalse();
    assertThat(driver.findElement(By.id("watchlist-empty")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("jobs")).isDisplayed()).as("the job table").isFalse();
    assertThat(driver.findElement(By.id("sign-out")).isDisplayed()).isFalse();

    Object favicon =
        ((org.openqa.selenium.JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " fetch('/favicon.ico').then(r => r.blob().then(b =>"
                    + " done(r.status + ' ' + r.headers.get('content-type') + ' ' + b.size)));");
    assertThat(favicon.toString()).matches("200 image/\\S+ [1-9]\\d*");
  }

  @Test
  void sign_in_add_a_symbol_and_watch_its_jobs() throws IOException {
    driver.get("http://localhost:" + api.server.port() + "/");
    WebElement hint = waitVisible(By.cssSelector("#sign-in .hint"));
    assertThat(hint.getText()).isEqualTo("swiftbolt token USER");

    driver.findElement(By.id("token")).sendKeys("not-a-token");
    driver.findElement(By.cssSelector("#sign-in-form button")).click();
    assertThat(waitVisible(By.id("sign-in-error")).getText()).startsWith("Sign-in failed:");

    driver.findElement(By.id("token")).clear();
    driver.findElement(By.id("token")).sendKeys(api.token("browser-user"));
    driver.findElement(By.cssSelector("#sign-in-form button")).click();
    assertThat(waitVisible(By.id("who")).getText()).isEqualTo("Signed in as browser-user");
    assertThat(waitVisible(By.id("watchlist-empty")).getText()).contains("empty");

    driver.findElement(By.id("add-symbol")).sendKeys("aapl");
    driver.findElement(By.cssSelector("#add-form button")).click();
    assertThat(waitVisible(By.id("add-message")).getText())
        .isEqualTo("Added and backfilling AAPL…");

    waitVisible(By.cssSelector("#jobs tbody tr"));
    List<String> jobs =
        driver.findElements(By.cssSelector("#jobs tbody tr")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(jobs).anyMatch(row -> row.startsWith("backfill AAPL queued"));
    assertThat(jobs).anyMatch(row -> row.startsWith("forecast AAPL queued"));

    // a worker picks the backfill up: the dashboard's polling shows it without a reload
    api.database
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE forecast_jobs SET status = 'running', attempts = 1"
                        + " WHERE job_type = 'backfill'"));
    new WebDriverWait(driver, Duration.ofSeconds(45))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#jobs tbody"), "backfill AAPL running 1/5"));

    assertThat(waitVisible(By.cssSelector("#watchlist li .sym")).getText()).isEqualTo("AAPL");
    assertThat(waitVisible(By.id("detail-symbol")).getText()).isEqualTo("AAPL");
    assertThat(waitVisible(By.id("simulated-banner")).getText()).startsWith("Simulated data");
    assertThat(waitVisible(By.id("chart")).getSize().getHeight()).isGreaterThan(200);
    Object markers =
        ((org.openqa.selenium.JavascriptExecutor) driver)
            .executeScript(
                "return state.chart.data.datasets[2].data.filter(v => v !== null).length");
    assertThat(markers).isEqualTo(2L);

    // base 0.40·0.80 + 0.35·0.70 + 0.25·0.70 = 0.74; D1 and W1 bullish, H1 neutral: consensus
    // BULLISH = direction, so × 1.10 = 0.814
    assertThat(waitVisible(By.id("unified-confidence")).getText()).isEqualTo("81.4 %");
    assertThat(driver.findElement(By.id("recommendation")).getText())
        .startsWith("High confidence - strong signal");
    List<String> breakdown =
        driver.findElements(By.cssSelector("#breakdown tbody tr")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(breakdown).hasSize(3);
    assertThat(breakdown.get(0)).startsWith("Backtest (3-month holdout) 80.0 % 250");
    assertThat(breakdown.get(2)).startsWith("Live (last 30 resolved) 70.0 % 30");
    // each score beside the naive bar it is read against, named
    assertThat(breakdown.get(0)).contains("41.0 % persistence");
    assertThat(breakdown.get(1)).contains("38.0 % majority");
    assertThat(breakdown.get(2)).contains("33.3 % chance");
    assertThat(driver.findElement(By.id("drift")).getText()).contains("12.5 %");
    assertThat(driver.findElements(By.cssSelector("#timeframe-table tbody tr"))).hasSize(3);
    // backtest 80 % of 250 vs walk-forward 70 % of 400 is significantly better: overfitting
    assertThat(driver.findElement(By.id("overfit-warning")).isDisplayed()).isTrue();

    // the replay history: four lines and a triangle at each of the two retrains
    assertThat(waitVisible(By.id("history-chart")).getSize().getHeight()).isGreaterThan(150);
    var js = (org.openqa.selenium.JavascriptExecutor) driver;
    assertThat(js.executeScript("return state.historyChart.data.datasets.map(d => d.label)"))
        .isEqualTo(
            List.of(
                "unified confidence", "live accuracy", "baseline", "drift magnitude", "retrained"));
    assertThat(
            js.executeScript(
                "return state.historyChart.data.datasets[4].data.filter(v => v !== null).length"))
        .isEqualTo(2L);
    // 0.35 and 0.38 fall in [0.3, 0.4): one of two came true; 0.52 in [0.5, 0.6): one of one;
    // the 0.55 session is unresolved and not counted
    List<String> reliability =
        driver.findElements(By.cssSelector("#reliability tbody tr")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(reliability).containsExactly("30 % – 40 % 2 50.0 %", "50 % – 60 % 1 100.0 %");
    assertThat(driver.findElement(By.id("history-summary")).getText())
        .contains("live 66.7 % of 3 resolved")
        .contains("2 retrains");
    screenshot("swiftbolt-dashboard.png");
  }

  /**
   * Opens the dashboard in a new tab and closes the old one: the token is kept per tab
   * (sessionStorage), so the new tab starts signed out.
   */
  private static void openInFreshTab() {
    String old = driver.getWindowHandle();
    driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
    String fresh = driver.getWindowHandle();
    driver.switchTo().window(old).close();
    driver.switchTo().window(fresh);
    driver.get("http://localhost:" + api.server.port() + "/");
  }

  /** Console messages of the page about the Content Security Policy since the last call. */
  private static List<String> cspMessages() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy"))
        .toList();
  }

  @Test
  void the_content_security_policy_blocks_injected_inline_script_and_the_signed_in_page_runs()
      throws IOException {
    openInFreshTab();
    var js = (org.openqa.selenium.JavascriptExecutor) driver;
    waitVisible(By.cssSelector("#sign-in .hint"));
    driver.findElement(By.id("token")).sendKeys(api.token("csp-user"));
    driver.findElement(By.cssSelector("#sign-in-form button")).click();
    assertThat(waitVisible(By.id("who")).getText()).isEqualTo("Signed in as csp-user");
    assertThat(cspMessages()).as("our own page violates nothing").isEmpty();
    // the token is kept for this tab only, never in localStorage
    assertThat(js.executeScript("return localStorage.getItem('swiftbolt.token')")).isNull();
    assertThat(js.executeScript("return sessionStorage.getItem('swiftbolt.token')"))
        .asString()
        .matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");

    // an injected inline script and an inline event handler are refused by the browser
    Object violations =
        js.executeAsyncScript(
            """
            const done = arguments[arguments.length - 1];
            const seen = [];
            document.addEventListener('securitypolicyviolation',
                e => seen.push(e.violatedDirective));
            const s = document.createElement('script');
            s.textContent = 'window.injected = true;';
            document.head.appendChild(s);
            const img = document.createElement('img');
            img.setAttribute('onerror', 'window.handlerRan = true;');
            img.src = 'data:,not-an-image';
            document.body.appendChild(img);
            setTimeout(() => done(seen.join(',')
                + '|' + (window.injected === true) + '|' + (window.handlerRan === true)), 500);
            """);
    String[] outcome = violations.toString().split("\\|");
    assertThat(outcome[0]).contains("script-src");
    assertThat(outcome[1]).as("inline script ran").isEqualTo("false");
    assertThat(outcome[2]).as("inline handler ran").isEqualTo("false");
    assertThat(cspMessages()).isNotEmpty();

    // and the page keeps working: add a symbol, see it on the watchlist
    driver.findElement(By.id("add-symbol")).sendKeys("msft");
    driver.findElement(By.cssSelector("#add-form button")).click();
    assertThat(waitVisible(By.id("add-message")).getText()).contains("MSFT");
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("watchlist"), "MSFT"));
  }
}
