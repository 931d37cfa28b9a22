package io.painguard.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.browser.HeadlessChromium;
import io.painguard.runtime.config.AppConfig;
import io.painguard.runtime.config.RuntimeSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The API page in a real browser (Debian's chromium, headless): Given the HTTP API, When /api-docs
 * is opened without a token, Then Swagger UI shows every operation of the served description,
 * under the app's Content-Security-Policy, with nothing refused or failing in the console. Skipped
 * where chromium or chromedriver is missing.
 */
class ApiDocsBrowserIT {

  private final ObjectMapper json = new ObjectMapper();
  private AlertStreamHub hub;
  private ApiServer api;
  private HeadlessChromium chromium;

  @AfterEach
  void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (api != null) {
      api.close();
      hub.close();
    }
  }

  @Test
  void swaggerUiShowsEveryDescribedOperationWithNothingRefused(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(HeadlessChromium.available(), HeadlessChromium.MISSING);
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
    chromium = new HeadlessChromium(dir);
    ChromeDriver browser = chromium.driver;
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
    assertThat(chromium.consoleProblems()).as("console warnings and errors (a CSP refusal would be one)").isEmpty();
  }
}
