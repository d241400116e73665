package com.shopops.plugins.content.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shopops.api.PublishingChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLException;
import org.pf4j.Extension;

/**
 * The {@code webhook} channel: POSTs the post as JSON to the shop's {@code url}, signed with the shop's
 * {@code secret}, so any system of the shop's own can take posts without a plugin of its own.
 *
 * <h2>The request</h2>
 * <pre>
 * POST {url}
 * Content-Type: application/json; charset=utf-8
 * Idempotency-Key: {the post's idempotency key, the same on every retry of the post}
 * X-ShopOps-Timestamp: {seconds since 1970-01-01T00:00:00Z when the request was made}
 * X-ShopOps-Signature: sha256={lowercase hex of the HMAC-SHA256, see below}
 * User-Agent: ShopOps-webhook
 *
 * {"postId":7,"shopId":1,"title":"...","body":"...","scheduledAt":"2024-05-01T08:00:00Z",
 *  "idempotencyKey":"...","images":[{"name":"a.png","contentType":"image/png","size":1234,
 *  "sha256":"{lowercase hex}","data":"{the file in base64}"}]}
 * </pre>
 * {@code scheduledAt} is ISO-8601 in UTC; the content types are {@code image/png}, {@code image/jpeg},
 * {@code image/gif}, {@code image/webp}, else {@code application/octet-stream}.
 *
 * <h2>Verifying the signature</h2>
 * The signature is {@code HMAC-SHA256(key = the secret's UTF-8 bytes, message = the X-ShopOps-Timestamp
 * value, then ".", then the request body's bytes exactly as received)}, in lowercase hex after
 * {@code sha256=}. A receiver computes the same over the raw body (before parsing it), compares in
 * constant time, and refuses timestamps more than a few minutes from its clock so a captured request
 * cannot be replayed later. A retry carries the same body and {@code Idempotency-Key} with a new timestamp
 * and signature: the receiver keeps the keys it has taken and answers a known one with success again.
 *
 * <h2>The answer</h2>
 * Any 2xx is published; when its body is a JSON object with a text or number {@code id}, that becomes
 * the post's external id. Redirects are not followed. Failures come back as results, in these words:
 * {@code HTTP <status>: <start of the answer>}, {@code no answer within N s}, {@code no connection
 * within N s to <host>:<port>}, {@code could not connect to <host>:<port>}, {@code unknown host <host>},
 * {@code TLS with <host> failed: <why>}, {@code request to <host> failed: <why>}; and, refused before any
 * request, {@code url ...}, {@code secret ...}, {@code image ...} and {@code the post ... idempotency key}.
 * The secret is never part of an error.
 */
@Extension
public final class WebhookChannel implements PublishingChannel {

    /** Setting: where to POST. */
    public static final String URL = "url";
    /** Setting: the signing key. */
    public static final String SECRET = "secret";

    static final String TIMESTAMP_HEADER = "X-ShopOps-Timestamp";
    static final String SIGNATURE_HEADER = "X-ShopOps-Signature";
    /** The most of an answer read: enough for an id or an error message, not a whole page in memory. */
    private static final int ANSWER_LIMIT = 64 * 1024;
    private static final int ERROR_LENGTH = 200;

    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private HttpClient client;

    /** The channel with its usual timeouts: 5 s to connect, 15 s for the whole request. */
    public WebhookChannel() {
        this(Duration.ofSeconds(5), Duration.ofSeconds(15));
    }

    /** The channel with other timeouts, for tests that cannot wait 15 s. */
    WebhookChannel(Duration connectTimeout, Duration requestTimeout) {
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public String id() {
        return "webhook";
    }

    @Override
    public List<Setting> settings() {
        return List.of(new Setting(URL, false), new Setting(SECRET, true));
    }

    @Override
    public Result publish(Post post, Map<String, String> settings) {
        String secret = settings.get(SECRET);
        if (secret == null || secret.isEmpty()) {
            return failed("secret is missing");
        }
        URI uri = uri(settings.get(URL));
        if (uri == null) {
            // The url itself stays out: a receiver's address may carry a token of its own.
            return failed("url must be an http:// or https:// address");
        }
        String badKey = PostJson.badKey(post.idempotencyKey());
        if (badKey != null) {
            return failed(badKey);
        }
        byte[] body;
        try {
            body = body(post);
        } catch (PostJson.ImageUnreadable e) {
            return failed(scrub(e.getMessage(), secret));
        }
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", post.idempotencyKey())
                .header(TIMESTAMP_HEADER, timestamp)
                .header(SIGNATURE_HEADER, "sha256=" + signature(secret, timestamp, body))
                .header("User-Agent", "ShopOps-webhook")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return scrubbed(send(request, uri), secret);
    }

    /** The JSON body, images with their data. */
    static byte[] body(Post post) throws PostJson.ImageUnreadable {
        ObjectNode json = PostJson.post(post);
        List<PostJson.Image> images = PostJson.read(post);
        List<ObjectNode> entries = PostJson.images(json, images);
        for (int i = 0; i < images.size(); i++) {
            entries.get(i).put("data", Base64.getEncoder().encodeToString(images.get(i).bytes()));
        }
        try {
            return PostJson.MAPPER.writeValueAsBytes(json);
        } catch (IOException e) {
            // A tree of strings and numbers always serialises.
            throw new IllegalStateException(e);
        }
    }

    /**
     * Lowercase hex of HMAC-SHA256 keyed with the secret's UTF-8 bytes over {@code timestamp + "." + body}.
     */
    static String signature(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            // Every Java runtime must have HmacSHA256.
            throw new IllegalStateException("HmacSHA256 is not available");
        }
    }

