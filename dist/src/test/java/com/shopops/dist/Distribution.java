package com.shopops.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The built distribution (target/shopops-VERSION), run the way a user runs it: {@code bin/shopops}
 * as a separate process, spoken to over HTTP on loopback.
 */
final class Distribution {

    static final Path HOME = Path.of(System.getProperty("shopops.dist", "target/shopops-0.1.0"));
    /** The plugin API version the built host provides (the build's {@code shopops.api.version}). */
    static final String API_VERSION = System.getProperty("shopops.api.version", "unknown");
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Distribution() {
    }

    /** Copies the distribution's plugin zips into {@code folder}, so a test can change its own plugins folder. */
    static Path pluginsCopy(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> zips = Files.list(HOME.resolve("plugins"))) {
            for (Path zip : zips.filter(p -> p.toString().endsWith(".zip")).toList()) {
                Files.copy(zip, folder.resolve(zip.getFileName()));
            }
        }
        return folder;
    }

    /** Result of one CLI run. */
    record Run(int exit, String out, String err) {
    }

    /**
     * A process of {@code bin/shopops args…}, run as the tests run the distribution: with the JIT's first tier
     * only. A test's commands and servers live seconds; on CI's two cores the optimising compiler spent more
     * CPU on them than it saved (four ITs took 193 s with it and 148 s without). What the code does is the same.
     */
    static ProcessBuilder shopops(List<String> args) {
        return shopops(HOME, args);
    }

    /** {@link #shopops(List)} of the distribution in {@code home}, e.g. a copy of {@link #HOME}. */
    static ProcessBuilder shopops(Path home, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/shopops").toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().merge("SHOPOPS_JAVA_OPTS", "-XX:TieredStopAtLevel=1", (given, first) -> first + " " + given);
        return builder;
    }

    /** Runs {@code bin/shopops args…} to completion. */
    static Run cli(Path workDir, String... args) throws Exception {
        return cliWithInput(workDir, "", args);
    }

    /** Runs {@code bin/shopops args…} to completion with {@code input} on its standard input. */
    static Run cliWithInput(Path workDir, String input, String... args) throws Exception {
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Path in = Files.createTempFile(workDir, "in", ".txt");
        Files.writeString(in, input);
        Process p = shopops(List.of(args)).directory(workDir.toFile()).redirectInput(in.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("shopops " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The password of the owner {@link Server#start} creates. */
    static final String OWNER_PASSWORD = "test owner password";

    /** The last day of history of {@link Server#demo}'s shop. */
    static final String DEMO_LAST_DAY = "2026-11-22";

    /**
     * Makes sure the installation that {@code args} point at (their {@code --data} and {@code --db}) has
     * its owner {@code admin}, and returns an API token acting as them. Two commands (init, token create)
     * per server start were a good part of the integration tests' time, so a data folder without a
     * database starts as a copy of one made once by those commands, and a folder keeps its token across
     * restarts. A PostgreSQL installation ({@code --db}) runs the commands each time.
     */
    static String ownerToken(Path workDir, String... args) throws Exception {
        Path data = null;
        boolean postgres = false;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--data")) {
                data = Path.of(args[i + 1]).toAbsolutePath().normalize();
            } else if (args[i].equals("--db")) {
                postgres = true;
            }
        }
        if (postgres || data == null) {
            return ownerTokenByCommands(workDir, args);
        }
        synchronized (OWNER_TOKENS) {
            String known = OWNER_TOKENS.get(data);
            if (known != null && Files.exists(data.resolve(DATABASE))) {
                return known;
            }
            if (!Files.exists(data.resolve(DATABASE))) {
                Owned template = ownerTemplate();
                Files.createDirectories(data);
                Files.copy(template.data().resolve(DATABASE), data.resolve(DATABASE));
                OWNER_TOKENS.put(data, template.token());
                return template.token();
            }
            String made = ownerTokenByCommands(workDir, args);
            OWNER_TOKENS.put(data, made);
            return made;
        }
    }

    /** The SQLite database in a data folder. */
    private static final String DATABASE = "shopops.db";
    /** The owner's API token of each data folder a test started a server on. */
    private static final Map<Path, String> OWNER_TOKENS = new HashMap<>();
    private static Owned ownerTemplate;

    /** A data folder with its owner, and an API token acting as them. */
    private record Owned(Path data, String token) {
    }

    /** A data folder with nothing but the owner (and a token), made once per test run with the commands. */
    private static Owned ownerTemplate() throws Exception {
        if (ownerTemplate == null) {
            Path dir = temporaryFolder("shopops-owner-template");
            Path data = dir.resolve("data");
            ownerTemplate = new Owned(data, ownerTokenByCommands(dir, "--data", data.toString()));
        }
        return ownerTemplate;
    }

    /** A folder for the whole test run, deleted when it ends. */
    static Path temporaryFolder(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // a temporary folder left behind is only disk space
            }
        }));
        return dir;
    }

    /** {@code shopops init} (when the installation has no users yet) and {@code shopops token create}. */
    private static String ownerTokenByCommands(Path workDir, String... args) throws Exception {
        List<String> where = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--data") || args[i].equals("--db")) {
                where.add(args[i]);
                where.add(args[i + 1]);
            }
        }
        List<String> init = new ArrayList<>(List.of("init", "--admin", "admin", "--password-stdin"));
        init.addAll(where);
        Run created = cliWithInput(workDir, OWNER_PASSWORD + "\n", init.toArray(String[]::new));
        if (created.exit() != 0 && !created.err().contains("has users already")) {
            throw new AssertionError("init failed: " + created.err());
        }
        List<String> token = new ArrayList<>(List.of("token", "create", "tests", "--user", "admin"));
        token.addAll(where);
        Run made = cli(workDir, token.toArray(String[]::new));
        if (made.exit() != 0) {
            throw new AssertionError("token create failed: " + made.err());
        }
        return made.out().strip();
    }

    /**
     * A server started from the distribution; closing it stops the process as Ctrl-C would. Its
     * requests carry the owner's API token, unless made through {@link #as(String)}.
     */
    static class Server implements AutoCloseable {
        final Process process;
        final int port;
        final Path log;
        final String token;

        private Server(Process process, int port, Path log, String token) {
            this.process = process;
            this.port = port;
            this.log = log;
            this.token = token;
        }

        /** The same server, spoken to with another API token (null: with none). Closing the view stops nothing. */
        Server as(String otherToken) {
            return new Server(process, port, log, otherToken) {
                @Override
                public void close() {
                }
            };
        }

        /** The demo's data folder as {@code shopops demo} made it, once per test run; each test gets a copy. */
        private static Owned demoTemplate;

        /**
         * Makes the demo once (the same for every test: fixed days, seed and last day), with its owner and
         * a token, and keeps it.
         */
        private static Owned demoTemplate() throws Exception {
            synchronized (OWNER_TOKENS) {
                if (demoTemplate == null) {
                    Path dir = temporaryFolder("shopops-demo-template");
                    Path data = dir.resolve("data");
                    Run demo = cli(dir, "demo", "--days", "60", "--seed", "5", "--until", DEMO_LAST_DAY, "--data", data.toString());
                    if (demo.exit() != 0) {
                        throw new AssertionError("shopops demo failed: " + demo.err());
                    }
                    demoTemplate = new Owned(data, ownerTokenByCommands(dir, "--data", data.toString()));
                }
                return demoTemplate;
            }
        }

        /**
         * The demo shop {@code demo} of the plugin tests: 60 days up to 2026-11-22, seed 5, made with
         * {@code shopops demo} (once per test run, then copied to {@code workDir/data}: making it is the
         * slow part of every plugin test's start), and a server on it.
         */
        static Server demo(Path workDir) throws Exception {
            Path data = workDir.resolve("data");
            Owned template = demoTemplate();
            try (Stream<Path> files = Files.walk(template.data())) {
                for (Path from : files.toList()) {
                    Files.copy(from, data.resolve(template.data().relativize(from).toString()));
                }
            }
            synchronized (OWNER_TOKENS) {
                OWNER_TOKENS.put(data.toAbsolutePath().normalize(), template.token());
            }
            return start(workDir, "--data", data.toString());
        }

        /** Starts {@code bin/shopops serve} with {@code args} on a free port and waits for /health. */
        static Server start(Path workDir, String... args) throws Exception {
            return start(HOME, workDir, args);
        }

        /** {@link #start(Path, String...)} with the distribution in {@code home}, e.g. a copy of {@link #HOME}. */
        static Server start(Path home, Path workDir, String... args) throws Exception {
            String token = ownerToken(workDir, args);
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of("serve", "--port", String.valueOf(port)));
            command.addAll(List.of(args));
            Path log = Files.createTempFile(workDir, "server", ".log");
            Process p = shopops(home, command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            Server server = new Server(p, port, log, token);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new AssertionError("server exited with " + p.exitValue() + ":\n" + server.log());
                }
                try {
                    if (server.get("/health").status() == 200) {
                        return server;
                    }
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            server.close();
            throw new AssertionError("server did not answer /health in 60 s:\n" + server.log());
        }

        /** What the server wrote to its log so far. */
        String log() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        Answer get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        Answer post(String path, String json) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        Answer put(String path, String json) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)));
        }

        Answer postFile(String path, Path file) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/zip")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)));
        }

        /** A multipart/form-data POST: text {@code fields} and one file under {@code fileField}. */
        Answer postMultipart(String path, java.util.Map<String, String> fields, String fileField, Path file)
                throws IOException, InterruptedException {
            String boundary = "----shopops" + System.nanoTime();
            var body = new java.io.ByteArrayOutputStream();
            for (var e : fields.entrySet()) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                        + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                    + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(Files.readAllBytes(file));
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        }

        /**
         * Imports {@code file} into {@code shop} as an upload does ({@code fields}: kind, format…) and waits
         * for the job to end; answers the finished job (its state, counts and rejected rows).
         */
        JsonNode importFile(String shop, java.util.Map<String, String> fields, Path file) throws Exception {
            Answer started = postMultipart("/api/shops/" + shop + "/imports", fields, "file", file);
            if (started.status() != 202) {
                throw new AssertionError("import of " + file.getFileName() + " refused: " + started.status() + " " + started.body());
            }
            String id = started.json().get("id").asText();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                JsonNode job = get("/api/imports/" + id).json();
                String state = job.get("state").asText();
                if (!state.equals("queued") && !state.equals("running")) {
                    return job;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("import " + id + " did not finish in 60 s");
        }

        /** Any request with extra headers ({@code name, value, name, value…}); body null for none. */
        Answer send(String method, String path, String body, String... headers) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return send(request);
        }

        /** The server's address, e.g. {@code http://127.0.0.1:7071}. */
        String url() {
            return "http://127.0.0.1:" + port;
        }

        Answer delete(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).DELETE());
        }

        /** The shop's plugin route, e.g. {@code plugin("demo", "traffic", "/channels")}. */
        static String plugin(String shop, String plugin, String rest) {
            return "/api/shops/" + shop + "/p/" + plugin + rest;
        }

        /** The state /health reports for {@code id}, or null when it lists no such plugin. */
        String state(String id) throws Exception {
            for (JsonNode p : get("/health").json().get("plugins")) {
                if (p.get("id").asText().equals(id)) {
                    return p.get("state").asText();
                }
            }
            return null;
        }

        /** The /health entry of {@code id}. */
        JsonNode health(String id) throws Exception {
            for (JsonNode p : get("/health").json().get("plugins")) {
                if (p.get("id").asText().equals(id)) {
                    return p;
                }
            }
            throw new AssertionError("no plugin " + id + " in /health");
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""), r.headers());
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** One HTTP answer; headers holds Set-Cookie and the like. */
    record Answer(int status, String body, String contentType, java.net.http.HttpHeaders headers) {
        Answer(int status, String body, String contentType) {
            this(status, body, contentType, java.net.http.HttpHeaders.of(java.util.Map.of(), (name, value) -> true));
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }
}
