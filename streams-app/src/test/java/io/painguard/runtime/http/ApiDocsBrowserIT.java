package io.painguard.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.runtime.config.AppConfig;
import io.painguard.runtime.config.RuntimeSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The API page in a real browser (Debian's chromium, headless): Given the HTTP API, When /api-docs
 * is opened without a token, Then Swagger UI shows every operation of the served description,
 * under the app's Content-Security-Policy, with nothing refused or failing in the console. Skipped
 * where chromium or chromedriver is missing.
 */
class ApiDocsBrowserIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private final ObjectMapper json = new ObjectMapper();
  private AlertStreamHub hub;
  private ApiServer api;
  private ChromeDriverService service;
  private ChromeDriver browser;

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.stop();
    }
    if (api != null) {
      api.close();
      hub.close();
    }
  }

  @Test
  void swaggerUiShowsEveryDescribedOperationWithNothingRefused(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Browser test skipped: needs /usr/bin/chromium and /usr/bin/chromedriver.");
    // Given the HTTP API and the number of operations its description holds
    RuntimeSettings settings =
        RuntimeSettings.from(AppConfig.of(Map.of("painguard.http.host", "127.0.0.1", "painguard.http.port", "0")));
    hub = new AlertStreamHub(json, 5, settings.sseHeartbeat(), settings.sseMaxClients());
    api =
        new ApiServer(settings, AccessTokens.parse(ApiServerTest.TOKENS), () -> KafkaStreams.State.RUNNING,
                () -> "", hub, json)
            .start();
    int operations = api.routes().size();

    // When the page is opened in a browser, without a token
    browser = browser(dir);
    browser.get("http://127.0.0.1:" + api.port() + "/api-docs");
    List<WebElement> shown =
        new WebDriverWait(browser, Duration.ofSeconds(60))
            .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".opblock"), operations));

    // Then every operation is listed, the description's title shows, and the console is clean
    assertThat(shown).hasSize(operations);
    assertThat(browser.findElement(By.cssSelector(".info .title")).getText()).startsWith("PainGuard");
    assertThat(browser.findElements(By.cssSelector(".opblock-summary-path")))
        .extracting(WebElement::getText)
        .contains("/api/athletes/{id}", "/openapi.json");
    List<LogEntry> problems =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
            .toList();
    assertThat(problems).as("console warnings and errors (a CSP refusal would be one)").isEmpty();
  }

  private ChromeDriver browser(Path dir) throws Exception {
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
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    return new ChromeDriver(service, options);
  }
}
