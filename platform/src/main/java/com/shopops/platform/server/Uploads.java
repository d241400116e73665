package com.shopops.platform.server;

import com.shopops.platform.imports.ImportJobs;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Request sizes: every upload has a size limit, checked while copying, not after; a request that says up front
 * it is larger than its route takes is answered 413 before a byte of it is read or written, and one that does
 * not say (chunked) is cut off at the limit as it is read ({@link BodyLimit}).
 */
public final class Uploads {

    /** Largest body of an ordinary request (JSON, a plugin route's upload). */
    static final long REQUEST_BYTES = 16L * 1024 * 1024;

    /** Room for the form fields beside a file in a multipart upload. */
    static final long FORM_FIELDS_BYTES = 1024L * 1024;

    private static final Pattern IMPORTS = Pattern.compile("/api/shops/[^/]+/imports/?");

    private Uploads() {
    }

    /**
     * The largest bodies a server takes.
     *
     * @param importFile an import file ({@code POST /api/shops/{shop}/imports})
     * @param pluginFile a plugin file ({@code POST /api/plugins})
     * @param body       any other request's body
     * @param formFields room for the form fields beside a file in a multipart upload
     */
    record Limits(long importFile, long pluginFile, long body, long formFields) {

        static final Limits DEFAULT = new Limits(ImportJobs.MAX_UPLOAD_BYTES, ShopOpsServer.MAX_PLUGIN_BYTES, REQUEST_BYTES,
                FORM_FIELDS_BYTES);

        /** The limit of a {@code method} request to {@code path}. */
        Limit of(String method, String path) {
            if ("POST".equals(method) && "/api/plugins".equals(path)) {
                return new Limit(pluginFile, pluginFile + formFields, "the plugin file");
            }
            if ("POST".equals(method) && path != null && IMPORTS.matcher(path).matches()) {
                return new Limit(importFile, importFile + formFields, "the file");
            }
            return new Limit(body, body, "the request body");
        }
    }

    /**
     * One route's limit.
     *
     * @param bytes its file's or body's largest size
     * @param total the whole request's, with the form fields around a file
     * @param what  what the refusal names: "the file", "the plugin file", "the request body"
     */
    record Limit(long bytes, long total, String what) {

        /** The 413 answer: {@code what} is larger than {@code bytes}. */
        HttpResponseException refusal() {
            return tooLarge(what, bytes);
        }
    }

    /**
     * Copies {@code in} to {@code target} and closes it; refuses with 413 naming {@code what} ("the plugin
     * file", "the file") once more than {@code limit} bytes have arrived.
     *
     * @return the bytes copied
     */
    public static long copyAtMost(InputStream in, Path target, long limit, String what) throws IOException {
        try (in; OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > limit) {
                    throw tooLarge(what, limit);
                }
                out.write(buffer, 0, n);
            }
            return total;
        }
    }

    /**
     * A before-handler: answers 413 when the declared {@code Content-Length} is more than the route could
     * take, so that a huge upload is neither read nor spooled to disk. A body sent without a length is
     * held to the same limits while it is read ({@link BodyLimit}).
     */
    static void refuseDeclaredTooLarge(Context ctx, Limits limits) {
        long declared = ctx.req().getContentLengthLong();
        if (declared < 0) {
            return;
        }
        Limit limit = limits.of(ctx.method().name(), ctx.path());
        if (declared > limit.total()) {
            // The client waits or keeps sending; Jetty closes the connection after this answer.
            ctx.header("Connection", "close");
            throw limit.refusal();
        }
    }

    /**
     * The 413 that cut off {@code e}'s request body, when that is what {@code e} (or a cause) is: Jetty hands
     * a multipart upload's failure to the route wrapped in its own exceptions.
     */
    static HttpResponseException tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpResponseException h && h.getStatus() == 413) {
                return h;
            }
        }
        return null;
    }

    private static ContentTooLargeResponse tooLarge(String what, long limit) {
        return new ContentTooLargeResponse(what + " is larger than " + size(limit));
    }

    /** "16 MB", or in KB or bytes when the limit is no whole number of MB (a test's). */
    private static String size(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
