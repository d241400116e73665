package com.shopops.platform.server;

import com.shopops.platform.imports.ImportJobs;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Request sizes: every upload has a size limit, checked while copying, not after; and a request that
 * says up front it is larger than its route takes is answered 413 before a byte of it is read or written.
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
     * held to the same limits while it is read ({@link #copyAtMost}, Javalin's request size).
     */
    static void refuseDeclaredTooLarge(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared < 0) {
            return;
        }
        long limit = REQUEST_BYTES;
        long allowance = 0;
        String what = "the request body";
        if (ctx.method().name().equals("POST") && ctx.path().equals("/api/plugins")) {
            limit = ShopOpsServer.MAX_PLUGIN_BYTES;
            allowance = FORM_FIELDS_BYTES;
            what = "the plugin file";
        } else if (ctx.method().name().equals("POST") && IMPORTS.matcher(ctx.path()).matches()) {
            limit = ImportJobs.MAX_UPLOAD_BYTES;
            allowance = FORM_FIELDS_BYTES;
            what = "the file";
        }
        if (declared > limit + allowance) {
            // The client waits or keeps sending; Jetty closes the connection after this answer.
            ctx.header("Connection", "close");
            throw tooLarge(what, limit);
        }
    }

    private static ContentTooLargeResponse tooLarge(String what, long limit) {
        return new ContentTooLargeResponse(what + " is larger than " + limit / (1024 * 1024) + " MB");
    }
}
