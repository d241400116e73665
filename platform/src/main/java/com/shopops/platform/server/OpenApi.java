package com.shopops.platform.server;

import com.shopops.platform.plugins.PluginHost;
import com.shopops.platform.plugins.RouteTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI 3 description of the HTTP API: every core route and every started plugin's routes, each
 * with the permission it needs ({@code x-permission}: a permission name, {@code public} or
 * {@code signed-in}). Tests walk it to check every route against every role.
 */
final class OpenApi {

    private OpenApi() {
    }

    static Map<String, Object> describe(String version, List<CoreRoutes.Route> core, List<PluginHost.Active> plugins) {
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        for (CoreRoutes.Route r : core) {
            operation(paths, r.path(), r.method().name(), r.permission(), r.summary(), "core");
        }
        for (PluginHost.Active a : plugins) {
            for (RouteTable.Route r : a.routes().routes()) {
                operation(paths, "/api/shops/{shop}/p/" + a.id() + r.path(), r.method(), r.permission(),
                        "Route of plugin '" + a.id() + "'", a.id());
            }
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", "ShopOps");
        info.put("version", version);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", info);
        doc.put("components", Map.of("securitySchemes", Map.of(
                "session", Map.of("type", "apiKey", "in", "cookie", "name", Access.COOKIE),
                "token", Map.of("type", "http", "scheme", "bearer"))));
        doc.put("paths", paths);
        return doc;
    }

    private static void operation(Map<String, Map<String, Object>> paths, String path, String method, String permission,
                                  String summary, String owner) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", summary);
        op.put("tags", List.of(owner));
        op.put("x-permission", permission);
        if (!permission.equals(Access.PUBLIC)) {
            op.put("security", List.of(Map.of("session", List.of()), Map.of("token", List.of())));
        }
        List<Map<String, Object>> parameters = new java.util.ArrayList<>();
        var m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
        while (m.find()) {
            parameters.add(Map.of("name", m.group(1), "in", "path", "required", true, "schema", Map.of("type", "string")));
        }
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        op.put("responses", Map.of("200", Map.of("description", "OK"), "401", Map.of("description", "Not signed in"),
                "403", Map.of("description", "Permission missing")));
        paths.computeIfAbsent(path, k -> new LinkedHashMap<>()).put(method.toLowerCase(Locale.ROOT), op);
    }
}
