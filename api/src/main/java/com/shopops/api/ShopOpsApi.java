package com.shopops.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this API, a semantic version. A plugin states the range it was built for in
 * {@code plugin.requires} (e.g. {@code >=1.0.0 & <2.0.0}); the host refuses a plugin whose range does
 * not contain this version, naming both.
 *
 * @since 1.0.0
 */
public final class ShopOpsApi {

    /** This API's semantic version, e.g. {@code 1.0.0}. */
    public static final String VERSION = readVersion();

    private ShopOpsApi() {
    }

    private static String readVersion() {
        try (InputStream in = ShopOpsApi.class.getResourceAsStream("api.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
