package dev.signalcheck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.signalcheck.core.audit.AuditSettings;
import dev.signalcheck.core.series.SeriesData;
import dev.signalcheck.io.InputSpec;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens reports in headless Chromium: charts render, no script errors or policy violations, hostile
 * names show as text and never run, the overview table of many series sorts, filters and pages.
 * Screenshots go to {@code target/browser/}. Skipped (not failed) when Chromium or its driver is
 * not installed; CI installs both ({@code .ci/run}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {

  static final Path OUT = Path.of("target", "browser");
  static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
  static final String DRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

  private WebDriver driver;
  private Path profile;

  @BeforeAll
  void start() throws IOException {
    assumeTrue(
        Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(DRIVER)),
        "headless browser tests need "
            + CHROMIUM
            + " and "
            + DRIVER
            + " (Debian packages chromium and chromium-driver; .ci/run installs them)");
    Files.createDirectories(OUT);
    profile = Files.createTempDirectory("signalcheck-chromium");
    // a driver given explicitly: Selenium Manager has nothing to look up or download
    System.setProperty("webdriver.chrome.driver", DRIVER);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER))
            .usingAnyFreePort()
            .build();
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM);
    o.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile.toAbsolutePath(),
        "--window-size=1280,1600",
        "--hide-scrollbars",
        "--force-device-scale-factor=1");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    o.setCapability("goog:loggingPrefs", logs);
    driver = new ChromeDriver(service, o);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  void stop() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (profile != null) {
      try (var walk = Files.walk(profile)) {
        walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  private Path write(String name, HtmlReport html) throws IOException {
    Path dir = OUT.resolve(name);
    Files.createDirectories(dir);
    Path file = dir.resolve("report.html");
    html.write(file);
    return file;
  }

  private JavascriptExecutor js() {
    return (JavascriptExecutor) driver;
  }

  /** Opens a page, waits for the script to finish, and draws every chart (as before printing). */
  private void open(Path file) {
    driver.manage().logs().get(LogType.BROWSER); // drop what earlier pages logged
    driver.get(file.toAbsolutePath().toUri().toString());
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(
            d ->
                "true"
                    .equals(
                        js().executeScript(
                                "return document.documentElement.getAttribute('data-rendered')")));
    js().executeScript(
            "window.dispatchEvent(new Event('beforeprint')); window.dispatchEvent(new Event('afterprint'));");
  }

  private List<String> problems() {
    List<String> out = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
        out.add(e.getLevel() + " " + e.getMessage());
      }
    }
    return out;
  }

  /** Every chart box holds a drawn canvas of non-zero size. */
  @SuppressWarnings("unchecked")
  private void assertChartsDrawn(int atLeast) {
    List<List<Number>> sizes =
        (List<List<Number>>)
            js().executeScript(
                    "return Array.from(document.querySelectorAll('.chart')).map(function (b) {"
                        + " var cs = b.querySelectorAll('canvas'); if (!cs.length) return [0, 0];"
                        + " var r = cs[0].getBoundingClientRect(); return [r.width, r.height]; });");
    assertThat(sizes).hasSizeGreaterThanOrEqualTo(atLeast);
    assertThat(sizes)
        .allSatisfy(
            s -> {
              assertThat(s.get(0).doubleValue()).isGreaterThan(100);
              assertThat(s.get(1).doubleValue()).isGreaterThan(50);
            });
    Object pending =
        js().executeScript("return document.querySelectorAll('.chart .pending').length");
    assertThat(((Number) pending).intValue()).isZero();
  }

  /**
   * The verdict box holds the headline only (the evidence is folded below it), time stamps in the
   * fact tiles stay on one line, and names break only between words — also in a narrow window.
   */
  private void assertLayoutHoldsAtAnyWidth() {
    for (int width : new int[] {1280, 420}) {
      driver.manage().window().setSize(new Dimension(width, 1600));
      assertThat(
              js().executeScript(
                      "return document.querySelectorAll('section.series .verdict li').length"))
          .as("no evidence inside the verdict box at %d px", width)
          .isEqualTo(0L);
      assertThat(
              (Long)
                  js().executeScript(
                          "return document.querySelectorAll('section.series details.why li').length"))
          .as("the evidence folded below it")
          .isPositive();
      @SuppressWarnings("unchecked")
      List<Long> lines =
          (List<Long>)
              js().executeScript(
                      "return Array.from(document.querySelectorAll('.fact.stamp .v')).map(function (e)"
                          + " { var r = document.createRange(); r.selectNodeContents(e);"
                          + " var tops = {}; Array.from(r.getClientRects()).forEach(function (c) {"
                          + " tops[Math.round(c.top)] = 1; }); return Object.keys(tops).length; })");
      assertThat(lines).as("time stamps on one line at %d px", width).isNotEmpty().containsOnly(1L);
      assertThat(
              js().executeScript(
                      "return getComputedStyle(document.querySelector('section.series > h2'))"
                          + ".overflowWrap"))
          .as("names break between words only")
          .isNotEqualTo("anywhere");
    }
    driver.manage().window().setSize(new Dimension(1280, 1600));
  }

  private void screenshot(String name, boolean fullPage) throws IOException {
    Dimension before = driver.manage().window().getSize();
    if (fullPage) {
      long h =
          ((Number) js().executeScript("return document.documentElement.scrollHeight")).longValue();
      driver.manage().window().setSize(new Dimension(1280, (int) Math.min(16_000, h + 20)));
    }
    js().executeScript("window.scrollTo(0, 0)");
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(OUT.resolve(name + ".png"), png);
    driver.manage().window().setSize(before);
    assertThat(png.length).isGreaterThan(10_000);
  }

  @Test
  void theDemoReportsRenderEveryChart() throws IOException {
    AuditSettings defaults = AuditSettings.defaults();
    Path air =
        write(
            "air-passengers",
            Fixtures.report(
                InputSpec.of(
                    "../cli/src/main/resources/dev/signalcheck/cli/demo/air_passengers.csv"),
                defaults));
    open(air);
    assertChartsDrawn(6);
    assertThat(problems()).isEmpty();
    WebElement headline = driver.findElement(By.cssSelector(".verdict .headline"));
    assertThat(headline.getText()).contains("signal");
    assertThat(headline.getLocation().getY())
        .as("the verdict is on the first screen")
        .isLessThan(500);
    assertThat(driver.findElements(By.cssSelector(".bar-row"))).hasSizeGreaterThan(5);
    assertThat(cursorTime()).as("dates as the data write them").matches("19[4-6]\\d-\\d\\d-01");
    assertLayoutHoldsAtAnyWidth();
    screenshot("air-passengers", false);
    shoot("air-passengers-data", driver.findElement(By.cssSelector("section.series .chart")));
    screenshot("air-passengers-full", true);
    // as printed: controls hidden, charts at print width
    ((ChromeDriver) driver)
        .executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    js().executeScript("window.dispatchEvent(new Event('beforeprint'))");
    assertThat(driver.findElement(By.cssSelector("select.model")).isDisplayed()).isFalse();
    assertChartsDrawn(6);
    screenshot("air-passengers-print", true);
    js().executeScript("window.dispatchEvent(new Event('afterprint'))");
    ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

    Path ec2 =
        write(
            "ec2-latency",
            Fixtures.report(
                InputSpec.of("../testdata/nab/ec2_request_latency_system_failure.csv"), defaults));
    open(ec2);
    assertChartsDrawn(6);
    assertThat(problems()).isEmpty();
    assertThat(cursorTime())
        .as("date-times: date and time of day")
        .matches("2014-\\d\\d-\\d\\d \\d\\d:\\d\\d");
    screenshot("ec2-latency", false);
    shoot("ec2-latency-data", driver.findElement(By.cssSelector("section.series .chart")));
    screenshot("ec2-latency-full", true);
    // findings with intervals are listed under the data chart and can be switched off
    List<WebElement> toggles = driver.findElements(By.cssSelector(".legend input[type=checkbox]"));
    assertThat(toggles).isNotEmpty();
    toggles.get(0).click();
    assertThat(problems()).isEmpty();
    // another model can be picked for the backtest chart
    Select model = new Select(driver.findElement(By.cssSelector("select.model")));
    model.selectByIndex(0);
    assertChartsDrawn(6);
    assertThat(problems()).isEmpty();
  }

  @Test
  void hostileNamesAppearAsTextAndNeverRun() throws IOException {
    String idCol = "sensor \"id\" <b>bold</b>";
    String target = "<script>window.__pwned=1</script>";
    List<String> ids =
        List.of(
            "\"><img src=x onerror=\"window.__pwned=2\">",
            "=HYPERLINK(\"http://x\")",
            "</script><script>window.__pwned=3</script>",
            "it's \"quoted\"",
            "line\u2028break");
    StringBuilder csv = new StringBuilder("time," + quote(idCol) + "," + quote(target) + "\n");
    for (String id : ids) {
      for (int k = 0; k < 70; k++) {
        csv.append(
            String.format(
                java.util.Locale.ROOT,
                "2024-%02d-%02d,%s,%.3f%n",
                1 + k / 28,
                1 + k % 28,
                quote(id),
                10 + 3 * Math.sin(2 * Math.PI * k / 7) + (k % 5) * 0.3));
      }
    }
    Path dir = OUT.resolve("hostile");
    Files.createDirectories(dir);
    Path data = dir.resolve("hostile.csv");
    Files.writeString(data, csv, StandardCharsets.UTF_8);
    Path page =
        write(
            "hostile",
            Fixtures.report(
                InputSpec.of(data.toString()).withTime("time").withIds(idCol).withTargets(target),
                Fixtures.fast()));
    open(page);
    assertThat(js().executeScript("return typeof window.__pwned")).isEqualTo("undefined");
    assertThat(js().executeScript("return document.images.length")).isEqualTo(0L);
    assertThat(js().executeScript("return document.scripts.length")).isEqualTo(3L);
    assertThat(driver.getTitle()).startsWith("signalcheck report").doesNotContain("pwned");
    String text = (String) js().executeScript("return document.body.textContent");
    // a series key writes an id that starts with a quote in quotes, its own quotes doubled (so it
    // cannot be taken for another id written that way): the page shows the key, as text
    String quotedImg = "\"\"\"><img src=x onerror=\"\"window.__pwned=2\"\">\"";
    for (String id : ids) {
      assertThat(text).contains(id.startsWith("\"") ? quotedImg : id);
    }
    assertThat(text).contains(target, idCol);
    String visible = driver.findElement(By.tagName("body")).getText();
    assertThat(visible)
        .contains(
            quotedImg,
            "=HYPERLINK(\"http://x\")",
            "</script><script>window.__pwned=3</script>",
            target);
    assertChartsDrawn(5);
    assertThat(problems()).isEmpty();
    screenshot("hostile", false);

    // one series: its id is in the title, written as escaped HTML
    String title = "</title><script>window.__pwned=4</script>";
    Path single =
        write(
            "hostile-single",
            Fixtures.report(
                List.of(Fixtures.weekly(title, 80, 1, 30, 3)), Fixtures.fast(), 50, List.of()));
    open(single);
    assertThat(js().executeScript("return typeof window.__pwned")).isEqualTo("undefined");
    assertThat(driver.getTitle()).isEqualTo(title + " · signalcheck report · fixture.csv");
    assertThat(driver.findElement(By.cssSelector("section.series h2")).getText()).isEqualTo(title);
    assertThat(problems()).isEmpty();
  }

  @Test
  void covariatesShowTheirFindingsAndCrossCorrelations() throws IOException {
    String hostile = "<img src=x onerror=\"window.__pwned=5\">";
    Path page =
        write(
            "covariates",
            Fixtures.report(
                List.of(Fixtures.withCovariates("sales", 800, 1, hostile)),
                Fixtures.covariateSettings(),
                50,
                List.of()));
    open(page);
    assertThat(problems()).isEmpty();
    assertThat(js().executeScript("return typeof window.__pwned")).isEqualTo("undefined");
    assertThat(js().executeScript("return document.images.length")).isEqualTo(0L);
    List<WebElement> rows = driver.findElements(By.cssSelector("table.covariates tbody tr"));
    assertThat(rows).hasSize(4);
    // the driver acts 2 steps ahead over a 6-step horizon: its gain (about 11%) is shown with its
    // assessment, whichever the per-origin test gives it at 20 origins (useful or no value)
    assertThat(rows.get(0).getText())
        .startsWith("driver")
        .contains("collinear", "with copy")
        .containsPattern("useful|no value");
    assertThat(rows.get(2).getText()).startsWith(hostile).contains("no value");
    assertThat(rows.get(3).getText()).startsWith("next").contains("leakage");
    // one cross-correlation chart per covariate, each drawn
    assertThat(driver.findElements(By.cssSelector(".ccf .chart canvas"))).hasSize(4);
    assertThat(driver.findElements(By.cssSelector(".ccf h4")).get(2).getText()).isEqualTo(hostile);
    assertChartsDrawn(9);
    // the time axis reads as the data write it: the cursor's time in the legend is an ISO date
    String x = cursorTime();
    assertThat(x).matches("\\d{4}-\\d\\d-\\d\\d");
    assertThat(problems()).isEmpty();
    shoot("covariates-table", driver.findElement(By.cssSelector("table.covariates")));
    shoot("covariates-ccf", driver.findElement(By.cssSelector(".ccf-grid")));
    shoot("covariates-data", driver.findElement(By.cssSelector("section.series .chart")));
    screenshot("covariates-full", true);
  }

  @Test
  void aRedactedReportDrawsItsChartsOnTheScaleZeroToOne() throws IOException {
    Path page =
        write(
            "redacted",
            Fixtures.redacted(
                List.of(Fixtures.weekly("plant-7", 300, 3, 100, 4)), Fixtures.fast()));
    open(page);
    assertThat(problems()).isEmpty();
    assertThat(driver.findElement(By.cssSelector("header p.redacted")).getText())
        .contains("scaled to [0, 1]");
    assertChartsDrawn(4);
    // the data chart's own y range (what uPlot scaled its axis to) lies within [0, 1]
    assertThat(driver.findElement(By.cssSelector("section.series .chart")).getText())
        .doesNotContain("100.");
    assertThat(problems()).isEmpty();
    screenshot("redacted-full", true);
  }

  /** A screenshot of one element. */
  private void shoot(String name, WebElement e) throws IOException {
    js().executeScript("arguments[0].scrollIntoView()", e);
    Files.write(OUT.resolve(name + ".png"), e.getScreenshotAs(OutputType.BYTES));
  }

  /** The time the legend of the first chart shows with the cursor in the middle of the chart. */
  private String cursorTime() {
    WebElement over = driver.findElement(By.cssSelector("section.series .chart .u-over"));
    new Actions(driver).moveToElement(over).perform();
    return driver
        .findElement(By.cssSelector("section.series .chart .u-legend .u-series .u-value"))
        .getText();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  @Test
  void manySeriesStayUsable() throws IOException {
    List<SeriesData> input = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      input.add(
          i % 100 == 3
              ? Fixtures.weekly("plant-" + i / 100 + "/sensor-" + i, 60, i, 20, 6)
              : Fixtures.noise("plant-" + i / 100 + "/sensor-" + i, 60, i));
    }
    Path page =
        write("many", Fixtures.report(input, Fixtures.fast(), 10, List.of("plant-7/sensor-777")));
    // 3,000 series with 11 shown in full: about 440 KB (docs/benchmarks.md)
    assertThat(Files.size(page)).isLessThan(2_000_000L);
    open(page);
    assertThat(problems()).isEmpty();
    WebElement table = driver.findElement(By.cssSelector("#overview table"));
    assertThat(table.findElements(By.cssSelector("tbody tr"))).hasSize(50);
    assertThat(driver.findElement(By.cssSelector("#overview .pager")).getText())
        .contains("of 3,000");
    assertThat(driver.findElement(By.cssSelector(".leftout")).getText()).contains("2,989");
    // the default order puts the series with findings first
    String first = table.findElement(By.cssSelector("tbody tr td:nth-child(2)")).getText();
    assertThat(Integer.parseInt(first.substring(first.lastIndexOf('-') + 1)) % 100).isEqualTo(3);
    // filter by finding
    Select finding =
        new Select(driver.findElements(By.cssSelector("#overview .controls select")).get(1));
    finding.selectByVisibleText("time.gap (30)");
    assertThat(driver.findElement(By.cssSelector("#overview .pager")).getText())
        .contains("of 30 (filtered from 3,000)");
    finding.selectByValue("critical");
    assertThat(driver.findElement(By.cssSelector("#overview .pager")).getText())
        .contains("No series match");
    finding.selectByValue("any");
    // search by id, then sort by rows
    WebElement q = driver.findElement(By.cssSelector("#overview input[type=search]"));
    q.sendKeys("sensor-77");
    assertThat(table.findElements(By.cssSelector("tbody tr"))).hasSize(11);
    q.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    assertThat(table.findElements(By.cssSelector("tbody tr"))).hasSize(50);
    driver.findElements(By.cssSelector("#overview th button.sort")).get(1).click();
    assertThat(table.findElement(By.cssSelector("tbody tr td:nth-child(2)")).getText())
        .isEqualTo("plant-0/sensor-0");
    driver.findElement(By.xpath("//div[@class='pager']/button[2]")).click();
    assertThat(driver.findElement(By.cssSelector("#overview .pager")).getText())
        .contains("page 2 of 60");
    assertThat(driver.findElements(By.cssSelector("section.series"))).hasSize(11);
    assertThat(problems()).isEmpty();
    screenshot("many", false);
  }
}
