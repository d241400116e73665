package com.shopops.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web UI in Debian's Chromium against the built distribution: a real SQLite data folder with the
 * demo shop and a second shop, the real plugin zips, users made with the CLI. One browser for the
 * class; the tests run in order and share its session, as a person clicking through would.
 * Screenshots of each main page go to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {

    /** The owner {@link Distribution.Server#start} makes. */
    static final String OWNER = "admin";
    static final String OWNER_PASSWORD = Distribution.OWNER_PASSWORD;
    static final String DESIGNER = "xiaomei";
    static final String DESIGNER_PASSWORD = "a designer's long password";
    static final String XSS = "<img src=x onerror=\"window.__xss=1\">";

    @TempDir
    static Path work;
    static Distribution.Server server;
    static Chromium browser;
    /** Why the tests are skipped (no Chromium here), or null. */
    static String skip;

    @BeforeAll
    static void start() throws Exception {
        skip = Chromium.missing();
        if (skip != null) {
            return;
        }
        String data = work.resolve("data").toString();
        run("", "demo", "--days", "31", "--seed", "7", "--data", data);
        server = Distribution.Server.start(work, "--data", data);
        // Over the API (as the owner) rather than the CLI: one JVM start less each.
        assertEquals(201, server.post("/api/shops", "{\"code\":\"jd1\",\"name\":\"京东自营店\",\"platform\":\"jd\"}").status());
        assertEquals(201, server.post("/api/users", "{\"name\":\"" + DESIGNER + "\",\"password\":\"" + DESIGNER_PASSWORD
                + "\",\"roles\":[\"DESIGN\"],\"shops\":[\"demo\"]}").status());
        browser = Chromium.start(server.url(), work);
    }

    @BeforeEach
    void runnable() {
        Assumptions.assumeTrue(skip == null, skip);
    }

    private static void run(String input, String... args) throws Exception {
        Distribution.Run run = Distribution.cliWithInput(work, input, args);
        assertEquals(0, run.exit(), "shopops " + String.join(" ", args) + ":\n" + run.out() + run.err());
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static void signIn(String name, String password) {
        browser.visible("#name").clear();
        browser.visible("#name").sendKeys(name);
        browser.visible("#password").clear();
        browser.visible("#password").sendKeys(password);
        browser.click("#login button[type=submit]");
    }

    private static void signOut() {
        browser.click(".user-menu summary");
        browser.click(".user-menu-panel button");
        browser.until(d -> browser.path().startsWith("/login.html"));
    }

    /** Opens a page of the shell, waits until it is drawn and checks it shows no error and no raw message key. */
    private static void page(String path) {
        browser.open(path);
        browser.mounted();
        assertEquals("", browser.errors(), path);
        assertEquals(List.of(), browser.untranslated(), "untranslated texts on " + path);
    }

    private static List<String> navLabels() {
        return browser.all("#shell-nav a").stream().map(a -> a.getAttribute("textContent").trim()).toList();
    }

    @Test
    @Order(1)
    void signsInAfterAWrongPasswordAndReturnsToThePageAsked() throws Exception {
        browser.open("/settings/plugins.html");
        browser.until(d -> browser.path().startsWith("/login.html?next="));
        browser.visible("#login");
        browser.screenshot("login");

        signIn(OWNER, "not-the-password");
        assertTrue(browser.visible("#login-error").getText().length() > 0);
        assertTrue(browser.path().startsWith("/login.html"));

        signIn(OWNER, OWNER_PASSWORD);
        browser.until(d -> browser.path().startsWith("/settings/plugins.html"));
        browser.mounted();
        assertEquals(OWNER, browser.visible(".user-name").getText());

        page("/");
        browser.visible("#products table");
        browser.until(d -> browser.js("return !!document.querySelector('#chart canvas')"));
        assertEquals(5, browser.all("#figures .figure").size(), "revenue, orders, buyers, AOV, refunds");
        browser.screenshot("home");
    }

    @Test
    @Order(2)
    void switchesToChineseLabels() throws Exception {
        page("/");
        new Select(browser.visible("#shell-lang")).selectByValue("zh-CN");
        browser.until(d -> "zh-CN".equals(browser.js("return document.documentElement.lang"))
                && navLabels().contains("首页"));
        browser.mounted();
        List<String> labels = navLabels();
        assertTrue(labels.containsAll(List.of("首页", "导入数据", "流量", "成员", "角色与权限", "插件", "操作日志")), labels.toString());
        assertEquals("店铺", browser.all(".shop-switch label").get(0).getAttribute("textContent"));
        browser.visible("#products table");
        assertTrue(browser.visible("#products thead").getText().contains("商品标题"));
        assertEquals(List.of(), browser.untranslated());
        browser.screenshot("home-zh");
    }

    @Test
    @Order(3)
    void switchesShopAndKeepsItAcrossPages() {
        page("/?shop=demo");
        new Select(browser.visible("#shell-shop")).selectByValue("jd1");
        browser.until(d -> browser.path().contains("shop=jd1"));
        browser.mounted();
        browser.until(d -> browser.visible("#heading").getText().equals("京东自营店"));
        assertTrue(browser.all("#shell-nav a").stream().allMatch(a -> a.getAttribute("href").contains("shop=jd1")),
                "the navigation keeps the shop");

        page("/import.html");
        assertTrue(browser.path().contains("shop=jd1"), "the shop chosen last is remembered: " + browser.path());
        new Select(browser.visible("#shell-shop")).selectByValue("demo");
        browser.until(d -> browser.path().contains("shop=demo"));
    }

    @Test
    @Order(4)
    void importsProductsWithProgressAndShowsAnXssTitleAsText() throws Exception {
        Path file = work.resolve("products.csv");
        Files.writeString(file, "sku,title,category,price,cost,stock,status\n"
                + "XSS-1,\"" + XSS.replace("\"", "\"\"") + "\",测试,9.90,3.00,5,listed\n"
                + "MUG-1,陶瓷马克杯 白色,厨房/杯具,39.00,12.00,140,listed\n"
                + "BAD-1,价格不对,厨房/杯具,abc,1.00,1,listed\n", StandardCharsets.UTF_8);
        // a plugin's page links to the import with its kind and format chosen
        page("/import.html?shop=demo&kind=competitors&format=peer-snapshot");
        browser.until(d -> "peer-snapshot".equals(new Select(browser.visible("#format")).getFirstSelectedOption().getAttribute("value")));
        assertEquals("competitors", new Select(browser.visible("#kind")).getFirstSelectedOption().getAttribute("value"));

        page("/import.html?shop=demo");
        new Select(browser.visible("#kind")).selectByValue("products");
        new Select(browser.visible("#format")).selectByValue("generic");
        browser.visible("#file").sendKeys(file.toAbsolutePath().toString());
        browser.click("#start");
        browser.visible("#job progress");
        browser.visible("#result-card");
        assertTrue(browser.visible("#rejected table").getText().contains("4"), "the bad row's line number is listed");
        assertEquals("1", browser.js("return document.querySelector('#job progress').value + ''"));
        browser.visible("#recent table");
        browser.screenshot("import");

        page("/?shop=demo");
        browser.visible("#q").sendKeys("XSS-1");
        browser.click("#product-search button");
        browser.until(d -> browser.all("#products tbody tr").size() == 1);
        WebElement title = browser.all("#products tbody td").get(1);
        assertEquals(XSS, title.getText(), "the title is shown as the text it is");
        assertTrue(browser.all("#products img").isEmpty(), "no element was made from the title");
        assertNull(browser.js("return window.__xss"), "the onerror handler never ran");

        browser.click("#products .table-tools button");
        Path csv = browser.until(d -> {
            try (Stream<Path> files = Files.list(browser.downloads)) {
                return files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
        byte[] bytes = browser.until(d -> {
            try {
                byte[] b = Files.readAllBytes(csv);
                return b.length > 3 ? b : null;
            } catch (java.io.IOException e) {
                return null;
            }
        });
        assertEquals(0xEF, bytes[0] & 0xFF, "UTF-8 byte order mark, for Excel");
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("SKU,") || text.startsWith("商家编码,"), text);
        assertTrue(text.contains("\"" + XSS.replace("\"", "\"\"") + "\""), "quoted as CSV: " + text);
    }

    @Test
    @Order(5)
    void opensEveryPluginPage() throws Exception {
        page("/?shop=demo");
        List<String> pages = browser.all("#shell-nav a[data-plugin]").stream().map(a -> a.getAttribute("href")).toList();
        assertFalse(pages.isEmpty(), "the enabled plugins have pages");
        for (String href : pages) {
            browser.driver.get(href);
            browser.mounted();
            assertEquals("", browser.errors(), href);
            assertFalse(browser.visible("h1").getText().isBlank(), href);
            assertEquals(List.of(), browser.untranslated(), href);
            assertEquals("page", browser.visible("#shell-nav a[aria-current]").getAttribute("aria-current"));
            // a picture of each plugin's first screen with its data, for people to look at (dist/target/screenshots)
            try {
                browser.until(d -> !browser.all("main table, main canvas").isEmpty());
            } catch (org.openqa.selenium.TimeoutException e) {
                // a page without a table or chart yet is pictured as it is
            }
            browser.screenshot("plugin-" + href.replaceAll("^.*/ui/([^/]+)/.*$", "$1"));
        }
        page("/ui/traffic/sources.html?shop=demo");
        browser.visible("#source").sendKeys("直通车");
        new Select(browser.visible("#channel")).selectByValue("paid");
        browser.click("#save");
        browser.until(d -> browser.visible("#channels tbody").getText().contains("直通车"));
        assertTrue(browser.visible("#channels tbody").getText().contains("付费推广"));
        browser.screenshot("traffic-sources");
    }

    @Test
    @Order(6)
    void showsEachSettingsPage() throws Exception {
        page("/settings/users.html");
        browser.until(d -> browser.visible("#users tbody").getText().contains(DESIGNER));
        browser.screenshot("settings-users");

        page("/settings/roles.html");
        browser.visible("#matrix input[type=checkbox][data-permission='traffic.view'][data-role='DESIGN']");
        assertTrue(browser.visible("#matrix").getText().contains("查看流量数据和来源映射"), "plugin permissions in the plugin's words");
        browser.screenshot("settings-roles");

        page("/settings/plugins.html");
        browser.visible("#plugins [data-plugin='traffic']");
        browser.screenshot("settings-plugins");

        page("/settings/tokens.html");
        browser.visible("#token-name").sendKeys("夜间导入脚本");
        browser.click("#create button");
        String token = browser.visible("#token-value").getText();
        assertTrue(token.length() >= 20, token);
        assertEquals(200, server.as(token).get("/api/me").status(), "the new token signs a script in");
        browser.until(d -> browser.visible("#tokens tbody").getText().contains("夜间导入脚本"));
        browser.screenshot("settings-tokens");

        page("/settings/audit.html");
        browser.visible("#entries table");
        assertTrue(browser.visible("#entries tbody").getText().contains(OWNER), "the changes made above are in the log");
        assertTrue(browser.visible("#csv").getAttribute("href").contains("/api/audit.csv"));
        browser.screenshot("settings-audit");
    }

    @Test
    @Order(7)
    void disablingAPluginTakesItOutOfTheNavigationAndEnablingBringsItBack() {
        page("/settings/plugins.html");
        assertNotNull(browser.visible("#shell-nav a[data-plugin='traffic']"));
        browser.click("button[data-action='disable'][data-plugin='traffic']");
        browser.until(d -> browser.all("#shell-nav a[data-plugin='traffic']").isEmpty());
        browser.click("button[data-action='enable'][data-plugin='traffic']");
        browser.visible("#shell-nav a[data-plugin='traffic']");
        browser.visible("button[data-action='disable'][data-plugin='traffic']");
    }

    @Test
    @Order(8)
    void aRoleWithoutThePermissionGetsThe403Page() throws Exception {
        page("/");
        signOut();
        signIn(DESIGNER, DESIGNER_PASSWORD);
        browser.until(d -> !browser.path().startsWith("/login.html"));
        browser.mounted();
        List<String> labels = navLabels();
        assertFalse(labels.contains("成员"), "a designer sees no users: " + labels);
        assertTrue(labels.contains("导入数据"), "a designer may import the peers' snapshots: " + labels);
        assertTrue(labels.contains("流量"), labels.toString());

        browser.open("/settings/users.html");
        browser.mounted();
        browser.visible("#forbidden");
        assertTrue(browser.visible("h1").getText().contains("403"));
        assertTrue(browser.all("#users").isEmpty(), "none of the users page is sent");
        browser.screenshot("forbidden");

        Distribution.Server anonymous = server.as(null);
        var login = anonymous.post("/api/auth/login", "{\"name\":\"" + DESIGNER + "\",\"password\":\"" + DESIGNER_PASSWORD + "\"}");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        assertEquals(403, anonymous.send("GET", "/settings/users.html", null, "Cookie", cookie).status());
        assertEquals(200, anonymous.send("GET", "/ui/traffic/sources.html", null, "Cookie", cookie).status());

        // A designer keeps the peer list (competitors.edit): the import page is theirs for the peers' snapshots and
        // for nothing else, and the server refuses them an import of orders (data.import).
        assertEquals(200, anonymous.send("GET", "/import.html", null, "Cookie", cookie).status());
        // (the recent imports' file names are data, not texts to translate)
        browser.open("/import.html?shop=demo");
        browser.mounted();
        assertEquals("", browser.errors());
        browser.until(d -> !browser.all("#kind option").isEmpty());
        assertEquals(List.of("competitors"), browser.all("#kind option").stream().map(o -> o.getAttribute("value")).toList());
        Object orders = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/shell/shell.js').then(async ({ api }) => {
                  const body = new FormData();
                  body.append('kind', 'orders');
                  body.append('file', new Blob(['x']), 'orders.csv');
                  try { await api('/api/shops/demo/imports', { method: 'POST', body }); done(200); } catch (e) { done(e.status); }
                });""");
        assertEquals(403L, orders, "an import of orders needs data.import");

        page("/ui/traffic/sources.html");
        assertTrue(browser.visible("#channels tbody").getText().contains("直通车"));
        assertTrue(browser.all("#edit").stream().noneMatch(WebElement::isDisplayed), "a designer may not change the mapping");
        signOut();
        signIn(OWNER, OWNER_PASSWORD);
        browser.until(d -> !browser.path().startsWith("/login.html"));
        browser.mounted();
    }

    @Test
    @Order(9)
    void worksOnA390PixelPhone() throws Exception {
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            page("/?shop=demo");
            browser.visible("#products table");
            WebElement toggle = browser.visible(".nav-toggle");
            assertFalse(browser.driver.findElement(By.id("shell-nav")).isDisplayed(), "the navigation folds away");
            assertEquals(390L, browser.js("return window.innerWidth"));
            assertTrue((Long) browser.js("return document.documentElement.scrollWidth") <= 390,
                    "no sideways scrolling of the page: " + browser.js("return document.documentElement.scrollWidth"));
            browser.screenshot("phone-home");

            browser.click(toggle);
            assertEquals("true", toggle.getAttribute("aria-expanded"));
            WebElement traffic = browser.visible("#shell-nav a[data-plugin='traffic']");
            browser.screenshot("phone-nav");
            browser.click(traffic);
            browser.until(d -> browser.path().startsWith("/ui/traffic/"));
            browser.mounted();
            assertTrue((Long) browser.js("return document.documentElement.scrollWidth") <= 390);
        } finally {
            browser.driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }
}
