package com.shopops.platform.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopops.api.ShopOpsApi;
import com.shopops.platform.Installation;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.plugins.PluginHost;
import com.shopops.platform.plugins.PluginRefused;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: health, the core API, and the mount points of plugin routes and plugin UIs. */
public final class ShopOpsServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger("shopops.http");

    /** Largest plugin file accepted by upload. */
    static final long MAX_PLUGIN_BYTES = 64L * 1024 * 1024;

    private final Javalin app;
    private final PluginHost plugins;
    private final ShopStore shops;
    private final ObjectMapper json = Json.mapper();
    private final String version;
    private volatile boolean ready;

    public ShopOpsServer(Installation installation, Access access, String version) {
        this.plugins = installation.plugins();
        this.shops = installation.shops();
        this.version = version;
        ShopDataRoutes data = new ShopDataRoutes(installation, installation.importJobs(), access);
        PluginDispatch dispatch = new PluginDispatch(plugins, shops, access);
        PluginUi ui = new PluginUi(plugins);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(json, false));
            cfg.http.maxRequestSize = 16L * 1024 * 1024;
            cfg.requestLogger.http((ctx, ms) -> log.info("{} {} {} {}ms", ctx.method(), ctx.path(),
                    ctx.status().getCode(), Math.round(ms)));
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
            });

            cfg.routes.before(ctx -> {
                if (!ready) {
                    ctx.header("Retry-After", "1");
                    throw new io.javalin.http.ServiceUnavailableResponse("ShopOps is starting");
                }
            });
            ShellAssets.configure(cfg, access, plugins);
            cfg.routes.get("/health", this::health);
            cfg.routes.get("/api/plugins", ctx -> ctx.json(plugins.list()));
            cfg.routes.post("/api/plugins", this::install);
            cfg.routes.post("/api/plugins/{id}/enable", ctx -> ctx.json(plugins.enable(ctx.pathParam("id"))));
            cfg.routes.post("/api/plugins/{id}/disable", ctx -> ctx.json(plugins.disable(ctx.pathParam("id"))));
            cfg.routes.delete("/api/plugins/{id}", ctx -> {
                plugins.remove(ctx.pathParam("id"));
                ctx.status(204);
            });
            cfg.routes.get("/api/menu", this::menu);
            cfg.routes.get("/api/shops", ctx -> ctx.json(shops.all()));
            cfg.routes.post("/api/shops", ctx -> ctx.status(201).json(shops.create(ctx.bodyAsClass(ShopStore.NewShop.class))));
            cfg.routes.get("/api/shops/{shop}/summary", data::summary);
            cfg.routes.post("/api/shops/{shop}/imports", data::startImport);
            cfg.routes.get("/api/shops/{shop}/imports", data::listImports);
            cfg.routes.get("/api/imports/{id}", data::getImport);
            cfg.routes.get("/api/import-formats", data::formats);
            for (HandlerType method : List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.DELETE)) {
                cfg.routes.addHttpHandler(method, "/api/shops/{shop}/p/{plugin}/<rest>", dispatch::handle);
            }
            cfg.routes.get("/ui/{plugin}", ctx -> { // also /ui/{plugin}/, as trailing slashes are ignored
                if (ctx.path().endsWith("/")) {
                    ui.serve(ctx);
                } else {
                    ctx.redirect("/ui/" + ctx.pathParam("plugin") + "/");
                }
            });
            cfg.routes.get("/ui/{plugin}/<path>", ui::serve);

            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> ApiError.respond(ctx, e.getStatus(), e.getMessage()));
            cfg.routes.exception(PluginHost.NoSuchPluginException.class, (e, ctx) -> ApiError.respond(ctx, 404, e.getMessage()));
            cfg.routes.exception(PluginRefused.class, (e, ctx) -> ApiError.respond(ctx, 400, e.getMessage()));
            cfg.routes.exception(IllegalArgumentException.class, (e, ctx) -> ApiError.respond(ctx, 400, e.getMessage()));
            cfg.routes.exception(IllegalStateException.class, (e, ctx) -> ApiError.respond(ctx, 409, e.getMessage()));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                if (ApiError.isBadJson(e)) {
                    ApiError.badJson(ctx);
                } else {
                    ApiError.internal(ctx, "the host", e);
                }
            });
            cfg.routes.error(404, ctx -> {
                if (ctx.result() == null) {
                    ApiError.respond(ctx, 404, "not found: " + ctx.path());
                }
            });
        });
    }

    /** Starts listening on {@code host}:{@code port} (port 0 picks a free one). */
    public ShopOpsServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    /** Opens the doors: until now every request is answered 503, as the host is still starting. */
    public void ready() {
        ready = true;
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    private void health(Context ctx) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (PluginHost.PluginView p : plugins.list()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", p.id());
            item.put("version", p.version());
            item.put("state", p.state());
            if (p.error() != null) {
                item.put("error", p.error());
            }
            list.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "UP");
        body.put("version", version);
        body.put("api", ShopOpsApi.VERSION);
        body.put("plugins", list);
        ctx.json(body);
    }

    private void menu(Context ctx) {
        var locale = PluginDispatch.locale(ctx);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (PluginHost.Active a : plugins.activePlugins()) {
            var messages = new com.shopops.platform.core.BundleMessages(a.id(), a.loader());
            for (var m : a.menu()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("plugin", a.id());
                e.put("label", messages.text(locale, m.labelKey()));
                e.put("href", "/ui/" + a.id() + "/" + m.page());
                e.put("permission", m.permission());
                e.put("order", m.order());
                entries.add(e);
            }
        }
        entries.sort((x, y) -> Integer.compare((int) x.get("order"), (int) y.get("order")));
        ctx.json(entries);
    }

    /** Takes a plugin file as the raw body (application/zip) or a multipart field "file", at most 64 MB. */
    private void install(Context ctx) throws Exception {
        String name = "upload.zip";
        InputStream body;
        if (ctx.isMultipartFormData()) {
            var file = ctx.uploadedFile("file");
            if (file == null) {
                throw new IllegalArgumentException("send the plugin file in the multipart field 'file'");
            }
            name = file.filename();
            body = file.content();
        } else {
            body = ctx.bodyInputStream();
        }
        Path upload = Files.createTempFile(plugins.folder(), ".upload-", name.endsWith(".jar") ? ".jar" : ".zip");
        try {
            Uploads.copyAtMost(body, upload, MAX_PLUGIN_BYTES, "the plugin file");
            ctx.status(201).json(plugins.install(upload));
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
