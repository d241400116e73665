package com.shopops.platform.server;

import io.javalin.config.JavalinConfig;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The headers every answer of the server carries — pages, JSON, static files, plugin pages, errors and
 * Jetty's own refusals of malformed requests — so that a browser runs only the server's own scripts,
 * never frames a page, never guesses a content type and never sends a page's address elsewhere.
 */
final class SecurityHeaders {

    /**
     * Scripts only from the server (the pages have no inline script and no event-handler attributes);
     * inline styles are allowed because ECharts positions its canvas and tooltips with style attributes;
     * charts export images as data: and blob: URLs.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Every header and its value. */
    static final Map<String, String> ALL = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "same-origin");

    private SecurityHeaders() {
    }

    /**
     * Adds the headers to the server's configuration, in two places below Javalin: on each request Jetty
     * accepts, before any handler runs (so static files, 404s and answers after an exception have them),
     * and in Jetty's own error answers to requests it refuses before any handler (an ambiguous or
     * escaping path), which skip the first.
     */
    /** Sets the headers again on an answer whose headers were reset (a plugin's answer the host replaces). */
    static void set(io.javalin.http.Context ctx) {
        ALL.forEach(ctx::header);
    }

    static void configure(JavalinConfig cfg) {
        cfg.jetty.modifyHttpConfiguration(http -> http.addCustomizer((request, response) -> {
            ALL.forEach(response::put);
            return request;
        }));
        cfg.jetty.modifyServer(server -> {
            ErrorHandler jettys = new ErrorHandler();
            server.setErrorHandler((Request.Handler) (request, response, callback) -> {
                ALL.forEach(response.getHeaders()::put);
                return jettys.handle(request, response, callback);
            });
        });
    }
}
