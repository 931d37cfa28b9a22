package io.painguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.stack.junit.KafkaStack;
import io.painguard.stack.junit.KafkaStackTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The coach dashboard in a real browser (Debian's chromium, headless, driven by Selenium): Given
 * coach A opens the page with their token, When their athlete runs hard in moderate pain, Then the
 * alert appears in the live feed with its severity, and the athlete shows among those in an
 * episode with heart rate against ceiling. Skipped where chromium or chromedriver is missing.
 */
@KafkaStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private AppUnderTest under;
  private ChromeDriverService service;
  private ChromeDriver browser;

  @BeforeAll
  void startApp(KafkaStack stack, @TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Browser test skipped: needs /usr/bin/chromium and /usr/bin/chromedriver"
            + " (Debian packages chromium and chromium-driver).");
    under = new AppUnderTest(stack, dir.resolve("state"));
    assertThat(under.app.awaitRunning(TIMEOUT)).isTrue();
  }

  @BeforeEach
  void startBrowser(@TempDir Path dir) throws Exception {
    // An explicit driver and browser, so Selenium Manager never looks for (or downloads) one.
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogFile(dir.resolve("chromedriver.log").toFile())
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
    if (service != null) {
      service.stop();
      service = null;
    }
  }

  @AfterAll
  void stopApp() {
    if (under != null) {
      under.close();
    }
  }

  @Test
  void anAlertAppearsInTheFeedWithItsSeverity() {
    // Given coach A's dashboard, live
    browser.get("http://127.0.0.1:" + under.app.httpPort() + "/?token=" + AppUnderTest.COACH_A);
    WebDriverWait wait = new WebDriverWait(browser, TIMEOUT);
    wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
    assertThat(browser.getCurrentUrl()).as("the token leaves the address bar").doesNotContain("token");

    // When their athlete runs hard in moderate pain
    String athlete = "bea-" + under.run;
    under.painfulHardRun(athlete, "coach-a");

    // Then the alert appears in the feed, coloured by severity, with the recommendation
    WebElement alert =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#feed li.alert[data-athlete-id='" + athlete + "']")));
    assertThat(alert.getAttribute("class")).contains("sev-REDUCE_INTENSITY").doesNotContain("resolved");
    assertThat(alert.findElement(By.className("badge")).getText()).isEqualTo("Reduce intensity");
    assertThat(alert.getText()).contains(athlete).contains("Keep heart rate under 132 bpm");
    assertThat(alert.findElement(By.className("badge")).getCssValue("color"))
        .as("the stylesheet's reduce-intensity colour")
        .isEqualTo("rgba(138, 83, 0, 1)");

    // And the athlete is listed in an episode with heart rate against ceiling
    WebElement row =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#episodes-body tr[data-athlete-id='" + athlete + "']")));
    assertThat(row.getText()).contains("160 / 132 bpm").contains("Reduce intensity");
  }

  @Test
  void aResolvedAlertIsShownAsResolved() {
    // Given coach A's dashboard, live
    browser.get("http://127.0.0.1:" + under.app.httpPort() + "/?token=" + AppUnderTest.COACH_A);
    WebDriverWait wait = new WebDriverWait(browser, TIMEOUT);
    wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));

    // When their athlete overexerts and then eases off for long enough
    String athlete = "cyd-" + under.run;
    under.painfulHardRunThenRecovery(athlete, "coach-a");

    // Then the feed shows the resolution as resolved, and the earlier alert as resolved since
    WebElement resolved =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#feed li.alert.resolved[data-athlete-id='" + athlete + "']")));
    assertThat(resolved.getAttribute("data-state")).isEqualTo("RESOLVED");
    assertThat(resolved.findElement(By.className("badge")).getText()).isEqualTo("Resolved");
    WebElement raised =
        browser.findElement(By.cssSelector("#feed li.alert.state-RAISED[data-athlete-id='" + athlete + "']"));
    assertThat(raised.getAttribute("class")).contains("superseded");
    assertThat(raised.getText()).contains("Resolved since");
  }

  @Test
  void aWrongTokenIsToldSoAndAskedAgain() {
    browser.get("http://127.0.0.1:" + under.app.httpPort() + "/?token=not-a-token");
    WebDriverWait wait = new WebDriverWait(browser, TIMEOUT);

    wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "refused"));

    assertThat(browser.findElement(By.id("login")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("login-message")).getText()).contains("refused");
  }
}
