package com.shopops.platform.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopops.api.ShopOpsApi;
import com.shopops.platform.Installation;
import com.shopops.platform.briefing.BriefingText;
import com.shopops.platform.core.CorePermissions;
import com.shopops.platform.core.PluginSettings;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.data.ProductEdits;
import com.shopops.platform.people.People;
import com.shopops.platform.people.Users;
import com.shopops.platform.plugins.PluginHost;
import com.shopops.platform.plugins.PluginRefused;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
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
    private final Access access;
    private final Uploads.Limits limits;
    private CoreRoutes routes;
    private volatile boolean ready;

    public ShopOpsServer(Installation installation, People people, String version) {
        this(installation, people, version, Uploads.Limits.DEFAULT);
    }

    /** A server holding request bodies to {@code limits} (a test's are small). */
    ShopOpsServer(Installation installation, People people, String version, Uploads.Limits limits) {
        this.limits = limits;
        this.plugins = installation.plugins();
        this.shops = installation.shops();
        this.version = version;
        this.access = new Access(people, shops);
        ShopDataRoutes data = new ShopDataRoutes(installation, installation.importJobs(), people);
        PluginDispatch dispatch = new PluginDispatch(plugins, new RouteLimits(plugins.threads(), installation.routeTime(),
                installation.routeMegabytes()));
        PluginUi ui = new PluginUi(plugins, access);
        ShellRoutes shell = new ShellRoutes(plugins, access);
        Path spool = spool(installation.config().dataDir());
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jsonMapper(new JsonBodies(json));
            // ctx.body() holds to this by itself; BodyLimit holds every body, with each route's own limit.
            cfg.http.maxRequestSize = limits.body();
            cfg.jetty.modifyServer(server -> server.setHandler(new BodyLimit(limits)));
            // Multipart parts are spooled here while Jetty parses an upload (and deleted when the request ends),
            // in the data folder rather than the machine's shared temp folder.
            cfg.jetty.multipartConfig.cacheDirectory(spool.toString());
            cfg.jetty.threadPool = webThreads();
            SecurityHeaders.configure(cfg);
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
                Uploads.refuseDeclaredTooLarge(ctx, limits);
                shell.signInFirst(ctx);
            });
            ShellAssets.configure(cfg, access, user -> installation.formats().mayImportAny(user));
            String pluginsManage = CorePermissions.PLUGINS_MANAGE.name();
            routes = new CoreRoutes(cfg.routes, access);
            routes.get("/health", Access.PUBLIC, "Whether the server is up, with each plugin's state", this::health);
            new AuthRoutes(people, shops, access, user -> installation.formats().mayImportAny(user)).register(routes);
            routes.get("/api/plugins", pluginsManage, "Every installed plugin with its state", ctx -> ctx.json(plugins.list()))
                    .post("/api/plugins", pluginsManage, "Install a plugin zip (body or multipart field 'file')", this::install)
                    .post("/api/plugins/{id}/enable", pluginsManage, "Enable and start a plugin", ctx -> {
                        ctx.json(plugins.enable(ctx.pathParam("id")));
                        Access.action(ctx, "plugin.enable");
                        Access.note(ctx, ctx.pathParam("id"), null, null, null);
                    })
                    .post("/api/plugins/{id}/disable", pluginsManage, "Stop and disable a plugin", ctx -> {
                        ctx.json(plugins.disable(ctx.pathParam("id")));
                        Access.action(ctx, "plugin.disable");
                        Access.note(ctx, ctx.pathParam("id"), null, null, "plugin '" + ctx.pathParam("id") + "' disabled");
                    })
                    .delete("/api/plugins/{id}", pluginsManage, "Remove a plugin", ctx -> {
                        plugins.remove(ctx.pathParam("id"));
                        Access.action(ctx, "plugin.remove");
                        Access.note(ctx, ctx.pathParam("id"), null, null, "plugin '" + ctx.pathParam("id") + "' removed");
                        ctx.status(204);
                    })
                    .get("/api/shops", Access.SIGNED_IN, "The shops the caller may see", ctx -> ctx.json(
                            shops.all().stream().filter(s -> people.canSee(Access.user(ctx), s)).toList()))
                    .post("/api/shops", CorePermissions.SHOPS_MANAGE.name(), "Create a shop", ctx -> {
                        var shop = shops.create(ctx.bodyAsClass(ShopStore.NewShop.class));
                        Access.action(ctx, "shop.create");
                        Access.note(ctx, shop.code(), null, shop.name(), null);
                        ctx.status(201).json(shop);
                    });
            shell.register(routes);
            data.register(routes);
            new ProductRoutes(new ProductEdits(installation.database().jdbi()),
                    new PluginSettings(installation.database().jdbi(), "core", installation.clock())).register(routes);
            new TaskRoutes(installation.tasks()).register(routes);
            new TargetRoutes(installation.database().jdbi(), installation.clock()).register(routes);
            new SettingsRoutes(installation.database().jdbi(), installation.clock(), plugins).register(routes);
            new ChannelRoutes(plugins).register(routes);
            new BriefingRoutes(installation.briefing(), new BriefingText(installation.coreMessages())).register(routes);
            new PeopleRoutes(people).register(routes);
            routes.get("/openapi.json", Access.SIGNED_IN, "This description of the HTTP API",
                    ctx -> ctx.json(OpenApi.describe(version, routes.list(), plugins.activePlugins())));
            for (HandlerType method : List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.DELETE)) {
                cfg.routes.addHttpHandler(method, PluginDispatch.PATH,
                        access.guard(Access.SIGNED_IN, PluginDispatch.PATH, dispatch::handle));
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
            cfg.routes.exception(Users.NoSuchUser.class, (e, ctx) -> ApiError.respond(ctx, 404, e.getMessage()));
            cfg.routes.exception(PluginRefused.class, (e, ctx) -> ApiError.respond(ctx, 400, e.getMessage()));
            cfg.routes.exception(IllegalArgumentException.class, (e, ctx) -> ApiError.respond(ctx, 400, e.getMessage()));
            cfg.routes.exception(IllegalStateException.class, (e, ctx) -> ApiError.respond(ctx, 409, e.getMessage()));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                HttpResponseException tooLarge = Uploads.tooLarge(e);
                if (tooLarge != null) {
                    ApiError.respond(ctx, tooLarge.getStatus(), tooLarge.getMessage());
                } else if (ApiError.isBadJson(e)) {
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

    /** The folder multipart uploads are spooled to, under the data folder. */
    static Path spool(Path dataDir) {
        Path spool = dataDir.resolve("uploads").resolve("parts");
        try {
            Files.createDirectories(spool);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the upload folder " + spool, e);
        }
        return spool;
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

    /**
     * The web server's threads, as Javalin's default pool but the host's own: a thread is told to be a
     * plugin's by the class loader it inherits ({@link com.shopops.platform.plugins.PluginThreads}), and the
     * pool may start one while a plugin's route writes its answer.
     */
    private static QueuedThreadPool webThreads() {
        ClassLoader host = ShopOpsServer.class.getClassLoader();
        QueuedThreadPool pool = new QueuedThreadPool(250, 8, 60_000) {
            @Override
            public Thread newThread(Runnable task) {
                Thread t = super.newThread(task);
                t.setContextClassLoader(host);
                return t;
            }
        };
        pool.setName("JettyServerThreadPool");
        return pool;
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
            if (!p.state().equals("REFUSED")) {
                item.put("faults", plugins.faults().counts(p.id()));
                item.put("threads", plugins.threadsRunning(p.id()));
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

    /** Takes a plugin file as the raw body (application/zip) or a multipart field "file", at most 64 MB (its limit). */
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
            Uploads.copyAtMost(body, upload, limits.pluginFile(), "the plugin file");
            PluginHost.PluginView installed = plugins.install(upload);
            Access.action(ctx, "plugin.install");
            Access.note(ctx, installed.id(), null, installed.version(),
                    "plugin '" + installed.id() + "' " + installed.version() + " installed");
            ctx.status(201).json(installed);
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
