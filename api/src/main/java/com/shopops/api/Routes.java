package com.shopops.api;

/**
 * Where a plugin registers its HTTP routes. Every path is relative to the plugin's prefix
 * {@code /api/shops/{shop}/p/{plugin-id}}, starts with {@code /} and may hold parameters written
 * {@code {name}}, read with {@link ShopRequest#pathParam}. Each route names the permission it needs.
 *
 * <pre>{@code
 * routes.get("/channels", "traffic.view", req -> req.ctx().json(store.channels(req.shop().id())))
 *       .put("/channels/{source}", "traffic.edit", this::saveChannel);
 * }</pre>
 *
 * @since 1.0.0
 */
public interface Routes {

    /** Registers a GET route. */
    Routes get(String path, String permission, RouteHandler handler);

    /** Registers a POST route. */
    Routes post(String path, String permission, RouteHandler handler);

    /** Registers a PUT route. */
    Routes put(String path, String permission, RouteHandler handler);

    /** Registers a DELETE route. */
    Routes delete(String path, String permission, RouteHandler handler);
}
