package com.shopops.dist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Plugin zips made in the tests, in the layout the real plugin modules build: plugin.properties at the
 * top and the plugin jar in lib/. The jar holds the compiled {@code com.shopops.fixture} classes.
 */
final class FixtureZips {

    static final String FITS = ">=1.0.0 & <2.0.0";
    private static final Path CLASSES = Path.of("target/test-classes/com/shopops/fixture");

    private FixtureZips() {
    }

    /** A fixture plugin {@code id}; {@code behaviour} becomes fixture/<id>.properties, {@code resources} extra jar files. */
    static Path plugin(Path dir, String id, String requires, Map<String, String> behaviour, Map<String, String> resources)
            throws IOException {
        Map<String, byte[]> jar = new LinkedHashMap<>();
        try (Stream<Path> classes = Files.list(CLASSES)) {
            for (Path c : classes.filter(p -> p.toString().endsWith(".class")).toList()) {
                jar.put("com/shopops/fixture/" + c.getFileName(), Files.readAllBytes(c));
            }
        }
        jar.put("META-INF/extensions.idx", "com.shopops.fixture.FixturePlugin\n".getBytes(StandardCharsets.UTF_8));
        StringBuilder props = new StringBuilder();
        behaviour.forEach((k, v) -> props.append(k).append('=').append(v).append('\n'));
        jar.put("fixture/" + id + ".properties", props.toString().getBytes(StandardCharsets.UTF_8));
        resources.forEach((name, text) -> jar.put(name, text.getBytes(StandardCharsets.UTF_8)));

        Map<String, byte[]> zip = new LinkedHashMap<>();
        zip.put("plugin.properties", descriptor(id, "1.0.0", requires));
        zip.put("lib/" + id + "-1.0.0.jar", archive(jar));
        Path file = dir.resolve(id + "-1.0.0.zip");
        Files.write(file, archive(zip));
        return file;
    }

    static byte[] descriptor(String id, String version, String requires) {
        return ("plugin.id=" + id + "\nplugin.version=" + version + "\nplugin.requires=" + requires
                + "\nplugin.provider=ShopOps tests\nplugin.description=fixture\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A copy of {@code zip} whose plugin.properties says {@code id} and {@code requires}. */
    static Path relabel(Path zip, Path target, String id, String requires) throws IOException {
        Map<String, byte[]> entries = read(zip);
        entries.put("plugin.properties", descriptor(id, "9.9.9", requires));
        Files.write(target, archive(entries));
        return target;
    }

    /** A zip with a valid descriptor and one entry that climbs out of the plugins folder. */
    static Path zipSlip(Path target, String id) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("plugin.properties", descriptor(id, "1.0.0", FITS));
        entries.put("../../escaped-" + id + ".txt", "written outside".getBytes(StandardCharsets.UTF_8));
        Files.write(target, archive(entries));
        return target;
    }

    static Map<String, byte[]> read(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (!e.isDirectory()) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    /** A zip of {@code entries}, with directory entries for every folder (Flyway finds folders by them). */
    static byte[] archive(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Set<String> folders = new TreeSet<>();
        for (String name : entries.keySet()) {
            for (int i = name.indexOf('/'); i > 0; i = name.indexOf('/', i + 1)) {
                String folder = name.substring(0, i + 1);
                if (!folder.contains("..")) {
                    folders.add(folder);
                }
            }
        }
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String folder : folders) {
                out.putNextEntry(new ZipEntry(folder));
                out.closeEntry();
            }
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
