package com.shopops.platform.server;

import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Holds every request body to its route's limit ({@link Uploads.Limits}) as the bytes arrive, below Javalin and
 * the servlet layer, so that it holds for whoever reads: a route reading JSON, a file copied to disk, and Jetty
 * spooling a multipart upload's parts before any route code runs. A request that says its length is refused
 * before it is read ({@link Uploads#refuseDeclaredTooLarge}); this catches the ones that do not (chunked). Once
 * over the limit, the reader gets the route's 413 as a failure instead of more bytes, and the connection is
 * closed after the answer, as the rest of the body is never read.
 */
final class BodyLimit extends Handler.Wrapper {

    private final Uploads.Limits limits;

    BodyLimit(Uploads.Limits limits) {
        this.limits = limits;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Uploads.Limit limit = limits.of(request.getMethod(), Request.getPathInContext(request));
        return super.handle(new Counted(request, limit), response, callback);
    }

    /** The request with its body counted as it is read. */
    private static final class Counted extends Request.Wrapper {

        private final Uploads.Limit limit;
        private long read;
        private HttpResponseException refused;

        Counted(Request request, Uploads.Limit limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public Content.Chunk read() {
            if (refused != null) {
                return Content.Chunk.from(refused, true);
            }
            Content.Chunk chunk = super.read();
            if (chunk == null || Content.Chunk.isFailure(chunk)) {
                return chunk;
            }
            read += chunk.remaining();
            if (read > limit.total()) {
                chunk.release();
                // A last failure: every later read answers the same, so no reader takes a cut body for a whole one.
                refused = limit.refusal();
                return Content.Chunk.from(refused, true);
            }
            return chunk;
        }
    }
}
