package dev.signalcheck.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signalcheck.ledger.LedgerLocation;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium: sign in with a token, the projects page on one scale, a
 * project's runs, a run with its report drawn into the page by the report's own render function, no
 * console errors or policy violations, and hostile project and column names shown as text.
 * Screenshots go to {@code target/browser/}. Skipped (not failed) when Chromium or its driver is
 * not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {
  static final Path OUT = Path.of("target", "browser");
  static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
  static final String DRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
  static final String HOSTILE_PROJECT = "<img src=x onerror=\"document.title='pwned'\">plant";
  static final String HOSTILE_COLUMN = "<script>document.title='pwned'</script>";

  private WebDriver driver;
  private Path profile;
  private Path dir;
  private TestServer s;
  private long hostileRun;

  @BeforeAll
  void start() throws IOException {
    assumeTrue(
        Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(DRIVER)),
        "headless browser tests need "
            + CHROMIUM
            + " and "
            + DRIVER
            + " (Debian packages chromium and chromium-driver)");
    Files.createDirectories(OUT);
    dir = Files.createTempDirectory("signalcheck-dash");
    s = new TestServer(LedgerLocation.sqlite(dir.resolve("ledger.db")), dir);
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> r =
          s.audit(
              s.write,
              "sales-" + i + ".csv",
              TestServer.csv(100 + 20 * i, i),
              TestServer.quick("retail"));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
    Map<String, String> f = TestServer.quick(HOSTILE_PROJECT);
    HttpResponse<String> r =
        s.audit(s.write, "plant.csv", TestServer.csv(90, 9, HOSTILE_COLUMN.replace(",", ";")), f);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    hostileRun = TestServer.json(r).get("runId").asLong();

    profile = Files.createTempDirectory("signalcheck-chromium");
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
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile.toAbsolutePath(),
        "--window-size=1280,1000",
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
    if (s != null) {
      s.close();
    }
    for (Path p : new Path[] {profile, dir}) {
      if (p != null) {
        try (var walk = Files.walk(p)) {
          walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
      }
    }
  }

  private JavascriptExecutor js() {
    return (JavascriptExecutor) driver;
  }

  /** Waits until a script returns the text "true" (a page drawn by its script). */
  private void awaitTrue(String script) {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(d -> "true".equals(js().executeScript(script)));
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

  private void screenshot(String name) throws IOException {
    long h =
        ((Number) js().executeScript("return document.documentElement.scrollHeight")).longValue();
    Dimension before = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(1280, (int) Math.min(4000, h + 20)));
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(OUT.resolve(name + ".png"), png);
    driver.manage().window().setSize(before);
    assertThat(png.length).isGreaterThan(10_000);
  }

  @Test
  void signInBrowseAndOpenARun() throws IOException {
    driver.get(s.base() + "/");
    // not signed in: the sign-in page
    assertThat(driver.getCurrentUrl()).endsWith("/login");
    driver.findElement(By.name("token")).sendKeys(s.read);
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> d.getCurrentUrl().equals(s.base() + "/"));
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Projects on one scale");
    // every project on the chart, references included
    List<WebElement> medians = driver.findElements(By.cssSelector("svg.projects circle.median"));
    assertThat(medians.size()).isGreaterThanOrEqualTo(3);
    // the hostile project name is text: a link whose text is the whole name, no image, no script
    WebElement link = driver.findElement(By.partialLinkText("plant"));
    assertThat(link.getText()).isEqualTo(HOSTILE_PROJECT);
    assertThat(driver.findElements(By.cssSelector("main img"))).isEmpty();
    assertThat(driver.getTitle()).doesNotContain("pwned");
    assertThat(problems()).isEmpty();
    screenshot("dashboard-projects");

    // a project's runs over time
    driver.findElement(By.linkText("retail")).click();
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Project retail");
    assertThat(driver.findElements(By.cssSelector("table.runs tbody tr"))).hasSize(3);
    assertThat(driver.findElements(By.cssSelector("svg.runs rect")).size())
        .isGreaterThanOrEqualTo(3);
    assertThat(driver.findElements(By.cssSelector("svg.runs path.mase"))).hasSize(1);
    // sorting happens on the server: by series, smallest first
    driver.findElement(By.linkText("series")).click();
    driver.findElement(By.linkText("series ▼")).click();
    assertThat(driver.getCurrentUrl()).contains("sort=series").contains("dir=asc");
    assertThat(problems()).isEmpty();
    screenshot("dashboard-project");

    // the hostile run: its report drawn into the run page by window.signalcheck.render from the
    // run's data (no frame), charts drawn, names as text
    driver.get(s.base() + "/runs/" + hostileRun);
    assertThat(driver.findElement(By.tagName("h1")).getText()).contains(HOSTILE_PROJECT);
    assertThat(driver.findElements(By.tagName("iframe"))).isEmpty();
    assertThat(driver.findElement(By.cssSelector("p.redaction")).getAttribute("data-redacted"))
        .isEqualTo("false");
    awaitTrue(
        "var r = document.getElementById('run-report');"
            + " return r && r.getAttribute('data-run-rendered')");
    js().executeScript(
            "window.dispatchEvent(new Event('beforeprint')); window.dispatchEvent(new Event('afterprint'));");
    Number canvases =
        (Number)
            js().executeScript(
                    "return document.querySelectorAll('#run-report .chart canvas').length");
    assertThat(canvases.intValue()).isGreaterThanOrEqualTo(3);
    // what render wrote is this run's: its series, its verdict as the ledger has it, its input
    JsonNode run = TestServer.json(s.get("/api/v1/runs/" + hostileRun, s.read));
    JsonNode only = run.at("/seriesRows/0");
    assertThat(driver.findElement(By.cssSelector("#run-report section.series h2")).getText())
        .isEqualTo(HOSTILE_COLUMN)
        .isEqualTo(only.get("id").asText());
    String signal = only.get("verdict").asText();
    String shown =
        driver
            .findElement(By.cssSelector("#run-report section.series .verdict .badge"))
            .getAttribute("class");
    assertThat(shown)
        .isEqualTo(
            "badge " + (List.of("strong", "weak", "none").contains(signal) ? signal : "short"));
    // the report's header, put before the root by render
    assertThat(driver.findElement(By.cssSelector("main > header.top h1")).getText())
        .isEqualTo("plant.csv");
    assertThat(driver.getTitle()).doesNotContain("pwned");
    assertThat(problems()).isEmpty();
    screenshot("dashboard-run");

    // the report as a page of its own still draws itself from its data block
    driver.get(s.base() + "/runs/" + hostileRun + "/report.html");
    awaitTrue("return document.documentElement.getAttribute('data-rendered')");
    assertThat(driver.findElement(By.cssSelector("section.series h2")).getText())
        .isEqualTo(HOSTILE_COLUMN);
    // the title holds the series name as text (a script run from it would have set it to 'pwned')
    assertThat(driver.getTitle()).startsWith(HOSTILE_COLUMN + " · signalcheck report");
    assertThat(problems()).isEmpty();

    // usage: the views just made are counted
    driver.get(s.base() + "/usage");
    assertThat(driver.findElements(By.cssSelector("svg.weeks rect.bar"))).hasSize(1);
    String runs = driver.findElement(By.cssSelector("table.usage-runs")).getText();
    assertThat(runs).contains(Long.toString(hostileRun));
    assertThat(problems()).isEmpty();
    screenshot("dashboard-usage");

    // sources: none fetched into this ledger yet, and the page says how to start
    driver.get(s.base() + "/sources");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sources");
    assertThat(driver.findElement(By.tagName("main")).getText()).contains("signalcheck fetch");
    assertThat(problems()).isEmpty();
  }
}
