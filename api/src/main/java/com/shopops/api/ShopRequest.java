package com.shopops.api;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * One request to a plugin route: the shop it is about (already resolved and checked), the user
 * making it, its path parameters, and Javalin's {@link Context} for everything else (query
 * parameters, body, JSON answers).
 *
 * @since 1.0.0
 */
public interface ShopRequest {

    /** Javalin's request context: read the request and write the answer here. */
    Context ctx();

    /** The shop named by {@code {shop}} in the path. */
    Shop shop();

    /** The signed-in user. */
    CurrentUser user();

    /** A path parameter declared as {@code {name}} in the route's path. */
    String pathParam(String name);

    /** The language the user asked for (zh-CN or en), for messages. */
    Locale locale();
}
