package com.shopops.platform.server;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JSON error answer every route gives: {@code {"error": "..."}}, with an {@code errorId} for 500s. */
public final class ApiError {

    private static final Logger log = LoggerFactory.getLogger(ApiError.class);

    private ApiError() {
    }

    /** Answers {@code status} with {@code message}. */
    public static void respond(Context ctx, int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message);
        ctx.status(status).json(body);
    }

    /** True when {@code e} (or a cause) says the request body was not JSON of the expected shape. */
    public static boolean isBadJson(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JacksonException) {
                return true;
            }
        }
        return false;
    }

    /** Answers 400 for a body that is not the JSON the call expects. */
    public static void badJson(Context ctx) {
        respond(ctx, 400, "the request body is not valid JSON for this call");
    }

    /**
     * Answers 500 for an unexpected failure: the stack trace goes to the log under a fresh error id,
     * the answer carries only that id, so nothing internal leaks to the caller.
     */
    public static void internal(Context ctx, String where, Throwable e) {
        String errorId = UUID.randomUUID().toString().substring(0, 8);
        log.error("error {} in {} on {} {}", errorId, where, ctx.method(), ctx.path(), e);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 500);
        body.put("error", "internal error in " + where + "; the server log has the details under this error id");
        body.put("errorId", errorId);
        ctx.status(500).json(body);
    }
}
