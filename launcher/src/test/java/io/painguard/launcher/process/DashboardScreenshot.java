package io.painguard.launcher.process;

import io.painguard.browser.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens the dashboard in Debian's headless Chromium, waits until it is live and shows alerts, and
 * saves what a coach sees as a PNG: the README's screenshot comes from here, so it stays current.
 */
public final class DashboardScreenshot {

  private DashboardScreenshot() {}

  /** True where the browser and its driver are installed (.ci/run installs them). */
  public static boolean available() {
    return HeadlessChromium.available();
  }

  /**
   * Saves a 1400x1000 screenshot of {@code url} once the page is live with at least {@code alerts}
   * alerts in its feed.
   *
   * @param profileDir an empty directory for the browser's profile and the driver's log
   */
  public static void save(String url, int alerts, Path target, Path profileDir) throws IOException {
    try (HeadlessChromium chromium = new HeadlessChromium(profileDir)) {
      chromium.driver.get(url);
      WebDriverWait wait = new WebDriverWait(chromium.driver, Duration.ofSeconds(60));
      wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
      wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#feed li.alert"), alerts - 1));
      chromium.save(target);
    }
  }
}
