package com.shopops.api;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON reader behind {@link ShopRequest#jsonObject()}: one per host, kept out of the API's surface. */
final class BodyReader {

    static final ObjectMapper JSON = new ObjectMapper();

    private BodyReader() {
    }
}
