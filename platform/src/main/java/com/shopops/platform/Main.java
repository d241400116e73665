package com.shopops.platform;

import com.shopops.platform.cli.ShopOpsCommand;
import picocli.CommandLine;

/** The {@code shopops} launcher. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        boolean serving = args.length > 0 && args[0].equals("serve");
        if (!serving && System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            // One-shot commands print their own results; the host's info log would only get in the way.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        int exit = ShopOpsCommand.commandLine().execute(args);
        if (!serving || exit != 0) {
            System.exit(exit);
        }
    }
}
