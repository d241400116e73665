package com.shopops.dist;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through its chromedriver: one browser for a test class, a fresh
 * profile per run, downloads into a folder of the test's, full-page screenshots as build artifacts.
 */
final class Chromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("shopops.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("shopops.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of(System.getProperty("shopops.screenshots", "target/screenshots"));

    final ChromeDriver driver;
    final Path downloads;
    private final String base;

    private Chromium(ChromeDriver driver, Path downloads, String base) {
        this.driver = driver;
        this.downloads = downloads;
        this.base = base;
    }

    /**
     * Why the browser tests cannot run here (Chromium or its driver is missing, and how to install them),
     * or null when they can. Under {@code CI=true} a missing browser fails instead: CI must run them.
     */
    static String missing() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return null;
        }
        String why = "no Chromium at " + CHROMIUM + " or no chromedriver at " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why + "; CI=true needs the browser tests to run");
        }
        return why;
    }

    /** Starts Chromium for the server at {@code base}, its profile and downloads under {@code work}. */
    static Chromium start(String base, Path work) throws IOException {
        Path profile = Files.createDirectories(work.resolve("chromium-profile"));
        Path downloads = Files.createDirectories(work.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
                "--window-size=1280,900", "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "en-US,en"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return new Chromium(driver, downloads, base);
    }

    /** Opens a path of the server. */
    void open(String path) {
        driver.get(base + path);
    }

    /** The current path and query, e.g. {@code /login.html?next=%2F}. */
    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    <T> T until(Function<WebDriver, T> condition) {
        // A page that re-renders replaces the element a condition just found; that is "not yet", not a failure.
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** Waits until the shell has mounted: the page is shown and the navigation drawn. */
    void mounted() {
        until(d -> js("return !document.body.classList.contains('loading') && !!document.querySelector('#shell-nav li')"));
    }

    /** Waits for an element matching {@code css} that is displayed, and answers it. */
    WebElement visible(String css) {
        return until(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Text of the page's error notices, empty when there is none. */
    String errors() {
        return (String) js("return [...document.querySelectorAll('.notice.error:not([hidden])')].map(n => n.textContent).join(' | ')");
    }

    /**
     * Text nodes that look like a message key (e.g. {@code home.title}) rather than words: a string
     * the page forgot to translate.
     */
    @SuppressWarnings("unchecked")
    List<String> untranslated() {
        return (List<String>) js("""
                const keys = [];
                const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                while (walk.nextNode()) {
                  const text = walk.currentNode.textContent.trim();
                  if (/^[a-z]+(\\.[A-Za-z0-9_-]+)+$/.test(text) && walk.currentNode.parentElement.closest('code') === null)
                    keys.push(text);
                }
                return [...new Set(keys)];""");
    }

    /** Saves a PNG of the whole page, not just the window, as {@code target/screenshots/NAME.png}. */
    @SuppressWarnings("unchecked")
    Path screenshot(String name) throws IOException {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Number> size = (Map<String, Number>) metrics.get("cssContentSize");
        long width = (long) js("return window.innerWidth");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width,
                "height", Math.min(4000, Math.max(size.get("height").doubleValue(), 100)), "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Path file = Files.createDirectories(SCREENSHOTS).resolve(name + ".png");
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
