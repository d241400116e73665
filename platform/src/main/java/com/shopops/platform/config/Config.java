package com.shopops.platform.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The installation's settings, from (later wins): built-in defaults, {@code <home>/conf/shopops.properties},
 * {@code <data>/shopops.properties}, environment variables {@code SHOPOPS_<KEY>} (dots as underscores,
 * e.g. {@code SHOPOPS_DB_USER}) and command-line flags.
 *
 * <p>Keys: {@code data} (folder with the SQLite file, uploads and config; default {@code ./data}),
 * {@code db} (JDBC URL; default {@code jdbc:sqlite:<data>/shopops.db}), {@code db.user},
 * {@code db.password}, {@code plugins} (plugins folder; default {@code <home>/plugins}),
 * {@code host} (default {@code 127.0.0.1}), {@code port} (default {@code 7070}).
 */
public final class Config {

    private final Map<String, String> values;
    private final Path home;

    private Config(Map<String, String> values, Path home) {
        this.values = values;
        this.home = home;
    }

    /**
     * Resolves the settings.
     *
     * @param home  the installation folder (holds conf/ and plugins/), or null when run from the class path
     * @param env   the environment
     * @param flags command-line values by key; null values are ignored
     */
    public static Config load(Path home, Map<String, String> env, Map<String, String> flags) {
        Map<String, String> homeConf = home == null ? Map.of() : read(home.resolve("conf/shopops.properties"));
        String data = first("data", flags, fromEnv(env), homeConf);
        Path dataDir = Path.of(data == null ? "data" : data);
        Map<String, String> dataConf = read(dataDir.resolve("shopops.properties"));

        Map<String, String> values = new HashMap<>();
        values.put("data", dataDir.toString());
        values.put("db", "jdbc:sqlite:" + dataDir.resolve("shopops.db"));
        values.put("plugins", (home == null ? dataDir.resolve("plugins") : home.resolve("plugins")).toString());
        values.put("host", "127.0.0.1");
        values.put("port", "7070");
        for (Map<String, String> layer : java.util.List.of(homeConf, dataConf, fromEnv(env), flags)) {
            layer.forEach((k, v) -> {
                if (v != null && !k.equals("data")) {
                    values.put(k, v);
                }
            });
        }
        return new Config(values, home);
    }

    @SafeVarargs
    private static String first(String key, Map<String, String>... layers) {
        for (Map<String, String> layer : layers) {
            if (layer.get(key) != null) {
                return layer.get(key);
            }
        }
        return null;
    }

    private static Map<String, String> fromEnv(Map<String, String> env) {
        Map<String, String> out = new HashMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith("SHOPOPS_") && !k.equals("SHOPOPS_HOME") && !k.equals("SHOPOPS_JAVA_OPTS")) {
                out.put(k.substring(8).toLowerCase(Locale.ROOT).replace('_', '.'), v);
            }
        });
        return out;
    }

    private static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> out = new HashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k.trim(), p.getProperty(k).trim()));
        return out;
    }

    /** A setting's value, or null. */
    public String get(String key) {
        return values.get(key);
    }

    public Path dataDir() {
        return Path.of(values.get("data"));
    }

    public String dbUrl() {
        return values.get("db");
    }

    public String dbUser() {
        return values.get("db.user");
    }

    public String dbPassword() {
        return values.get("db.password");
    }

    public Path pluginsDir() {
        return Path.of(values.get("plugins"));
    }

    public String host() {
        return values.get("host");
    }

    /** The port, 0 (any free one) to 65535. */
    public int port() {
        try {
            int port = Integer.parseInt(values.get("port"));
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("port: a number from 0 to 65535 such as 7070, not '" + values.get("port") + "'");
    }

    /** The installation folder, or null. */
    public Path home() {
        return home;
    }
}
