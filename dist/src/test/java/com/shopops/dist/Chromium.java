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
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
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

    /**
     * Signs in through the login form as {@code name}, leaving any session before (its cookies are
     * dropped), and waits until the form has sent the browser on.
     */
    void signIn(String name, String password) {
        driver.manage().deleteAllCookies();
        open("/login.html");
        visible("#name").sendKeys(name);
        visible("#password").sendKeys(password);
        visible("#login button[type=submit]").click();
        until(d -> !path().startsWith("/login.html"));
    }

    /** Runs {@code script} in every page this browser opens from now on, before the page's own scripts. */
    void onEveryPage(String script) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
    }

    /**
     * From now on records, in every page, what it writes to the console as an error or a warning (a
     * missing message is one), uncaught errors, and what the Content-Security-Policy blocks: the browser
     * reports that only as an event, so a policy too strict for a page (or markup that got in and tried
     * to run) would otherwise go unseen. Read with {@link #consoleErrors()} and {@link #cspViolations()}.
     */
    void recordConsoleErrors() {
        onEveryPage("""
                window.__consoleErrors = [];
                window.__cspViolations = [];
                for (const level of ['error', 'warn']) {
                  const original = console[level].bind(console);
                  console[level] = (...args) => { window.__consoleErrors.push(level + ': ' + args.map(String).join(' ')); original(...args); };
                }
                window.addEventListener('error', (e) => window.__consoleErrors.push('error: ' + e.message));
                window.addEventListener('unhandledrejection', (e) => window.__consoleErrors.push('rejection: ' + e.reason));
                document.addEventListener('securitypolicyviolation', (e) => {
                  const text = e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline code') + (e.sample ? ': ' + e.sample : '');
                  window.__cspViolations.push(text);
                  window.__consoleErrors.push('content security policy: ' + text);
                });""");
    }

    /** What the current page wrote as errors and warnings, CSP violations among them (see {@link #recordConsoleErrors()}). */
    @SuppressWarnings("unchecked")
    List<String> consoleErrors() {
        return (List<String>) js("return window.__consoleErrors || []");
    }

    /** What the Content-Security-Policy blocked on the current page (see {@link #recordConsoleErrors()}). */
    @SuppressWarnings("unchecked")
    List<String> cspViolations() {
        return (List<String>) js("return window.__cspViolations || []");
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
        // Asked every 100 ms, not Selenium's 500: most waits end within a few hundred ms, and CI's time is short.
        return new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(100))
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

    /**
     * Clicks the first element matching {@code css} as a person would: scrolled to the middle of the
     * window, clear of the sticky header (one in a table that scrolls sideways into its box first), once
     * one is shown and enabled. A page still drawing (the briefing arriving above a form) can move the
     * element under the pointer; a click something else caught is tried again until the page is still.
     */
    void click(String css) {
        click(() -> all(css).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** Clicks {@code element} as {@link #click(String)} does, for one a test already holds. */
    void click(WebElement element) {
        click(() -> element.isDisplayed() ? element : null);
    }

    private void click(Supplier<WebElement> target) {
        until(d -> {
            WebElement element = target.get();
            if (element == null || !element.isEnabled()) {
                return null;
            }
            js("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element);
            try {
                element.click();
                return true;
            } catch (ElementClickInterceptedException movedUnderThePointer) {
                return null;
            }
        });
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
