package io.painguard.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's chromium, headless at 1400x1000, driven by its chromedriver -- named explicitly, so
 * Selenium Manager never looks for (or downloads) one -- with the console kept for the test to read.
 * The one browser set-up of the dashboard's, the API page's and the demo's browser tests.
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final String MISSING =
      "Browser test skipped: needs /usr/bin/chromium and /usr/bin/chromedriver"
          + " (Debian packages chromium and chromium-driver).";

  public final ChromeDriver driver;
  private final ChromeDriverService service;

  /** True where the browser and its driver are installed (.ci/run installs them). */
  public static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /** @param dir an empty directory for the profile and the driver's log */
  public HeadlessChromium(Path dir) throws IOException {
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogFile(dir.resolve("chromedriver.log").toFile())
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--hide-scrollbars", "--window-size=1400,1000",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    driver = new ChromeDriver(service, options);
  }

  /** The console's warnings and errors since the last call (a 404 or a CSP refusal is one). */
  public List<String> consoleProblems() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /** Lays the page out as a phone (390 px wide) would, until {@link #desktop()}. */
  public void phone() {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
  }

  public void desktop() {
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  /** Saves what the browser shows as {@code docs/screenshots/NAME} in the repository. */
  public void screenshot(String name) throws IOException {
    save(repositoryRoot().resolve("docs/screenshots").resolve(name));
  }

  /** Saves what the browser shows as a PNG at {@code target}. */
  public void save(Path target) throws IOException {
    Files.createDirectories(target.getParent());
    Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("No mvnw above " + Path.of("").toAbsolutePath() + ": not inside the repository.");
    }
    return dir;
  }

  @Override
  public void close() {
    driver.quit();
    service.stop();
  }
}
