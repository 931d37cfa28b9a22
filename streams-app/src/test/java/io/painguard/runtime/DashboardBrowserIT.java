package io.painguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.browser.HeadlessChromium;
import io.painguard.events.ActivityType;
import io.painguard.runtime.ScriptedAthletes.Script;
import io.painguard.stack.junit.KafkaStack;
import io.painguard.stack.junit.KafkaStackTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The coach dashboard in a real browser (Debian's chromium, headless, driven by Selenium), one app
 * and one browser for the class: Given scripted athletes of coach A with every kind of need (and
 * one of coach B), the team view orders them by need and moves a tile when an alert arrives, the
 * athlete view charts a session with its markers, an acknowledgement survives a reload, each coach
 * sees only their athletes, and the console stays clean. Writes the README's screenshots to
 * docs/screenshots/. Skipped where chromium or chromedriver is missing.
 */
@KafkaStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private AppUnderTest under;
  private ScriptedAthletes athletes;
  private HeadlessChromium chromium;
  private ChromeDriver browser;
  private WebDriverWait wait;
  private String referral, stop, reduce, advisory, inPain, fine, acknowledged, resolved, otherCoachs;

  @BeforeAll
  void startAppAndPlayTheAthletes(KafkaStack stack, @TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(HeadlessChromium.available(), HeadlessChromium.MISSING);
    // Alerts resolve 5 minutes (not 2) after their condition ends: the alerts of the athletes who
    // run until now stay open for the whole class; the recovered athlete's samples resolve theirs.
    under = new AppUnderTest(stack, dir.resolve("state"), Map.of("painguard.rules.alerts.resolve-after", "5m"));
    chromium = new HeadlessChromium(dir);
    browser = chromium.driver;
    wait = new WebDriverWait(browser, TIMEOUT);
    assertThat(under.app.awaitRunning(TIMEOUT)).isTrue();

    // Every athlete plays at once, so the tests wait for the app only once.
    String run = under.run;
    referral = "ria-" + run;
    stop = "sam-" + run;
    reduce = "rex-" + run;
    advisory = "ada-" + run;
    inPain = "ina-" + run;
    fine = "oli-" + run;
    acknowledged = "ack-" + run;
    resolved = "cyd-" + run;
    otherCoachs = "bob-" + run;
    athletes = new ScriptedAthletes(stack, run);
    Duration ago = Duration.ofMinutes(6);
    athletes.play(referral, "coach-a", Script.referral(), ago);
    athletes.play(stop, "coach-a", Script.stop(), ago);
    athletes.play(reduce, "coach-a", Script.reduce(), ago);
    athletes.play(advisory, "coach-a", Script.advisory(), ago);
    athletes.play(inPain, "coach-a", Script.inPain(), ago, Duration.ofMinutes(2)); // then rests
    athletes.play(fine, "coach-a", Script.fine(), ago);
    athletes.play(acknowledged, "coach-a", Script.reduce(), ago);
    athletes.play(otherCoachs, "coach-b", Script.reduce(), ago);
    athletes.play(resolved, "coach-a", Script.reduce(), Duration.ofMinutes(10), Duration.ofMinutes(2));
    athletes.activity(resolved, Duration.ofMinutes(8), ActivityType.RUNNING, 110, 8 * 60);
  }

  @BeforeEach
  void blankPageAndConsole() {
    browser.get("about:blank");
    chromium.consoleProblems();
  }

  @AfterAll
  void stopAll() {
    if (chromium != null) {
      chromium.close();
    }
    if (athletes != null) {
      athletes.close();
    }
    if (under != null) {
      under.close();
    }
  }

  @Test
  @Order(1)
  void theTeamViewOrdersAthletesByNeedAndMovesATileWhenAnAlertArrives() throws Exception {
    // Given coach A's dashboard, live
    open("/", AppUnderTest.COACH_A);
    assertThat(browser.getCurrentUrl()).as("the token leaves the address bar").doesNotContain("token");

    // Then the tiles are in order of need: referral, STOP, REDUCE, ADVISORY, in pain, fine
    List<String> byNeed = List.of(referral, stop, reduce, advisory, inPain, fine);
    List<String> labels = List.of("Open referral", "Stop", "Reduce", "Advisory", "In pain", "OK");
    wait.until(d -> tileOrder(byNeed).equals(byNeed) && byNeed.stream().map(this::needLabel).toList().equals(labels));

    // And a tile shows heart rate against ceiling as a zone, in words too, and the first step
    WebElement hard = tile(reduce);
    wait.until(d -> tile(reduce).getText().contains("above ceiling"));
    assertThat(hard.findElement(By.className("zone")).getText()).contains("160 / 132 bpm");
    assertThat(hard.findElement(By.className("zone")).getAttribute("class")).contains("zone-ABOVE");
    assertThat(hard.findElement(By.cssSelector(".tile-alert .first-step")).getText()).isNotBlank();
    assertThat(tile(referral).getText())
        .as("an easy walk under the referral's ceiling, with no number that reads as a target")
        .contains("100 bpm · below ceiling")
        .doesNotContain("/ 132");

    // And every alert card leads with its first step; STOP and referral cards name no % or bpm target
    for (String athlete : List.of(referral, stop, reduce, advisory)) {
      WebElement card = feedCard(athlete);
      assertThat(card.findElement(By.cssSelector(".head + .first-step")).getText()).as(athlete).isNotBlank();
    }
    assertThat(feedCard(reduce).getText()).contains("Keep heart rate under 132 bpm");
    for (String athlete : List.of(referral, stop)) {
      assertThat(feedCard(athlete).getText()).as(athlete).doesNotContain("%", "Keep heart rate under");
      assertThat(tile(athlete).getText()).as(athlete).doesNotContain("%", "Keep heart rate under");
    }
    // And no enum name shows through
    assertThat(browser.findElement(By.tagName("main")).getText())
        .doesNotContain("_", "otc", "Hiit", "REDUCE", "ADVISORY", "RUNNING");

    chromium.screenshot("team-view.png");
    chromium.phone();
    try {
      wait.until(d -> tile(stop).getLocation().getX() == tile(referral).getLocation().getX());
      assertThat(tile(reduce).getLocation().getX()).as("one column at phone width").isEqualTo(tile(referral).getLocation().getX());
      chromium.screenshot("team-view-phone.png");
    } finally {
      chromium.desktop();
    }

    // When the athlete in pain runs hard, with the page left as it is
    browser.executeScript("window.notReloaded = true;");
    athletes.activity(inPain, Duration.ofMinutes(3), ActivityType.RUNNING, 170, 180);

    // Then their tile moves above the advisory one, without a reload
    wait.until(d -> tileOrder(byNeed).indexOf(inPain) < tileOrder(byNeed).indexOf(advisory));
    assertThat(needLabel(inPain)).isEqualTo("Reduce");
    assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);
    assertThat(chromium.consoleProblems()).as("console warnings and errors").isEmpty();
  }

  @Test
  @Order(2)
  void theAthleteViewChartsTheSessionWithPainReportsAndAlertsAsMarkers() throws Exception {
    // Given coach A's team view
    open("/", AppUnderTest.COACH_A);

    // When they open the athlete who ran hard in moderate pain
    wait.until(d -> !tile(reduce).findElements(By.cssSelector(".tile-alert")).isEmpty());
    tile(reduce).findElement(By.className("tile-name")).click();

    // Then the session is drawn: uPlot's canvas, its legend with time and three heart-rate series,
    // and the pain report and the alert as markers that tell their text when tapped
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart canvas")));
    wait.until(d -> !d.findElements(By.cssSelector("#chart .marker-alert")).isEmpty());
    assertThat(browser.findElements(By.cssSelector("#chart .u-legend .u-series"))).hasSize(4);
    assertThat(browser.findElement(By.cssSelector("#chart .u-legend")).getText()).contains("Average", "Peak", "Ceiling");
    assertThat(browser.findElements(By.cssSelector("#chart .marker-pain"))).hasSize(1);
    browser.findElement(By.cssSelector("#chart .marker-pain")).click();
    assertThat(browser.findElement(By.id("marker-detail")).getText()).startsWith("Pain report").contains("5/10");
    browser.findElement(By.cssSelector("#chart .marker-alert")).click();
    assertThat(browser.findElement(By.id("marker-detail")).getText()).isNotBlank().doesNotContain("REDUCE");

    // And the history below lists the alert, then the report that came first
    List<WebElement> history = browser.findElements(By.cssSelector("#history > li"));
    assertThat(history).isNotEmpty();
    assertThat(history.get(history.size() - 1).getAttribute("class")).contains("report");
    assertThat(browser.findElements(By.cssSelector("#history li.alert"))).isNotEmpty();

    chromium.screenshot("athlete-view.png");
    assertThat(chromium.consoleProblems()).as("console warnings and errors").isEmpty();
  }

  @Test
  @Order(3)
  void anAcknowledgementIsShownAndSurvivesAReload() {
    // Given coach A on the view of an athlete with an open REDUCE alert
    open("/#/athlete/" + acknowledged, AppUnderTest.COACH_A);
    WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#history li.alert .ack-form")));

    // When they acknowledge it with a note
    form.findElement(By.tagName("textarea")).sendKeys("Spoke to her, she is walking now");
    form.findElement(By.tagName("button")).click();

    // Then the card shows who acknowledged it, when, and the note
    By ack = By.cssSelector("#history li.alert .acks .ack");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(ack, "coach-a"));
    assertThat(browser.findElement(ack).getText()).contains("Acknowledged by coach-a", "Spoke to her, she is walking now");

    // And after a reload too
    browser.navigate().refresh();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(ack, "Spoke to her, she is walking now"));

    // And on the team view the tile is marked and leaves the "needs attention" order
    browser.get(baseUrl() + "/#/");
    wait.until(d -> tile(acknowledged).getText().contains("Acknowledged by coach-a"));
    assertThat(needLabel(acknowledged)).isEqualTo("In pain");
    assertThat(chromium.consoleProblems()).as("console warnings and errors").isEmpty();
  }

  @Test
  @Order(4)
  void eachCoachSeesOnlyTheirAthletes() {
    // Given coach B's dashboard
    open("/", AppUnderTest.COACH_B);

    // Then it shows their athlete, and none of coach A's
    wait.until(d -> !d.findElements(tileSelector(otherCoachs)).isEmpty());
    assertThat(browser.findElements(By.cssSelector("#tiles .tile")))
        .extracting(t -> t.getAttribute("data-athlete-id"))
        .contains(otherCoachs)
        .doesNotContain(referral, stop, reduce, advisory, inPain, fine, acknowledged, resolved);

    // And coach A's shows none of coach B's
    open("/", AppUnderTest.COACH_A);
    wait.until(d -> !d.findElements(tileSelector(reduce)).isEmpty());
    assertThat(browser.findElements(tileSelector(otherCoachs))).isEmpty();
    assertThat(chromium.consoleProblems()).as("console warnings and errors").isEmpty();
  }

  @Test
  @Order(5)
  void aResolvedAlertIsShownAsResolved() {
    // Given coach A's dashboard, when their athlete overexerted and then eased off for long enough
    open("/", AppUnderTest.COACH_A);

    // Then the feed shows the resolution as resolved, and the earlier alert as resolved since
    WebElement done =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#feed li.alert.resolved[data-athlete-id='" + resolved + "']")));
    assertThat(done.getAttribute("data-state")).isEqualTo("RESOLVED");
    assertThat(done.findElement(By.className("badge")).getText()).isNotBlank().doesNotContain("RESOLVED");
    WebElement raised =
        browser.findElement(By.cssSelector("#feed li.alert.state-RAISED[data-athlete-id='" + resolved + "']"));
    assertThat(raised.getAttribute("class")).contains("superseded");
    assertThat(raised.getText()).contains("Resolved since");
    assertThat(chromium.consoleProblems()).as("console warnings and errors").isEmpty();
  }

  @Test
  @Order(0)
  void aWrongTokenIsToldSoAndAskedAgain() {
    browser.get(baseUrl() + "/?token=not-a-token");

    wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "refused"));

    assertThat(browser.findElement(By.id("login")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("login-message")).getText()).contains("refused");
  }

  // ---- helpers ----

  private String baseUrl() {
    return "http://127.0.0.1:" + under.app.httpPort();
  }

  /** Opens a page of the dashboard with a token, and waits until it is live. */
  private void open(String page, String token) {
    String hash = page.contains("#") ? page.substring(page.indexOf('#')) : "";
    browser.get(baseUrl() + "/?token=" + token + hash);
    wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
  }

  private static By tileSelector(String athleteId) {
    return By.cssSelector("#tiles .tile[data-athlete-id='" + athleteId + "']");
  }

  private WebElement tile(String athleteId) {
    return browser.findElement(tileSelector(athleteId));
  }

  private String needLabel(String athleteId) {
    return tile(athleteId).findElement(By.className("need")).getText();
  }

  private WebElement feedCard(String athleteId) {
    return wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#feed li.alert.state-RAISED[data-athlete-id='" + athleteId + "']")));
  }

  /** The order of the given athletes' tiles on the page (those not shown are left out). */
  private List<String> tileOrder(List<String> athleteIds) {
    return browser.findElements(By.cssSelector("#tiles .tile")).stream()
        .map(t -> t.getAttribute("data-athlete-id"))
        .filter(athleteIds::contains)
        .toList();
  }
}
