package com.shopops.platform.server;

import com.shopops.api.CurrentUser;
import com.shopops.api.Permission;
import com.shopops.platform.plugins.PluginHost;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Serves a started plugin's static UI: {@code /ui/{plugin}/<path>} from {@code ui/<plugin>/<path>} in
 * the plugin's own class loader only (never the host's class path), with no way out of that folder.
 */
final class PluginUi {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("properties", "text/plain; charset=utf-8"));

    private final PluginHost plugins;
    private final Access access;

    PluginUi(PluginHost plugins, Access access) {
        this.plugins = plugins;
        this.access = access;
    }

    void serve(Context ctx) throws IOException {
        String id = ctx.pathParam("plugin");
        String path = ctx.pathParamMap().getOrDefault("path", "");
        if (path.isEmpty() || path.endsWith("/")) {
            path += "index.html";
        }
        var active = plugins.active(id);
        if (active.isEmpty()) {
            ApiError.respond(ctx, 404, "plugin '" + id + "' is not running");
            return;
        }
        if (!safe(path)) {
            ApiError.respond(ctx, 400, "not a valid file path");
            return;
        }
        Optional<Access.Caller> caller = access.caller(ctx);
        if (caller.isEmpty()) {
            ctx.redirect("/login.html?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8));
            return;
        }
        String needed = missingPermission(active.get(), path, caller.get().user());
        if (needed != null) {
            ShellAssets.forbidden(ctx, needed);
            return;
        }
        URL url = active.get().loader() instanceof URLClassLoader own
                ? own.findResource("ui/" + id + "/" + path) : null;
        if (url == null) {
            ApiError.respond(ctx, 404, "no file '" + path + "' in plugin '" + id + "'");
            return;
        }
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        try (InputStream in = url.openStream()) {
            ctx.contentType(TYPES.getOrDefault(extension, "application/octet-stream"));
            ctx.header("Cache-Control", "no-cache");
            ctx.result(in.readAllBytes());
        }
    }

    /**
     * The permission the user lacks for a page, or null when they may see it: a page in the menu needs its
     * entry's permission, any other page one of the plugin's permissions. Scripts, styles and images
     * need only a signed-in user.
     */
    private static String missingPermission(PluginHost.Active plugin, String path, CurrentUser user) {
        if (!path.endsWith(".html")) {
            return null;
        }
        for (var entry : plugin.menu()) {
            if (entry.page().equals(path)) {
                return user.can(entry.permission()) ? null : entry.permission();
            }
        }
        List<String> declared = plugin.permissions().stream().map(Permission::name).toList();
        return declared.isEmpty() || declared.stream().anyMatch(user::can) ? null : declared.get(0);
    }

    /** True for a relative path of plain segments: no '..', '.', empty segment, backslash or control character. */
    static boolean safe(String path) {
        if (path.startsWith("/") || path.indexOf('\\') >= 0 || path.chars().anyMatch(c -> c < 0x20)) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
