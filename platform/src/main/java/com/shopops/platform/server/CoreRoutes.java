package com.shopops.platform.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/**
 * The core's routes, each registered with the permission it needs, so that the guard and the published
 * route list ({@code /openapi.json}, which the authorization tests walk) come from one declaration.
 */
final class CoreRoutes {

    /** One core route. */
    record Route(HandlerType method, String path, String permission, String summary) {
    }

    private final RoutesConfig javalin;
    private final Access access;
    private final List<Route> routes = new ArrayList<>();

    CoreRoutes(RoutesConfig javalin, Access access) {
        this.javalin = javalin;
        this.access = access;
    }

    CoreRoutes get(String path, String permission, String summary, Handler handler) {
        return add(HandlerType.GET, path, permission, summary, handler);
    }

    CoreRoutes post(String path, String permission, String summary, Handler handler) {
        return add(HandlerType.POST, path, permission, summary, handler);
    }

    CoreRoutes put(String path, String permission, String summary, Handler handler) {
        return add(HandlerType.PUT, path, permission, summary, handler);
    }

    CoreRoutes delete(String path, String permission, String summary, Handler handler) {
        return add(HandlerType.DELETE, path, permission, summary, handler);
    }

    CoreRoutes add(HandlerType method, String path, String permission, String summary, Handler handler) {
        routes.add(new Route(method, path, permission, summary));
        javalin.addHttpHandler(method, path, access.guard(permission, path, handler));
        return this;
    }

    List<Route> list() {
        return List.copyOf(routes);
    }
}
