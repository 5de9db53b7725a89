package io.uapiguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.uapiguard.api.CorpusService;
import io.uapiguard.store.HistoryQueries.TagInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The report of the real history in a real browser: the system's headless Chromium driven by Selenium. Loads the
 * repository page, checks the chart and the tables, follows links to a tag, compares with another tag, opens a
 * helper's timeline, and saves a screenshot to {@code target/report.png}; with {@code -Duapiguard.update-screenshot=true}
 * also to {@code docs/report.png}, the one the README shows (a test run never dirties the work tree on its own).
 */
class ReportBrowserTest extends CorpusService {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    ChromeDriver browser;
    Path profile;

    @BeforeEach
    void browser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no system browser: install the Debian packages chromium and chromium-driver (.ci/run does)");
        profile = Files.createTempDirectory("uapiguard-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The console, where the browser reports what the Content-Security-Policy blocked.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        browser.manage().window().setSize(new Dimension(1400, 1000));
    }

    @AfterEach
    void close() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            org.springframework.util.FileSystemUtils.deleteRecursively(profile);
        }
    }

    @Test
    void theCorpusReportInABrowser() throws Exception {
        ingestedCorpus();
        List<TagInfo> tags = queries.tags(REPOSITORY);

        browser.get(url("/report"));
        navigateBy(browser.findElement(By.linkText(REPOSITORY)));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(REPOSITORY);

        // The chart: one bar per tag that parsed, drawn at its count, labelled with the tag.
        List<WebElement> bars = browser.findElements(By.cssSelector("#helper-chart rect"));
        List<TagInfo> parsed = tags.stream().filter(t -> t.helperCount() != null).toList();
        assertThat(bars).hasSize(parsed.size()).hasSize(50);
        assertThat(bars.get(bars.size() - 1).getAttribute("data-count"))
                .isEqualTo(String.valueOf(parsed.get(parsed.size() - 1).helperCount()));
        WebElement chart = browser.findElement(By.id("helper-chart"));
        assertThat(chart.getSize().getHeight()).isGreaterThan(200);
        assertThat(bars.get(bars.size() - 1).getSize().getHeight())
                .isGreaterThan(bars.get(0).getSize().getHeight());

        // The table of tags, in release order, each with its verdict badge.
        List<WebElement> rows = browser.findElements(By.cssSelector("#tags tbody tr"));
        assertThat(rows).hasSize(50);
        assertThat(rows.get(0).findElement(By.cssSelector(".badge")).getText()).isEqualTo("first tag");
        assertThat(rows.stream().skip(1).map(r -> r.findElement(By.cssSelector(".badge")).getText()))
                .allMatch(v -> List.of("breaking", "warnings", "compatible").contains(v));

        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        assertThat(Files.size(shot)).as("screenshot size").isGreaterThan(10_000);
        Files.copy(shot, Path.of("target/report.png"), StandardCopyOption.REPLACE_EXISTING);
        if (Boolean.getBoolean("uapiguard.update-screenshot")) {
            Files.copy(shot, Path.of("docs/report.png"), StandardCopyOption.REPLACE_EXISTING);
        }

        // Follow the newest tag.
        TagInfo newest = tags.get(tags.size() - 1);
        navigateBy(browser.findElement(By.linkText(newest.name())));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(newest.name());
        assertThat(browser.findElements(By.cssSelector("#helpers tbody tr"))).hasSize(newest.helperCount());
        assertThat(browser.findElement(By.cssSelector("#summary a")).getText()).isEqualTo(newest.previousTag());

        // Compare with the first tag through the selector.
        new Select(browser.findElement(By.id("compare"))).selectByVisibleText(tags.get(0).name());
        navigateBy(browser.findElement(By.cssSelector("#compare-form button")));
        assertThat(browser.getCurrentUrl()).contains("compare=" + tags.get(0).name());
        assertThat(browser.findElement(By.cssSelector("#summary a")).getText()).isEqualTo(tags.get(0).name());
        assertThat(browser.findElements(By.cssSelector("#findings tbody tr"))).isNotEmpty();

        // A helper's timeline.
        navigateBy(browser.findElement(By.linkText("map_lookup_elem")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("map_lookup_elem");
        assertThat(browser.findElement(By.cssSelector("#timeline tbody tr .kind")).getText()).isEqualTo("added");

        // Under the Content-Security-Policy the style sheet still applies (a badge has its colour, not the
        // default transparent) and the browser blocked nothing on any of these pages.
        browser.get(url("/report/" + REPOSITORY));
        assertThat(browser.findElement(By.cssSelector("#tags .badge.breaking")).getCssValue("background-color"))
                .isNotEqualTo("rgba(0, 0, 0, 0)");
        List<String> blocked = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
        assertThat(blocked).as("blocked by the Content-Security-Policy").isEmpty();
    }

    @Test
    void aChecksPageInABrowser() throws Exception {
        String request = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(
                java.util.Map.of("repository", REPOSITORY, "base", "v1.1.0", "header", swappedHelperIds(newestText())));
        var answer = postJson("/api/v1/checks", request, "application/vnd.patchwork.check+json");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String targetUrl = tools.jackson.databind.json.JsonMapper.builder().build().readTree(answer.body())
                .path("target_url").asString();
        assertThat(targetUrl).as(answer.body()).contains("/report/checks/");

        // What a maintainer who clicks the patch's check sees: the verdict, the findings, the lines around them.
        browser.get(targetUrl);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Check against v1.1.0");
        WebElement verdict = browser.findElement(By.id("verdict"));
        assertThat(verdict.getText()).isEqualTo("breaking");
        assertThat(verdict.getCssValue("background-color")).isNotEqualTo("rgba(0, 0, 0, 0)");
        List<WebElement> findings = browser.findElements(By.cssSelector(".finding"));
        assertThat(findings).isNotEmpty();
        assertThat(findings.stream().map(f -> f.findElement(By.cssSelector(".rule")).getText()))
                .contains("helper.id-changed");
        assertThat(browser.findElements(By.cssSelector(".excerpt tr.at")).stream().map(WebElement::getText))
                .anyMatch(line -> line.contains("FN(map_lookup_elem, 2, ##ctx)"));

        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target/check.png"), StandardCopyOption.REPLACE_EXISTING);

        // The base tag's report, one click away.
        navigateBy(browser.findElement(By.cssSelector("#base-report a")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("v1.1.0");
        List<String> blocked = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
        assertThat(blocked).as("blocked by the Content-Security-Policy").isEmpty();
    }

    /**
     * Clicks what leads to another page and waits until the old page is gone: a click may return before the
     * navigation it starts (a form submit did, once, in CI), and the next lookup would then read the old page.
     */
    void navigateBy(WebElement clickable) {
        WebElement oldPage = browser.findElement(By.tagName("html"));
        clickable.click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(oldPage));
    }
}
