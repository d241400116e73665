package com.shopops.plugins.content.channels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopops.api.PublishingChannel.Post;
import com.shopops.api.PublishingChannel.Result;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook channel against a real HTTP server on the loopback address. */
class WebhookChannelTest {

    private static final String SECRET = "whsec-7f3a9c1e5b2d8a4f";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the server received. */
    record Received(String path, String method, Headers headers, byte[] body) {
    }

    private HttpServer server;
    private ExecutorService threads;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    private final List<String> errors = new ArrayList<>();

    @TempDir
    Path temp;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.createContext("/ok", ex -> answer(ex, 200, "{}"));
        server.createContext("/created", ex -> answer(ex, 201, "{\"id\":\"wb-9\"}"));
        server.createContext("/number", ex -> answer(ex, 200, "{\"id\":42}"));
        server.createContext("/plain", ex -> answer(ex, 204, ""));
        server.createContext("/fail", ex -> answer(ex, 500, "boom\r\nat the receiver\n" + "x".repeat(500)));
        server.createContext("/echo", ex -> answer(ex, 401, "wrong secret " + SECRET));
        server.createContext("/slow", ex -> {
            try {
                releaseSlow.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(ex, 200, "{}");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        releaseSlow.countDown();
        server.stop(0);
        threads.shutdownNow();
        for (String error : errors) {
            assertFalse(error.contains(SECRET), "the secret in an error: " + error);
        }
    }

    private void answer(HttpExchange ex, int status, String body) throws IOException {
        received.add(new Received(ex.getRequestURI().getPath(), ex.getRequestMethod(), ex.getRequestHeaders(),
                ex.getRequestBody().readAllBytes()));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private Result publish(WebhookChannel channel, Post post, String url) throws Exception {
        Result result = channel.publish(post, Map.of(WebhookChannel.URL, url, WebhookChannel.SECRET, SECRET,
                "shopops.folder", temp.toString()));
        if (result.error() != null) {
            errors.add(result.error());
        }
        return result;
    }

    private static Post post(String body, List<Path> images) {
        return new Post(3, 71, "新品上架 Spring drop", body, images, Instant.parse("2024-05-01T08:30:00Z"), "post-71-webhook");
    }

    private static String hmac(String secret, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void sendsThePostAsSignedJson() throws Exception {
        String body = "Fresh stock today <script>alert(1)</script> & \"quotes\" — 春季新款\nline two";
        long before = Instant.now().getEpochSecond();
        Result result = publish(new WebhookChannel(), post(body, List.of()), url("/ok"));

        assertEquals(new Result(true, null, null), result);
        assertEquals(1, received.size());
        Received r = received.get(0);
        assertEquals("POST", r.method());
        assertEquals("application/json; charset=utf-8", r.headers().getFirst("Content-Type"));
        assertEquals("ShopOps-webhook", r.headers().getFirst("User-Agent"));
        assertEquals("post-71-webhook", r.headers().getFirst("Idempotency-Key"));

        JsonNode json = JSON.readTree(r.body());
        assertEquals(71, json.get("postId").asLong());
        assertEquals(3, json.get("shopId").asLong());
        assertEquals("新品上架 Spring drop", json.get("title").asText());
        assertEquals(body, json.get("body").asText(), "the body arrives as data, byte for byte");
        assertEquals("2024-05-01T08:30:00Z", json.get("scheduledAt").asText());
        assertEquals("post-71-webhook", json.get("idempotencyKey").asText());
        assertTrue(json.get("images").isArray());
        assertEquals(0, json.get("images").size());
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("<script>alert(1)</script>"),
                "sent as it is, not escaped into something else");

        String timestamp = r.headers().getFirst("X-ShopOps-Timestamp");
        long sentAt = Long.parseLong(timestamp);
        assertTrue(sentAt >= before && sentAt <= Instant.now().getEpochSecond() + 1);
        assertEquals("sha256=" + hmac(SECRET, timestamp, r.body()), r.headers().getFirst("X-ShopOps-Signature"));
        assertFalse(r.headers().getFirst("X-ShopOps-Signature").equals("sha256=" + hmac("other-secret", timestamp, r.body())));
        for (List<String> values : r.headers().values()) {
            values.forEach(v -> assertFalse(v.contains(SECRET), "the secret itself is never sent"));
        }
    }

    @Test
    void aRetryCarriesTheSameKeyAndBody() throws Exception {
        WebhookChannel channel = new WebhookChannel();
        Post post = post("Same post twice", List.of());
        assertTrue(publish(channel, post, url("/ok")).published());
        assertTrue(publish(channel, post, url("/ok")).published());

        assertEquals(2, received.size());
        assertEquals("post-71-webhook", received.get(0).headers().getFirst("Idempotency-Key"));
        assertEquals(received.get(0).headers().getFirst("Idempotency-Key"), received.get(1).headers().getFirst("Idempotency-Key"));
        assertArrayEquals(received.get(0).body(), received.get(1).body());
        for (Received r : received) {
            String timestamp = r.headers().getFirst("X-ShopOps-Timestamp");
            assertEquals("sha256=" + hmac(SECRET, timestamp, r.body()), r.headers().getFirst("X-ShopOps-Signature"));
        }
    }

    @Test
    void sendsImagesWithTheirDigestAndData() throws Exception {
        byte[] png = new byte[3000];
        for (int i = 0; i < png.length; i++) {
            png[i] = (byte) (i * 31 + 7);
        }
        Path image = Files.write(temp.resolve("Spring-Drop.PNG"), png);
        Path photo = Files.write(temp.resolve("shelf.jpeg"), "jpeg bytes".getBytes(StandardCharsets.UTF_8));
        Path other = Files.write(temp.resolve("notes.txt"), new byte[] {1, 2, 3});

        Result result = publish(new WebhookChannel(), post("With pictures", List.of(image, photo, other)), url("/ok"));

        assertTrue(result.published(), result.error());
        JsonNode images = JSON.readTree(received.get(0).body()).get("images");
        assertEquals(3, images.size());
        JsonNode first = images.get(0);
        assertEquals("Spring-Drop.PNG", first.get("name").asText());
        assertEquals("image/png", first.get("contentType").asText());
        assertEquals(3000, first.get("size").asLong());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)), first.get("sha256").asText());
        assertArrayEquals(png, Base64.getDecoder().decode(first.get("data").asText()));
        assertEquals("image/jpeg", images.get(1).get("contentType").asText());
        assertEquals("application/octet-stream", images.get(2).get("contentType").asText());
    }