    private Result send(HttpRequest request, URI uri) {
        CompletableFuture<HttpResponse<byte[]>> answer = client().sendAsync(request, info -> new Limited());
        HttpResponse<byte[]> response;
        try {
            // The request's own timeout ends at the answer's first line; this one also covers its body.
            response = answer.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return failed("no answer within " + seconds(requestTimeout) + " s");
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return failed("interrupted while waiting for an answer");
        } catch (ExecutionException e) {
            return failed(why(e.getCause(), uri));
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Result(true, externalId(response.body()), null);
        }
        String start = oneLine(new String(response.body(), StandardCharsets.UTF_8));
        return failed(start.isEmpty() ? "HTTP " + status : "HTTP " + status + ": " + start);
    }

    /** A failure of the exchange in a few words: which kind, and the host, never the whole url. */
    private String why(Throwable cause, URI uri) {
        String where = uri.getHost() + ":" + port(uri);
        // The client wraps the telling exception (an unresolved address inside a ConnectException), so the
        // whole chain is searched, most specific kind first.
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = cause; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        if (has(chain, HttpConnectTimeoutException.class)) {
            return "no connection within " + seconds(connectTimeout) + " s to " + where;
        }
        if (has(chain, HttpTimeoutException.class)) {
            return "no answer within " + seconds(requestTimeout) + " s";
        }
        if (has(chain, UnknownHostException.class) || has(chain, UnresolvedAddressException.class)) {
            return "unknown host " + uri.getHost();
        }
        for (Throwable t : chain) {
            if (t instanceof SSLException) {
                String message = t.getMessage();
                return "TLS with " + uri.getHost() + " failed" + (message == null || message.isBlank() ? "" : ": " + oneLine(message));
            }
        }
        if (has(chain, ConnectException.class)) {
            return "could not connect to " + where;
        }
        String message = cause == null ? null : cause.getMessage();
        return "request to " + uri.getHost() + " failed: "
                + (message == null || message.isBlank() ? cause == null ? "unknown" : cause.getClass().getSimpleName() : oneLine(message));
    }

    private static boolean has(List<Throwable> chain, Class<? extends Throwable> kind) {
        return chain.stream().anyMatch(kind::isInstance);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** The answer's {@code id} when it is a JSON object with a text or number id, else null. */
    static String externalId(byte[] answer) {
        if (answer == null || answer.length == 0) {
            return null;
        }
        try {
            JsonNode json = PostJson.MAPPER.readTree(answer);
            JsonNode id = json == null || !json.isObject() ? null : json.get("id");
            if (id != null && (id.isTextual() || id.isNumber()) && !id.asText().isBlank()) {
                return id.asText();
            }
        } catch (IOException e) {
            // Not JSON (or cut at the limit): published all the same, only without an id.
        }
        return null;
    }

    /** The url when it is an absolute http or https address with a host, else null. */
    static URI uri(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** The first {@value #ERROR_LENGTH} characters of {@code text} on one line. */
    static String oneLine(String text) {
        String line = text.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
        if (line.length() <= ERROR_LENGTH) {
            return line;
        }
        int end = Character.isHighSurrogate(line.charAt(ERROR_LENGTH - 1)) ? ERROR_LENGTH - 1 : ERROR_LENGTH;
        return line.substring(0, end);
    }

    /** {@code seconds} as "15" or "0.3". */
    static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    private static Result failed(String error) {
        return new Result(false, null, error);
    }

    /**
     * The result with the secret taken out of its error: a receiver may echo what it was sent, and the host
     * scrubs only what a channel throws, not what it returns.
     */
    private static Result scrubbed(Result result, String secret) {
        return result.error() == null ? result : new Result(result.published(), result.externalId(), scrub(result.error(), secret));
    }

    private static String scrub(String text, String secret) {
        return text.replace(secret, "••••");
    }

    private synchronized HttpClient client() {
        // Made on first use: listing the extensions must not start the client's threads.
        if (client == null) {
            client = HttpClient.newBuilder()
                    .connectTimeout(connectTimeout)
                    // HTTP/1.1: a plain-http receiver need not understand an upgrade to HTTP/2.
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return client;
    }

    /** Reads an answer's body up to {@link #ANSWER_LIMIT} bytes and drops the rest. */
    private static final class Limited implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream read = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int n = Math.min(buffer.remaining(), ANSWER_LIMIT - read.size());
                byte[] chunk = new byte[n];
                buffer.get(chunk);
                read.write(chunk, 0, n);
            }
            if (read.size() >= ANSWER_LIMIT) {
                subscription.cancel();
                body.complete(read.toByteArray());
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            body.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            body.complete(read.toByteArray());
        }
    }
}
