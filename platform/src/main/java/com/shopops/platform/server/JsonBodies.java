package com.shopops.platform.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.json.JavalinJackson;
import io.javalin.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.stream.Stream;

/**
 * Javalin's JSON reading and writing for every route of the host and the plugins, with one rule added:
 * a body that reads as nothing (the JSON {@code null}) is refused with a 400, as a missing body is. Jackson
 * reads {@code null} as a null object, and routes that read their body as a record or map took it for one
 * (a 500 in eighteen routes, found by the hostile-bodies test).
 */
final class JsonBodies implements JsonMapper {

    private final ObjectMapper json;
    private final JavalinJackson jackson;

    JsonBodies(ObjectMapper json) {
        this.json = json;
        this.jackson = new JavalinJackson(json, false);
    }

    @Override
    public String toJsonString(Object value, Type type) {
        return jackson.toJsonString(value, type);
    }

    @Override
    public InputStream toJsonStream(Object value, Type type) {
        return jackson.toJsonStream(value, type);
    }

    @Override
    public void writeToOutputStream(Stream<?> stream, OutputStream out) {
        jackson.writeToOutputStream(stream, out);
    }

    // Read here rather than by JavalinJackson, which fails on a null value with a NullPointerException.
    // A body that is not JSON throws Jackson's exception inside an UncheckedIOException: a 400 (ApiError.isBadJson).
    @Override
    public <T> T fromJsonString(String text, Type targetType) {
        try {
            return present(json.readValue(text, json.getTypeFactory().constructType(targetType)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public <T> T fromJsonStream(InputStream stream, Type targetType) {
        try {
            return present(json.readValue(stream, json.getTypeFactory().constructType(targetType)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T present(T body) {
        if (body == null) {
            throw new BadRequestResponse("a JSON body is required");
        }
        return body;
    }
}
