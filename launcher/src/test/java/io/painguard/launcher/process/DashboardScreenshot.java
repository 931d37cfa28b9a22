package io.painguard.launcher.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens the dashboard in Debian's headless Chromium, waits until it is live and shows alerts, and
 * saves what a coach sees as a PNG: the README's screenshot comes from here, so it stays current.
 */
public final class DashboardScreenshot {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private DashboardScreenshot() {}

  /** True where the browser and its driver are installed (.ci/run installs them). */
  public static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /**
   * Saves a 1400x1000 screenshot of {@code url} once the page is live with at least {@code alerts}
   * alerts in its feed.
   *
   * @param profileDir an empty directory for the browser's profile and the driver's log
   */
  public static void save(String url, int alerts, Path target, Path profileDir) throws IOException {
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogFile(profileDir.resolve("chromedriver.log").toFile())
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--hide-scrollbars", "--window-size=1400,1000",
        "--user-data-dir=" + Files.createDirectories(profileDir.resolve("profile")));
    ChromeDriver browser = new ChromeDriver(service, options);
    try {
      browser.get(url);
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
      wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
      wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#feed li.alert"), alerts - 1));
      Path png = browser.getScreenshotAs(OutputType.FILE).toPath();
      Files.createDirectories(target.getParent());
      Files.copy(png, target, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      browser.quit();
      service.stop();
    }
  }
}
