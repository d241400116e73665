package com.shopops.platform.server;

import com.shopops.api.CurrentUser;
import com.shopops.platform.core.CorePermissions;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The web UI's wiring beside the pages in {@code /web}: the browser libraries that come as jars
 * (ECharts at {@code /vendor/echarts/}) and the host pages' permissions, so that a signed-in user who opens
 * a page they may not use gets the 403 page instead of a page whose every call fails.
 */
public final class ShellAssets {

    /** The ECharts files inside {@code org.mvnpm:echarts}. */
    static final String ECHARTS = "/META-INF/resources/_static/echarts/6.0.0/dist";

    /** The import page: for whoever may import something, {@code data.import} or a format's own permission. */
    static final String IMPORT_PAGE = "/import.html";

    /** Other host pages and the permission each needs; a page not listed needs only a signed-in user. */
    static final Map<String, String> PAGES = Map.of(
            "/tasks.html", CorePermissions.DATA_VIEW.name(),
            "/targets.html", CorePermissions.DATA_VIEW.name(),
            "/settings/users.html", CorePermissions.USERS_MANAGE.name(),
            "/settings/roles.html", CorePermissions.USERS_MANAGE.name(),
            "/settings/plugins.html", CorePermissions.PLUGINS_MANAGE.name(),
            "/settings/audit.html", CorePermissions.AUDIT_VIEW.name());

    private ShellAssets() {
    }

    /**
     * Adds the vendor files and the page check to the server's configuration. The import page is for those who
     * may import something ({@code mayImport}): {@code data.import}, or a format's own permission.
     */
    public static void configure(JavalinConfig cfg, Access access, Predicate<CurrentUser> mayImport) {
        // The jar has no folder entries, so Javalin's static files cannot mount it: one route per file name.
        cfg.routes.get("/vendor/echarts/{file}", ShellAssets::echarts);
        cfg.routes.before(ctx -> {
            // Host pages only: a plugin's pages are checked where they are served (PluginUi).
            boolean importPage = ctx.path().equals(IMPORT_PAGE);
            String needed = importPage ? CorePermissions.DATA_IMPORT.name() : PAGES.get(ctx.path());
            if (needed == null) {
                return;
            }
            Predicate<CurrentUser> may = importPage ? mayImport : u -> u.can(needed);
            Optional<CurrentUser> user = access.caller(ctx).map(Access.Caller::user);
            if (user.isPresent() && !may.test(user.get())) {
                forbidden(ctx, needed);
                ctx.skipRemainingHandlers();
            }
        });
    }

    private static void echarts(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        InputStream in = file.matches("[\\w-]+(\\.[\\w-]+)*\\.js") ? ShellAssets.class.getResourceAsStream(ECHARTS + "/" + file) : null;
        if (in == null) {
            ApiError.respond(ctx, 404, "no file '" + file + "' in ECharts");
            return;
        }
        try (in) {
            ctx.contentType("text/javascript; charset=utf-8");
            ctx.header("Cache-Control", "max-age=86400");
            ctx.result(in.readAllBytes());
        }
    }

    /** Answers 403 with the shell's page saying so, naming the permission in a header for scripts. */
    static void forbidden(Context ctx, String permission) {
        try (InputStream in = ShellAssets.class.getResourceAsStream("/web/forbidden.html")) {
            if (in == null) {
                Access.forbidden(ctx, permission);
                return;
            }
            ctx.status(403).contentType("text/html; charset=utf-8").header("Cache-Control", "no-cache")
                    .header("X-ShopOps-Permission", permission).result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
