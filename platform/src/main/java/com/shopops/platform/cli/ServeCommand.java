package com.shopops.platform.cli;

import com.shopops.platform.Host;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code shopops serve}: runs the web server until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the ShopOps server: the web UI, the JSON API and the plugins.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    Locations locations;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (default 127.0.0.1: this machine only).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default 7070; 0 picks a free one).")
    Integer port;

    @Option(names = "--demo", description = "Create the demo shop when the installation has no shop yet.")
    boolean demo;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> flags = new HashMap<>();
        flags.put("host", host);
        flags.put("port", port == null ? null : port.toString());
        Host running = Host.start(locations.config(flags), demo);
        markClassArchiveGood();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "shopops-shutdown"));
        stopped.await();
        return 0;
    }

    /**
     * The launcher (bin/shopops) has this JVM write a class-data archive at exit when there is none, and
     * maps it in later serves only once it is marked good: the server started, so the archive will hold
     * the classes a server loads.
     */
    private static void markClassArchiveGood() {
        String marker = System.getProperty("shopops.class-archive.ok");
        if (marker == null) {
            return;
        }
        try {
            Files.writeString(Path.of(marker), "");
        } catch (IOException e) {
            // without the mark the next serve records the archive again: slower to start, nothing else
        }
    }
}
