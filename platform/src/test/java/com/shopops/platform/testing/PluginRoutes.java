package com.shopops.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopops.api.CurrentUser;
import com.shopops.api.RouteHandler;
import com.shopops.api.Routes;
import com.shopops.api.Shop;
import com.shopops.api.ShopRequest;
import com.shopops.platform.data.SpreadsheetCsv;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A plugin's routes served over real HTTP for its tests, without the host: each route the plugin registers is
 * recorded (method, path, permission) and mounted at {@code /p} + its path on a bare Javalin on 127.0.0.1 at a
 * free port, for one shop and one user. The host's dispatch, sign-in and permission checks are tested in the
 * platform; here a test asserts which permission each route names through {@link #routes()}.
 *
 * <p>Each request a handler sees has the given shop and user, the path's parameters, the locale
 * {@code ?lang=zh} asks for (Simplified Chinese; English otherwise), and {@link ShopRequest#csv} as the host
 * answers it ({@link SpreadsheetCsv}: UTF-8 with a byte-order mark, quoting, formula text kept as text; {@link
 * Answer#text()} is the body without the mark, its lines ending in {@code \n}). An {@link HttpResponseException} a
 * handler throws is answered with its status and its message as the body.
 *
 * <pre>{@code
 * try (PluginRoutes http = PluginRoutes.start(new ListingsRoutes(...)::register, shop, user)) {
 *     for (PluginRoutes.Route r : http.routes()) {
 *         assertEquals(r.method().equals("GET") ? ListingsPlugin.VIEW : ListingsPlugin.EDIT, r.permission(), r.toString());
 *     }
 *     PluginRoutes.Answer top = http.get("/top?lang=zh");
 *     assertEquals(200, top.status(), top.body());
 *     assertEquals(2, top.json().get("products").size());
 *     assertEquals(400, http.put("/settings", "{\"colour\":1}").status());
 * }
 * }</pre>
 *
 * Closing it stops the server; the database and whatever else the routes use are the test's to close.
 */
public final class PluginRoutes implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One route as the plugin registered it.
     *
     * @param method     GET, POST, PUT or DELETE
     * @param path       the path as registered, e.g. {@code /campaigns/{id}}
     * @param permission the permission it names
     */
    public record Route(String method, String path, String permission) {

        /** {@code GET /campaigns/{id} activities.view}: what a failed assertion on it should say. */
        @Override
        public String toString() {
            return method + " " + path + " " + permission;
        }
    }

    /**
     * What the server answered.
     *
     * @param status      the HTTP status
     * @param body        the body as UTF-8 text
     * @param contentType the Content-Type header, or "" without one
     */
    public record Answer(int status, String body, String contentType) {

        /** The body read as JSON. */
        public JsonNode json() throws Exception {
            return JSON.readTree(body);
        }

        /** The body as text: without the byte-order mark a CSV answer starts with, its lines ending in {@code \n}. */
        public String text() {
            return (body.startsWith("\uFEFF") ? body.substring(1) : body).replace("\r\n", "\n");
        }
    }

    private record Mounted(Route route, RouteHandler handler) {
    }

    private final List<Route> routes;
    private final Javalin app;

    private PluginRoutes(List<Mounted> mounted, Shop shop, CurrentUser user) {
        this.routes = mounted.stream().map(Mounted::route).toList();
        this.app = Javalin.create(cfg -> {
            for (Mounted m : mounted) {
                cfg.routes.addHttpHandler(HandlerType.findOrCreate(m.route().method()), "/p" + m.route().path(),
                        ctx -> m.handler().handle(request(ctx, shop, user)));
            }
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus()).result(e.getMessage()));
        }).start("127.0.0.1", 0);
    }

    /**
     * Records the routes {@code registration} registers and serves them for {@code shop} and {@code user}.
     *
     * @param registration the plugin's registration, e.g. {@code pluginRoutes::register}
     * @param shop         the shop every request is about
     * @param user         the user every request is made by; may be null when the routes never ask
     */
    public static PluginRoutes start(Consumer<Routes> registration, Shop shop, CurrentUser user) {
        return new PluginRoutes(table(registration), shop, user);
    }

    /**
     * The routes {@code registration} registers, in its order, without serving them: for a test that only
     * checks the permissions (its handlers are never called, so what they use may be null).
     */
    public static List<Route> registered(Consumer<Routes> registration) {
        return table(registration).stream().map(Mounted::route).toList();
    }

    private static List<Mounted> table(Consumer<Routes> registration) {
        List<Mounted> table = new ArrayList<>();
        registration.accept(new Routes() {
            @Override
            public Routes get(String path, String permission, RouteHandler handler) {
                return add("GET", path, permission, handler);
            }

            @Override
            public Routes post(String path, String permission, RouteHandler handler) {
                return add("POST", path, permission, handler);
            }

            @Override
            public Routes put(String path, String permission, RouteHandler handler) {
                return add("PUT", path, permission, handler);
            }

            @Override
            public Routes delete(String path, String permission, RouteHandler handler) {
                return add("DELETE", path, permission, handler);
            }

            private Routes add(String method, String path, String permission, RouteHandler handler) {
                table.add(new Mounted(new Route(method, path, permission), handler));
                return this;
            }
        });
        return table;
    }

    /** Every route the plugin registered, in its order. */
    public List<Route> routes() {
        return routes;
    }

    /** The port the server listens on, at 127.0.0.1. */
    public int port() {
        return app.port();
    }

    /**
     * Sends {@code method} to {@code /p} + {@code path} (with its query), with {@code body} as JSON (none when
     * null), and answers what came back.
     */
    public Answer send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/p" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
    }

    /** {@link #send} a GET. */
    public Answer get(String path) throws Exception {
        return send("GET", path, null);
    }

    /** {@link #send} a POST with {@code body}. */
    public Answer post(String path, String body) throws Exception {
        return send("POST", path, body);
    }

    /** {@link #send} a PUT with {@code body}. */
    public Answer put(String path, String body) throws Exception {
        return send("PUT", path, body);
    }

    /** {@link #send} a DELETE without a body. */
    public Answer delete(String path) throws Exception {
        return send("DELETE", path, null);
    }

    /** Stops the server. */
    @Override
    public void close() {
        app.stop();
    }

    private static ShopRequest request(Context ctx, Shop shop, CurrentUser user) {
        return new ShopRequest() {
            @Override
            public Context ctx() {
                return ctx;
            }

            @Override
            public Shop shop() {
                return shop;
            }

            @Override
            public CurrentUser user() {
                return user;
            }

            @Override
            public String pathParam(String name) {
                return ctx.pathParam(name);
            }

            @Override
            public Locale locale() {
                return "zh".equals(ctx.queryParam("lang")) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
            }

            @Override
            public void csv(String fileName, List<String> header, Iterable<? extends List<?>> rows) {
                SpreadsheetCsv.send(ctx, fileName, out -> SpreadsheetCsv.write(out, header, rows));
            }
        };
    }
}
