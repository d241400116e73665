package com.shopops.platform.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.ShopOpsApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PluginArchiveTest {

    private static final String FITS = ">=1.0.0 & <2.0.0";

    @TempDir
    Path dir;

    @Test
    void aGoodZipGivesItsDescriptor() throws Exception {
        Path zip = zip("traffic-0.1.0.zip", Map.of(
                "plugin.properties", descriptor("traffic", "0.1.0", FITS),
                "lib/plugin.jar", "not inspected"));

        assertEquals(new PluginArchive.Descriptor("traffic", "0.1.0", FITS), PluginArchive.inspect(zip));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.txt", "/abs.txt", "a/../../x", "lib/..\\..\\evil.txt", "C:/Windows/evil.txt"})
    void entriesThatWouldLandOutsideThePluginsFolderAreRefused(String entry) throws Exception {
        Path zip = zip("evil.zip", Map.of(
                "plugin.properties", descriptor("evil", "1.0.0", FITS),
                entry, "gotcha"));

        assertRefused(zip, "outside the plugins folder", entry);
    }

    @Test
    void garbageIsNotAReadableZip() throws Exception {
        Path file = Files.write(dir.resolve("garbage.zip"), "this is not a zip".getBytes(StandardCharsets.UTF_8));

        assertRefused(file, "not a readable zip");
    }

    @Test
    void aZipWithoutPluginPropertiesHasNoDescriptor() throws Exception {
        Path zip = zip("nodesc.zip", Map.of("lib/plugin.jar", "x", "sub/plugin.properties", descriptor("x", "1", FITS)));

        assertRefused(zip, "no plugin descriptor");
    }

    @Test
    void aRangeWithoutThisHostsApiIsRefusedNamingBoth() throws Exception {
        Path zip = zip("future.zip", Map.of("plugin.properties", descriptor("future", "3.0.0", ">=9.0.0")));

        assertRefused(zip, ">=9.0.0", "host provides API " + ShopOpsApi.VERSION);
    }

    @Test
    void aPluginThatDoesNotSayWhichApiItNeedsIsRefused() throws Exception {
        Path zip = zip("vague.zip", Map.of("plugin.properties", "plugin.id=vague\nplugin.version=1.0.0\n"));

        assertRefused(zip, "does not say which API it needs");
    }

    @Test
    void anUnreadableRangeIsRefused() throws Exception {
        Path zip = zip("odd.zip", Map.of("plugin.properties", descriptor("odd", "1.0.0", "whenever")));

        assertRefused(zip, "unreadable API range 'whenever'");
    }

    @Test
    void aMissingVersionIsRefused() throws Exception {
        Path zip = zip("nover.zip", Map.of("plugin.properties", "plugin.id=nover\nplugin.requires=" + FITS + "\n"));

        assertRefused(zip, "has no version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bad_ID", "traffic plugin", "1traffic", "", "a234567890123456789012345678901234567890x"})
    void anInvalidIdIsRefused(String id) throws Exception {
        Path zip = zip("badid.zip", Map.of("plugin.properties", descriptor(id, "1.0.0", FITS)));

        assertRefused(zip, "plugin id '" + id + "' is not valid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"core", "api", "ui"})
    void anIdTheHostUsesItselfIsRefused(String id) throws Exception {
        Path zip = zip("reserved.zip", Map.of("plugin.properties", descriptor(id, "1.0.0", FITS)));

        assertRefused(zip, "plugin id '" + id + "' is reserved for the host");
    }

    @Test
    void aJarDescribedByItsManifestIsAccepted() throws Exception {
        Path jar = jar("reviews-1.2.0.jar", Map.of(
                "Plugin-Id", "reviews", "Plugin-Version", "1.2.0", "Plugin-Requires", FITS));

        assertEquals(new PluginArchive.Descriptor("reviews", "1.2.0", FITS), PluginArchive.inspect(jar));
    }

    @Test
    void aJarWithoutPluginIdHasNoDescriptor() throws Exception {
        Path jar = jar("library.jar", Map.of("Implementation-Title", "some library"));

        assertRefused(jar, "no plugin descriptor");
    }

    private static void assertRefused(Path file, String... expectedParts) {
        PluginRefused refused = assertThrows(PluginRefused.class, () -> PluginArchive.inspect(file));
        assertTrue(refused.getMessage().startsWith(file.getFileName() + ": "), refused.getMessage());
        for (String part : expectedParts) {
            assertTrue(refused.getMessage().contains(part), "'" + refused.getMessage() + "' should mention " + part);
        }
    }

    private static String descriptor(String id, String version, String requires) {
        return "plugin.id=" + id + "\nplugin.version=" + version + "\nplugin.requires=" + requires
                + "\nplugin.provider=ShopOps\n";
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            write(out, new LinkedHashMap<>(entries));
        }
        return file;
    }

    private Path jar(String name, Map<String, String> manifestAttributes) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifestAttributes.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        Path file = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file), manifest)) {
            write(out, Map.of("com/example/Plugin.class", "not really a class"));
        }
        return file;
    }

    private static void write(ZipOutputStream out, Map<String, String> entries) throws IOException {
        for (Map.Entry<String, String> e : entries.entrySet()) {
            out.putNextEntry(new ZipEntry(e.getKey()));
            out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }
}
