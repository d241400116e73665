package com.shopops.platform.server;

import com.shopops.platform.data.SpreadsheetCsv;
import com.shopops.api.CurrentUser;
import com.shopops.api.Shop;
import com.shopops.api.ShopRequest;
import com.shopops.platform.plugins.PluginFaults;
import com.shopops.platform.plugins.PluginHost;
import com.shopops.platform.plugins.RouteTable;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import com.shopops.platform.core.SettingsTrail;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.Optional;

/**
 * The one host route behind every plugin route: {@code /api/shops/{shop}/p/{plugin}/<rest>}. Resolves
 * the started plugin and its route, checks the route's permission (the guard around it has checked the
 * user, the CSRF token and the shop), and runs the plugin's handler within its limits ({@link RouteLimits})
 * so that whatever it throws, or however long it takes, stays in this one request.
 */
final class PluginDispatch {

    /** The one host path behind every plugin route. */
    static final String PATH = "/api/shops/{shop}/p/{plugin}/<rest>";

    private final PluginHost plugins;
    private final RouteLimits limits;

    PluginDispatch(PluginHost plugins, RouteLimits limits) {
        this.plugins = plugins;
        this.limits = limits;
    }

    void handle(Context ctx) {
        String pluginId = ctx.pathParam("plugin");
        String rest = "/" + ctx.pathParamMap().getOrDefault("rest", "");
        CurrentUser user = Access.user(ctx); // signed in and allowed the shop, by the guard around this route
        Optional<PluginHost.Active> plugin = plugins.active(pluginId);
        if (plugin.isEmpty()) {
            String state = plugins.find(pluginId).map(PluginHost.PluginView::state).orElse(null);
            ApiError.respond(ctx, 404, state == null ? "no plugin '" + pluginId + "' is installed"
                    : "plugin '" + pluginId + "' is " + state.toLowerCase(Locale.ROOT));
            return;
        }
        String method = ctx.method().name();
        Optional<RouteTable.Match> match = plugin.get().routes().match(method, rest);
        if (match.isEmpty()) {
            boolean other = plugin.get().routes().hasOtherMethod(method, rest);
            ApiError.respond(ctx, other ? 405 : 404, (other ? "method " + method + " not allowed on " : "no route ")
                    + rest + " in plugin '" + pluginId + "'");
            return;
        }
        RouteTable.Route route = match.get().route();
        if (!user.can(route.permission())) {
            Access.forbidden(ctx, route.permission());
            return;
        }
        Access.action(ctx, pluginId + ": " + method + " " + route.path());
        Shop shop = Access.shop(ctx);
        Locale locale = locale(ctx);
        Map<String, String> params = match.get().pathParams();
        PluginFaults faults = plugins.faults();
        try {
            noteSettings(ctx, limits.run(ctx, pluginId, plugin.get().loader(),
                    view -> route.handler().handle(new Request(view, shop, user, params, locale))));
            faults.routeEnded(pluginId, method, route.path(), null);
        } catch (RouteLimits.Overrun e) {
            if (e.started()) {
                faults.failed(pluginId, PluginFaults.Kind.ROUTE_TIMEOUT, null, "route " + method + " " + route.path() + " ran over: "
                        + e.what());
            }
            if (!ctx.res().isCommitted()) {
                ctx.res().reset(); // whatever the plugin had set (headers, a status) is not its answer
                SecurityHeaders.set(ctx);
                ApiError.respond(ctx, 503, e.getMessage());
            }
        } catch (HttpResponseException e) {
            faults.routeEnded(pluginId, method, route.path(), e);
            ApiError.respond(ctx, e.getStatus(), e.getMessage());
        } catch (Throwable e) {
            HttpResponseException tooLarge = Uploads.tooLarge(e);
            // A body cut off at its limit (a multipart upload arrives wrapped in Jetty's exceptions) is the client's doing.
            faults.routeEnded(pluginId, method, route.path(), tooLarge != null ? tooLarge : e);
            if (tooLarge != null) {
                ApiError.respond(ctx, tooLarge.getStatus(), tooLarge.getMessage());
            } else if (ApiError.isBadJson(e)) {
                ApiError.badJson(ctx);
            } else {
                ApiError.internal(ctx, "plugin '" + pluginId + "'", e);
            }
        }
    }

    /** The settings the plugin changed go into the request's audit entry, each before and after. */
    private static void noteSettings(Context ctx, List<SettingsTrail.Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Access.note(ctx, changes.stream().map(SettingsTrail.Change::key).collect(Collectors.joining(", ")),
                changes.stream().map(c -> c.key() + "=" + c.before()).collect(Collectors.joining(", ")),
                changes.stream().map(c -> c.key() + "=" + c.after()).collect(Collectors.joining(", ")), null);
    }

    /** zh-CN when the user asks for Chinese ({@code ?lang=zh} or the browser's language), else English. */
    static Locale locale(Context ctx) {
        String lang = ctx.queryParam("lang");
        if (lang == null) {
            lang = ctx.header("Accept-Language");
        }
        return lang != null && lang.toLowerCase(Locale.ROOT).startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    private record Request(Context ctx, Shop shop, CurrentUser user, Map<String, String> params, Locale locale)
            implements ShopRequest {

        @Override
        public String pathParam(String name) {
            String value = params.get(name);
            if (value == null) {
                throw new IllegalArgumentException("the route has no path parameter '" + name + "'");
            }
            return value;
        }

        @Override
        public void csv(String fileName, List<String> header, Iterable<? extends List<?>> rows) {
            SpreadsheetCsv.send(ctx, fileName, out -> SpreadsheetCsv.write(out, header, rows));
        }
    }
}
