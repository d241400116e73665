package com.shopops.platform.server;

import com.shopops.api.CurrentUser;
import com.shopops.platform.core.BundleMessages;
import com.shopops.platform.plugins.PluginHost;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the web UI's shell needs from the host: the messages of the core and of each plugin, the
 * navigation the user may see, and sending a visitor without a session to the sign-in page.
 */
final class ShellRoutes {

    private final PluginHost plugins;
    private final Access access;

    ShellRoutes(PluginHost plugins, Access access) {
        this.plugins = plugins;
        this.access = access;
    }

    void register(CoreRoutes routes) {
        routes.get("/api/messages/{bundle}", Access.PUBLIC, "The UI messages of the core or a plugin (lang=zh-CN|en)",
                        this::messages)
                .get("/api/menu", Access.SIGNED_IN, "The navigation entries the caller may see", this::menu);
    }

    /**
     * The host's pages need a user: a visitor without a session who asks for one is sent to the sign-in
     * page, which then brings them back. The sign-in page and the shell's scripts and styles are public.
     */
    void signInFirst(Context ctx) {
        String path = ctx.path();
        boolean page = path.equals("/") || path.endsWith(".html");
        if (!page || path.equals("/login.html") || path.startsWith("/ui/") || path.startsWith("/shell/")
                || access.caller(ctx).isPresent()) {
            return;
        }
        String next = ctx.queryString() == null ? path : path + "?" + ctx.queryString();
        ctx.redirect("/login.html?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        ctx.skipRemainingHandlers();
    }

    private void messages(Context ctx) {
        String bundle = ctx.pathParam("bundle");
        Locale locale = PluginDispatch.locale(ctx);
        if (bundle.equals("core")) {
            ctx.json(new BundleMessages("core", ShellRoutes.class.getClassLoader()).all(locale));
            return;
        }
        var plugin = plugins.active(bundle);
        if (plugin.isEmpty()) {
            ApiError.respond(ctx, 404, "no started plugin '" + bundle + "'");
            return;
        }
        ctx.json(new BundleMessages(plugin.get().id(), plugin.get().loader()).all(locale));
    }

    private void menu(Context ctx) {
        CurrentUser user = Access.user(ctx);
        Locale locale = PluginDispatch.locale(ctx);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (PluginHost.Active a : plugins.activePlugins()) {
            var messages = new BundleMessages(a.id(), a.loader());
            for (var m : a.menu()) {
                if (!user.can(m.permission())) {
                    continue;
                }
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("plugin", a.id());
                e.put("label", messages.text(locale, m.labelKey()));
                e.put("href", "/ui/" + a.id() + "/" + m.page());
                e.put("permission", m.permission());
                e.put("order", m.order());
                entries.add(e);
            }
        }
        entries.sort(Comparator.comparingInt(e -> (int) e.get("order")));
        ctx.json(entries);
    }
}
