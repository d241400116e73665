package com.shopops.api;

/**
 * Handles one request to a plugin route. An exception thrown here becomes a JSON 500 with an error
 * id for that request only (the stack trace goes to the log, never into the response); throw
 * {@link io.javalin.http.HttpResponseException} subclasses such as
 * {@link io.javalin.http.BadRequestResponse} for a 4xx with a message.
 *
 * @since 1.0.0
 */
@FunctionalInterface
public interface RouteHandler {

    /** Answers the request through {@link ShopRequest#ctx()}. */
    void handle(ShopRequest request) throws Exception;
}
