package com.shopops.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopops.api.Role;
import com.shopops.platform.Host;
import com.shopops.platform.Installation;
import com.shopops.platform.config.Config;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.people.Users;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The real ShopOps host, started in the test's JVM for a plugin's own tests: the plugin's zip in a plugins
 * folder, a temporary SQLite database, an owner with an API token, one shop, and the HTTP server on a free
 * loopback port. Everything the plugin does goes through what a shop's team uses: its routes over HTTP with
 * the host's sign-in and permission checks, its import formats through the host's import jobs, its findings
 * through the morning briefing.
 *
 * <pre>{@code
 * try (ShopOpsTestHost host = ShopOpsTestHost.start(ShopOpsTestHost.builtZip())) {
 *     JsonNode job = host.importFile("reviews", Path.of("src/test/resources/reviews.csv"), "notes-reviews");
 *     assertEquals(3, job.get("imported").asInt());
 *     assertEquals(200, host.get(host.pluginPath("notes", "/notes")).status());
 *     assertTrue(host.findings(LocalDate.of(2024, 3, 5)).stream().anyMatch(f -> f.get("plugin").asText().equals("notes")));
 * }
 * }</pre>
 *
 * The zip is the one {@code mvn package} built, so tests that use this run as integration tests
 * ({@code *IT.java} with the failsafe plugin), after the zip exists.
 */
public final class ShopOpsTestHost implements AutoCloseable {

    /** The shop every host starts with. */
    public static final String SHOP = "test";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration IMPORT_WAIT = Duration.ofSeconds(60);

    private final Path dir;
    private final Host host;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ShopOpsTestHost(Path dir, Host host, String token) {
        this.dir = dir;
        this.host = host;
        this.token = token;
    }

    /** An answer: its status and body; {@link #json()} reads the body. */
    public record Answer(int status, String body) {

