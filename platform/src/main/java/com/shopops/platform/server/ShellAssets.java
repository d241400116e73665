package com.shopops.platform.server;

import com.shopops.api.CurrentUser;
import com.shopops.api.MenuEntry;
import com.shopops.platform.core.CorePermissions;
import com.shopops.platform.plugins.PluginHost;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The web UI's wiring beside the pages in {@code /web}: the browser libraries that come as jars
 * (ECharts at {@code /vendor/echarts/}) and the page permissions, so that a signed-in user who opens
 * a page they may not use gets the 403 page instead of a page whose every call fails.
 */
public final class ShellAssets {

    /** The ECharts files inside {@code org.mvnpm:echarts}. */
    static final String ECHARTS = "/META-INF/resources/_static/echarts/6.0.0/dist";

    /** Host pages and the permission each needs; a page not listed needs only a signed-in user. */
    static final Map<String, String> PAGES = Map.of(
            "/import.html", CorePermissions.DATA_IMPORT.name(),
            "/settings/users.html", CorePermissions.USERS_MANAGE.name(),
            "/settings/roles.html", CorePermissions.USERS_MANAGE.name(),
            "/settings/plugins.html", CorePermissions.PLUGINS_MANAGE.name(),
            "/settings/audit.html", CorePermissions.AUDIT_VIEW.name());

    private ShellAssets() {
    }

    /** Adds the vendor files and the page check to the server's configuration. */
    public static void configure(JavalinConfig cfg, Access access, PluginHost plugins) {
        // The jar has no folder entries, so Javalin's static files cannot mount it: one route per file name.
        cfg.routes.get("/vendor/echarts/{file}", ShellAssets::echarts);
        cfg.routes.before(ctx -> {
            String needed = permissionFor(ctx.path(), plugins);
            if (needed == null) {
                return;
            }
            Optional<CurrentUser> user = access.caller(ctx).map(Access.Caller::user);
            if (user.isPresent() && !user.get().can(needed)) {
                ctx.status(403).html(forbiddenPage());
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

    /** The permission the page at {@code path} needs, or null when it needs none beyond a user. */
    static String permissionFor(String path, PluginHost plugins) {
        String page = PAGES.get(path);
        if (page != null || !path.startsWith("/ui/")) {
            return page;
        }
        String rest = path.substring("/ui/".length());
        int slash = rest.indexOf('/');
        String plugin = slash < 0 ? rest : rest.substring(0, slash);
        String file = slash < 0 || slash == rest.length() - 1 ? "index.html" : rest.substring(slash + 1);
        // A plugin's pages are the ones its menu names; its scripts and styles hold no data.
        return plugins.active(plugin).flatMap(a -> a.menu().stream().filter(m -> m.page().equals(file)).findFirst())
                .map(MenuEntry::permission).orElse(null);
    }

    private static String forbiddenPage() {
        try (InputStream in = ShellAssets.class.getResourceAsStream("/web/forbidden.html")) {
            if (in == null) {
                return "<!doctype html><title>403</title><p>Forbidden</p>";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
