package com.shopops.platform.server;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reading path and query parameters with a clear 400 for a bad one. */
final class Params {

    private Params() {
    }

    /** A numeric id from the path. */
    static long id(Context ctx, String name) {
        String text = ctx.pathParam(name);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": a number, not '" + text + "'");
        }
    }

    /** An optional ISO day from the query. */
    static LocalDate day(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": a day as YYYY-MM-DD, not '" + text + "'");
        }
    }

    /** An optional whole number from the query, or {@code fallback}. */
    static int number(Context ctx, String name, int fallback) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": a whole number, not '" + text + "'");
        }
    }

    /** An optional text from the query; blank counts as absent. */
    static String text(Context ctx, String name) {
        String text = ctx.queryParam(name);
        return text == null || text.isBlank() ? null : text.strip();
    }
}
