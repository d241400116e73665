package com.shopops.platform.plugins;

import com.shopops.api.RouteHandler;
import com.shopops.api.Routes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One plugin's routes, relative to its prefix {@code /api/shops/{shop}/p/{plugin-id}}. Javalin 7 fixes
 * its routes when the server is created, and plugins come and go while it runs, so the host mounts one
 * route per method for all plugins and matches the rest of the path here.
 */
public final class RouteTable implements Routes {

    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final Pattern PARAM = Pattern.compile("\\{[A-Za-z][A-Za-z0-9]*}");

    /**
     * One registered route.
     *
     * @param method     GET, POST, PUT or DELETE
     * @param path       the path as registered
     * @param permission the permission it needs
     * @param handler    the plugin's handler
     */
    public record Route(String method, String path, String permission, RouteHandler handler) {

        String[] segments() {
            return path.substring(1).split("/");
        }
    }

    /**
     * A request path matched to a route.
     *
     * @param route      the route
     * @param pathParams its parameters' values
     */
    public record Match(Route route, Map<String, String> pathParams) {
    }

    private final String pluginId;
    private final List<Route> routes = new ArrayList<>();

    public RouteTable(String pluginId) {
        this.pluginId = pluginId;
    }

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
        String where = "plugin '" + pluginId + "': route " + method + " " + path;
        if (path == null || !path.startsWith("/") || path.length() < 2) {
            throw new IllegalArgumentException(where + ": a path starts with '/' and names something, e.g. /kpis");
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (!LITERAL.matcher(segment).matches() && !PARAM.matcher(segment).matches() || segment.equals("..")
                    || segment.equals(".")) {
                throw new IllegalArgumentException(where + ": segment '" + segment
                        + "' is neither a plain name nor a {parameter}; routes stay under the plugin's prefix");
            }
        }
        if (permission == null || permission.isBlank()) {
            throw new IllegalArgumentException(where + ": every route names the permission it needs");
        }
        if (handler == null) {
            throw new IllegalArgumentException(where + ": no handler");
        }
        Route route = new Route(method, path, permission, handler);
        for (Route r : routes) {
            if (r.method().equals(method) && sameShape(r.segments(), route.segments())) {
                throw new IllegalArgumentException(where + ": clashes with " + r.path());
            }
        }
        routes.add(route);
        return this;
    }

    private static boolean sameShape(String[] a, String[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            boolean pa = a[i].startsWith("{");
            boolean pb = b[i].startsWith("{");
            if (pa != pb || !pa && !a[i].equals(b[i])) {
                return false;
            }
        }
        return true;
    }

    /** The route for {@code method} and {@code path} (relative, starting with '/'), literal segments first. */
    public Optional<Match> match(String method, String path) {
        return match(routes.stream().filter(r -> r.method().equals(method)).toList(), path);
    }

    /** True when some route has {@code path} for another method (405 rather than 404). */
    public boolean hasOtherMethod(String method, String path) {
        return match(routes.stream().filter(r -> !r.method().equals(method)).toList(), path).isPresent();
    }

    private static Optional<Match> match(List<Route> candidates, String path) {
        String[] parts = path.length() <= 1 ? new String[0] : path.substring(1).split("/", -1);
        Match best = null;
        int bestLiterals = -1;
        for (Route r : candidates) {
            String[] segs = r.segments();
            if (segs.length != parts.length) {
                continue;
            }
            Map<String, String> params = new HashMap<>();
            int literals = 0;
            boolean ok = true;
            for (int i = 0; i < segs.length && ok; i++) {
                if (segs[i].startsWith("{")) {
                    ok = !parts[i].isEmpty();
                    params.put(segs[i].substring(1, segs[i].length() - 1), parts[i]);
                } else {
                    ok = segs[i].equals(parts[i]);
                    literals++;
                }
            }
            if (ok && literals > bestLiterals) {
                best = new Match(r, params);
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Every route, as registered. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }
}
