package com.shopops.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distribution's layout and its plugin zips, as built by {@code mvn package}. */
class DistributionIT {

    /** Libraries the host provides; a plugin that ships its own copy breaks PF4J's class loading. */
    /**
     * Every plugin the distribution ships and the API it needs: what 1.2.0 added (aggregate reads,
     * ShopRequest.csv, Money), what 1.3.0 added (member reads, Channels, files), or what 1.4.0 added
     * (ImportCells' texts and days, SettingValues).
     */
    private static final Map<String, String> NEEDS = Map.of("traffic", "1.4.0", "ads", "1.4.0", "activities", "1.4.0",
            "members", "1.4.0", "content", "1.4.0", "service", "1.4.0", "listings", "1.4.0", "competitors", "1.4.0");

    private static final List<String> HOST_LIBRARIES = List.of("shopops-api", "pf4j", "javalin", "jdbi3", "jackson-", "slf4j");

    @Test
    void theDistributionHasLauncherLibrariesConfigAndEveryPlugin() throws Exception {
        assertTrue(Files.isExecutable(Distribution.HOME.resolve("bin/shopops")), "bin/shopops is executable");
        assertTrue(Files.isRegularFile(Distribution.HOME.resolve("conf/shopops.properties")));
        try (Stream<Path> lib = Files.list(Distribution.HOME.resolve("lib"))) {
            List<String> jars = lib.map(p -> p.getFileName().toString()).toList();
            assertTrue(jars.stream().anyMatch(j -> j.startsWith("shopops-platform-")), jars.toString());
            assertTrue(jars.stream().anyMatch(j -> j.startsWith("shopops-api-")), jars.toString());
        }
        for (String id : NEEDS.keySet()) {
            assertTrue(Files.isRegularFile(Distribution.HOME.resolve("plugins/" + id + "-0.1.0.zip")), id + " zip");
        }
        Path tar = Distribution.HOME.resolveSibling(Distribution.HOME.getFileName() + ".tar.gz");
        assertTrue(Files.size(tar) > 1_000_000, "the .tar.gz is built next to the folder");
    }

    @Test
    void everyPluginZipHasItsDescriptorItsExtensionIndexAndNoHostLibrary() throws Exception {
        try (Stream<Path> zips = Files.list(Distribution.HOME.resolve("plugins"))) {
            for (Path zip : zips.filter(p -> p.toString().endsWith(".zip")).toList()) {
                Map<String, byte[]> entries = FixtureZips.read(zip);
                Properties descriptor = new Properties();
                descriptor.load(new ByteArrayInputStream(entries.get("plugin.properties")));
                String id = descriptor.getProperty("plugin.id");
                assertEquals(zip.getFileName().toString(), id + "-" + descriptor.getProperty("plugin.version") + ".zip");
                String needs = NEEDS.get(id);
                assertTrue(needs != null, id + " is listed with the API it needs");
                assertEquals(">=" + needs + " & <2.0.0", descriptor.getProperty("plugin.requires"), zip + " requires");

                byte[] jar = entries.get("lib/" + id + "-" + descriptor.getProperty("plugin.version") + ".jar");
                assertTrue(jar != null, zip + " holds its jar in lib/");
                String index = null;
                boolean hasEntryClass = false;
                try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
                    for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                        if (e.getName().equals("META-INF/extensions.idx")) {
                            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        }
                        hasEntryClass |= e.getName().startsWith("db/" + id + "/") || e.getName().startsWith("ui/" + id + "/");
                    }
                }
                assertTrue(index != null && !index.isBlank(), zip + " has META-INF/extensions.idx");
                assertTrue(hasEntryClass, zip + " keeps its migrations and UI under its own id");
                for (String name : entries.keySet()) {
                    for (String hostLibrary : HOST_LIBRARIES) {
                        assertFalse(name.startsWith("lib/" + hostLibrary), zip + " must not ship " + name);
                    }
                }
            }
        }
    }

    @Test
    void everyCommandHasHelp(@TempDir Path work) throws Exception {
        for (List<String> command : List.of(List.of("--help"), List.of("serve", "--help"), List.of("plugins", "--help"),
                List.of("plugins", "list", "--help"), List.of("plugins", "install", "--help"),
                List.of("plugins", "enable", "--help"), List.of("plugins", "disable", "--help"),
                List.of("plugins", "remove", "--help"), List.of("briefing", "--help"), List.of("targets", "--help"))) {
            Distribution.Run run = Distribution.cli(work, command.toArray(String[]::new));
            assertEquals(0, run.exit(), command + ": " + run.err());
            assertTrue(run.out().contains("Usage: shopops"), command + " prints its usage");
        }
        Distribution.Run version = Distribution.cli(work, "--version");
        assertTrue(version.out().contains("ShopOps 0.1.0") && version.out().contains("API " + Distribution.API_VERSION), version.out());
        Distribution.Run wrong = Distribution.cli(work, "serve", "--no-such-flag");
        assertEquals(2, wrong.exit());
        assertTrue(wrong.err().contains("--no-such-flag"), wrong.err());
    }

    /**
     * The launcher keeps the server's class-data archive only from a serve that started the server: a first
     * {@code serve --help} (as a new user types) used to leave an archive of the few classes it loaded, which
     * every later serve mapped instead of recording a useful one. On a copy of the distribution, so that
     * the other tests' serves do not decide which serve comes first.
     */
    @Test
    void theServerClassArchiveIsKeptFromAServeThatStartedTheServer(@TempDir Path work) throws Exception {
        Path home = work.resolve("shopops");
        for (String folder : List.of("bin", "lib", "conf")) {
            try (Stream<Path> files = Files.list(Distribution.HOME.resolve(folder))) {
                Files.createDirectories(home.resolve(folder));
                for (Path f : files.filter(f -> !f.getFileName().toString().startsWith(".shopops-")).toList()) {
                    Files.copy(f, home.resolve(folder).resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        assertEquals(0, launch(home, work, "serve", "--help").waitFor());
        Path archive = archive(home);
        long helpOnly = Files.size(archive);
        assertFalse(Files.exists(Path.of(archive + ".ok")), "a serve that only printed its help does not mark its archive good");

        // Stopped with SIGTERM, as a service manager stops it: the archive is written as the JVM exits.
        Distribution.Server.start(home, work, "--data", work.resolve("data").toString()).close();
        assertTrue(Files.exists(Path.of(archive + ".ok")), "the serve that started the server marks its archive good");
        long served = Files.size(archive(home));
        assertTrue(served > 4 * helpOnly, "the server's archive (" + served + " bytes) holds far more than --help's (" + helpOnly + ")");

        // Now the archive is mapped, not recorded again.
        FileTime written = Files.getLastModifiedTime(archive(home));
        assertEquals(0, launch(home, work, "serve", "--help").waitFor());
        assertEquals(written, Files.getLastModifiedTime(archive(home)));
        assertEquals(served, Files.size(archive(home)));
    }

    private static Process launch(Path home, Path work, String... args) throws Exception {
        return Distribution.shopops(home, List.of(args)).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("launch.log").toFile()).start();
    }

    /** The one class-data archive in {@code home}'s lib. */
    private static Path archive(Path home) throws Exception {
        try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
            List<Path> archives = lib.filter(p -> p.getFileName().toString().matches("\\.shopops-.*\\.jsa")).toList();
            assertEquals(1, archives.size(), archives.toString());
            return archives.get(0);
        }
    }
}
