package com.shopops.api;

import io.javalin.http.Context;
import io.javalin.http.BadRequestResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * One request to a plugin route: the shop it is about (already resolved and checked), the user
 * making it, its path parameters, and Javalin's {@link Context} for everything else (query
 * parameters, body, JSON answers).
 *
 * @since 1.0.0
 */
public interface ShopRequest {

    /** Javalin's request context: read the request and write the answer here. */
    Context ctx();

    /** The shop named by {@code {shop}} in the path. */
    Shop shop();

    /** The signed-in user. */
    CurrentUser user();

    /** A path parameter declared as {@code {name}} in the route's path. */
    String pathParam(String name);

    /** The language the user asked for (zh-CN or en), for messages. */
    Locale locale();

    /**
     * The query parameter {@code name} as a shop-local day ({@code 2026-11-22}), or null when it is
     * absent or blank. A value that is not a day from 2000 to 2100 is a 400 that names the parameter,
     * so every route refuses a bad day in the same words.
     *
     * @since 1.2.0
     */
    default LocalDate queryDay(String name) {
        return day(name, ctx().queryParam(name));
    }

    /**
     * {@code text} as the shop-local day of field {@code name} (a query parameter or a day in a JSON
     * body), or null when it is null or blank; a 400 naming the field when it is not a day from 2000 to
     * 2100.
     *
     * @since 1.2.0
     */
    static LocalDate day(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse(name + ": a day as YYYY-MM-DD, not '" + text + "'");
        }
        if (day.getYear() < 2000 || day.getYear() > 2100) {
            throw new BadRequestResponse(name + ": a day from 2000 to 2100, not " + day);
        }
        return day;
    }

    /**
     * Whether the request asks for its table as CSV ({@code ?format=csv}) rather than JSON (no
     * {@code format}, or {@code json}); any other format is a 400 naming the two. Pair it with
     * {@link #csv}.
     *
     * @since 1.2.0
     */
    default boolean wantsCsv() {
        String format = ctx().queryParam("format");
        if (format == null || format.equals("json")) {
            return false;
        }
        if (format.equals("csv")) {
            return true;
        }
        throw new BadRequestResponse("format: json or csv, not '" + format + "'");
    }

    /**
     * Answers with a CSV download for a spreadsheet, the way the host's own exports are made: UTF-8
     * with a byte-order mark, a header row, numbers as numbers, and text that a spreadsheet would run as
     * a formula ({@code =}, {@code +}, {@code -}, {@code @} first) kept as text. For example:
     * <pre>{@code
     * req.csv("keywords.csv", List.of("keyword", "clicks", "cost"),
     *         rows.stream().map(k -> List.of(k.keyword(), k.clicks(), k.cost())).toList());
     * }</pre>
     * Cells may be null (empty), numbers, or anything whose {@code toString} is the text to show.
     * The host implements this; the default, for other implementations, refuses.
     *
     * @param fileName the name the browser saves the file under
     * @param header   the column names
     * @param rows     the rows, each as long as the header
     * @since 1.2.0
     */
    default void csv(String fileName, List<String> header, Iterable<? extends List<?>> rows) {
        throw new UnsupportedOperationException("this request cannot answer with CSV");
    }

    /**
     * The request's body as a JSON object, or a 400 "a JSON object is required" when it is empty, not
     * JSON, or JSON of another shape (a list, a number, null). The keys are texts; the values as Jackson
     * reads them (texts, numbers, booleans, lists, maps, null).
     * <pre>{@code
     * Map<?, ?> body = req.jsonObject();
     * String name = (String) body.get("name");
     * }</pre>
     *
     * @since 1.3.0
     */
    default Map<?, ?> jsonObject() {
        return jsonObject(ctx().body());
    }

    /** {@code text} read as {@link #jsonObject()} reads a request's body. @since 1.3.0 */
    static Map<?, ?> jsonObject(String text) {
        Object body;
        try {
            body = text == null || text.isBlank() ? null : BodyReader.JSON.readValue(text, Object.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            body = null;
        }
        if (!(body instanceof Map<?, ?> map)) {
            throw new BadRequestResponse("a JSON object is required");
        }
        return map;
    }
}
