package com.shopops.platform.cli;

import com.shopops.platform.config.Config;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every command takes to find the installation it works on. */
final class Locations {

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder: the SQLite file, uploads, shopops.properties (default ./data).")
    String data;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "Database URL (default jdbc:sqlite:DIR/shopops.db; or jdbc:postgresql://HOST:PORT/DB).")
    String db;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Plugins folder (default: the installation's plugins/).")
    String plugins;

    /** The configuration with these flags on top, plus {@code extra} flags. */
    Config config(Map<String, String> extra) {
        Map<String, String> flags = new HashMap<>(extra);
        flags.put("data", data);
        flags.put("db", db);
        flags.put("plugins", plugins);
        String home = System.getProperty("shopops.home");
        return Config.load(home == null ? null : Path.of(home), System.getenv(), flags);
    }
}