    @Test
    void aMissingImageFailsWithoutARequest() throws Exception {
        Result result = publish(new WebhookChannel(), post("x", List.of(temp.resolve("gone.png"))), url("/ok"));

        assertFalse(result.published());
        assertEquals("image gone.png is missing", result.error());
        assertTrue(received.isEmpty());
    }

    @Test
    void takesTheIdOfTheAnswer() throws Exception {
        WebhookChannel channel = new WebhookChannel();
        assertEquals(new Result(true, "wb-9", null), publish(channel, post("a", List.of()), url("/created")));
        assertEquals(new Result(true, "42", null), publish(channel, post("a", List.of()), url("/number")));
        assertEquals(new Result(true, null, null), publish(channel, post("a", List.of()), url("/plain")));
    }

    @Test
    void aServerErrorFails() throws Exception {
        Result result = publish(new WebhookChannel(), post("a", List.of()), url("/fail"));

        assertFalse(result.published());
        assertNull(result.externalId());
        assertTrue(result.error().startsWith("HTTP 500: boom at the receiver xxx"), result.error());
        assertFalse(result.error().contains("\n") || result.error().contains("\r"));
        assertEquals("HTTP 500: ".length() + 200, result.error().length());
    }

    @Test
    void anAnswerThatEchoesTheSecretDoesNotPutItInTheError() throws Exception {
        Result result = publish(new WebhookChannel(), post("a", List.of()), url("/echo"));

        assertFalse(result.published());
        assertTrue(result.error().startsWith("HTTP 401: wrong secret "), result.error());
        assertFalse(result.error().contains(SECRET));
    }

    @Test
    void aSlowServerTimesOut() throws Exception {
        WebhookChannel channel = new WebhookChannel(Duration.ofSeconds(1), Duration.ofMillis(300));
        long start = System.nanoTime();
        Result result = publish(channel, post("a", List.of()), url("/slow"));
        long took = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertFalse(result.published());
        assertEquals("no answer within 0.3 s", result.error());
        assertTrue(took < 2000, "gave up after " + took + " ms");
    }

    @Test
    void aClosedPortFails() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Result result = publish(new WebhookChannel(Duration.ofSeconds(2), Duration.ofSeconds(3)), post("a", List.of()),
                "http://127.0.0.1:" + port + "/hook");

        assertFalse(result.published());
        assertEquals("could not connect to 127.0.0.1:" + port, result.error());
    }

    @Test
    void anUnknownHostFails() throws Exception {
        // .invalid never resolves (RFC 2606), so this asks no real server.
        Result result = publish(new WebhookChannel(Duration.ofSeconds(2), Duration.ofSeconds(3)), post("a", List.of()),
                "https://shop.example.invalid/hook");

        assertFalse(result.published());
        assertEquals("unknown host shop.example.invalid", result.error());
    }

    @Test
    void refusesAnythingButHttpWithoutARequest() throws Exception {
        int port = server.getAddress().getPort();
        for (String url : List.of("ftp://127.0.0.1:" + port + "/ok", "file:///etc/passwd", "javascript:alert(1)",
                "127.0.0.1:" + port + "/ok", "/ok", "not a url", "http:///ok", "")) {
            Result result = publish(new WebhookChannel(), post("a", List.of()), url);
            assertFalse(result.published(), url);
            assertEquals("url must be an http:// or https:// address", result.error(), url);
        }
        assertTrue(received.isEmpty(), "no request for a refused url");
        assertTrue(publish(new WebhookChannel(), post("a", List.of()), "HTTP://127.0.0.1:" + port + "/ok").published());
    }

    @Test
    void declaresItsSettings() {
        WebhookChannel channel = new WebhookChannel();
        assertEquals("webhook", channel.id());
        assertEquals(2, channel.settings().size());
        assertFalse(channel.settings().get(0).secret());
        assertEquals("url", channel.settings().get(0).key());
        assertTrue(channel.settings().get(1).secret());
        assertEquals("secret", channel.settings().get(1).key());
    }

    @Test
    void aPostWithoutAKeyIsRefused() throws Exception {
        Post post = new Post(3, 71, "t", "b", List.of(), Instant.now(), " ");
        Result result = publish(new WebhookChannel(), post, url("/ok"));
        assertFalse(result.published());
        assertNotNull(result.error());
        assertTrue(received.isEmpty());
    }
}