        /** The body as JSON; fails the test with the body when it is not. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("the answer (" + status + ") is not JSON: " + body, e);
            }
        }
    }

    /**
     * The plugin zip {@code mvn package} left in {@code target/}: there must be exactly one.
     *
     * @throws IllegalStateException when there is none (run the test as an integration test, after package) or several
     */
    public static Path builtZip() {
        Path target = Path.of("target");
        try (Stream<Path> files = Files.isDirectory(target) ? Files.list(target) : Stream.empty()) {
            List<Path> zips = files.filter(p -> p.getFileName().toString().endsWith(".zip")).sorted().toList();
            if (zips.size() != 1) {
                throw new IllegalStateException("expected one plugin zip in " + target.toAbsolutePath() + ", found " + zips
                        + " — run the test as an integration test (name it *IT), after mvn package");
            }
            return zips.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a host with {@code pluginZips} in its plugins folder and the shop {@value #SHOP} (CNY,
     * Asia/Shanghai). A plugin the host refuses or that fails to start makes this fail with the host's reason.
     */
    public static ShopOpsTestHost start(Path... pluginZips) {
        return start(Map.of(), pluginZips);
    }

    /**
     * As {@link #start(Path...)}, with settings as {@code shopops.properties} would give them (e.g.
     * {@code plugins.route-seconds}).
     */
    public static ShopOpsTestHost start(Map<String, String> settings, Path... pluginZips) {
        Path dir;
        try {
            dir = Files.createTempDirectory("shopops-test-host");
            Path plugins = Files.createDirectories(dir.resolve("plugins"));
            for (Path zip : pluginZips) {
                Files.copy(zip, plugins.resolve(zip.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> flags = new HashMap<>(settings);
        flags.put("data", dir.resolve("data").toString());
        flags.put("plugins", dir.resolve("plugins").toString());
        flags.put("host", "127.0.0.1");
        flags.put("port", "0");
        // The machine's SHOPOPS_* variables are left out: a test gets the same host on every machine.
        Config config = Config.load(null, Map.of(), flags);
        String token;
        try (Installation core = Installation.openCore(config)) {
            Users.User owner = core.people().users().create(new Users.NewUser("owner", "test-host-" + System.nanoTime(),
                    Set.of(Role.OWNER), List.of()));
            token = core.people().tokens().create(owner.id(), "test kit").token();
            core.shops().create(new ShopStore.NewShop(SHOP, "Test shop", "taobao", "CNY", "Asia/Shanghai"));
        }
        Host host = Host.start(config, false);
        ShopOpsTestHost started = new ShopOpsTestHost(dir, host, token);
        try {
            for (var plugin : host.plugins().list()) {
                if (!plugin.state().equals("STARTED")) {
                    throw new IllegalStateException("plugin '" + plugin.id() + "' did not start: " + plugin.state()
                            + (plugin.error() == null ? "" : " — " + plugin.error()));
                }
            }
            if (host.plugins().list().size() < pluginZips.length) {
                throw new IllegalStateException("the host loaded " + host.plugins().list().size() + " of " + pluginZips.length
                        + " plugins; the server log says why");
            }
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    /** The server's address, e.g. {@code http://127.0.0.1:41234}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + host.port());
    }

    /** The path of a plugin's route in the shop {@value #SHOP}: {@code /api/shops/test/p/PLUGIN/REST}. */
    public String pluginPath(String plugin, String rest) {
        return "/api/shops/" + SHOP + "/p/" + plugin + rest;
    }

    /** GET as the owner. */
    public Answer get(String path) {
        return send(request(path).GET());
    }

    /** POST a JSON body as the owner. */
    public Answer post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** PUT a JSON body as the owner. */
    public Answer put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** DELETE as the owner. */
    public Answer delete(String path) {
        return send(request(path).DELETE());
    }

    /**
     * Imports {@code file} into the shop as an upload does and waits for the job: the finished job, with its
     * {@code state} ({@code done}, {@code done-with-rejections}, {@code failed}…) and its counts ({@code read},
     * {@code imported}, {@code updated}, {@code rejected}…) and {@code errors}.
     *
     * @param format the format's name, or null to let the host detect it from the header
     */
    public JsonNode importFile(String kind, Path file, String format) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", kind);
        if (format != null) {
            fields.put("format", format);
        }
        Answer started = postFile("/api/shops/" + SHOP + "/imports", fields, file);
        if (started.status() != 202) {
            throw new AssertionError("the import of " + file.getFileName() + " was refused: " + started.status() + " " + started.body());
        }
        String id = started.json().get("id").asText();
        long deadline = System.nanoTime() + IMPORT_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = get("/api/imports/" + id).json();
            String state = job.get("state").asText();
            if (!state.equals("queued") && !state.equals("running")) {
                return job;
            }
            sleep();
        }
        throw new AssertionError("the import of " + file.getFileName() + " did not finish in " + IMPORT_WAIT.toSeconds() + " s");
    }

    /** The shop's morning briefing of {@code day}, made afresh, in English: its findings, each as the JSON API gives it. */
    public List<JsonNode> findings(LocalDate day) {
        Answer briefing = post("/api/shops/" + SHOP + "/briefing?format=json&lang=en&date="
                + URLEncoder.encode(day.toString(), StandardCharsets.UTF_8), "");
        if (briefing.status() != 200) {
            throw new AssertionError("the briefing of " + day + " could not be made: " + briefing.status() + " " + briefing.body());
        }
        List<JsonNode> findings = new ArrayList<>();
        briefing.json().get("findings").forEach(findings::add);
        return findings;
    }

    /** The findings of {@code day} that {@code plugin} contributed. */
    public List<JsonNode> findings(LocalDate day, String plugin) {
        return findings(day).stream().filter(f -> plugin.equals(f.path("plugin").asText())).toList();
    }

    @Override
    public void close() {
        try {
            host.close();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // a temporary folder left behind is not worth failing a test over
            }
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri().resolve(path)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
    }

    private Answer postFile(String path, Map<String, String> fields, Path file) {
        String boundary = "----shopops-test-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var e : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                    + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            body.writeBytes(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
