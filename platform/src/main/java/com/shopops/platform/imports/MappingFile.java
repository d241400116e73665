package com.shopops.platform.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** A format's options as a properties file ({@code column.sku=Item Code}), from the CLI or an upload. */
public final class MappingFile {

    private MappingFile() {
    }

    /** The options in {@code text}, by name. */
    public static Map<String, String> read(Reader text) throws IOException {
        Properties p = new Properties();
        p.load(text);
        Map<String, String> map = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> map.put(k, p.getProperty(k)));
        return map;
    }
}
