package com.shopops.platform.plugins;

import com.shopops.api.ShopOpsApi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.pf4j.DefaultVersionManager;
import org.pf4j.VersionManager;

/**
 * Checks a plugin file before PF4J sees it: a readable zip (or jar), no entry that would land outside
 * the plugins folder when expanded, a descriptor with an id and a version, and an API range that
 * contains this host's API version.
 */
public final class PluginArchive {

    /** Plugin ids: lower-case letters, digits and '-', as used in URLs and table prefixes. */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    /** Ids a plugin may not take: the host's own migrations, tables and routes use them. */
    static final java.util.Set<String> RESERVED = java.util.Set.of("core", "api", "ui", "health", "shops", "plugins");

    private static final VersionManager VERSIONS = new DefaultVersionManager();

    /**
     * What a plugin file says of itself.
     *
     * @param id       plugin id
     * @param version  plugin version
     * @param requires the API range it needs
     */
    public record Descriptor(String id, String version, String requires) {
    }

    private PluginArchive() {
    }

    /** Reads and checks the plugin file, or says in one line why it is refused. */
    public static Descriptor inspect(Path file) throws PluginRefused {
        String name = file.getFileName().toString();
        Properties props;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                if (escapes(entry)) {
                    throw new PluginRefused(name + ": entry '" + entry + "' would be written outside the plugins folder");
                }
            }
            props = name.endsWith(".jar") ? fromManifest(zip) : fromProperties(zip);
        } catch (IOException e) {
            throw new PluginRefused(name + ": not a readable zip archive (" + e.getMessage() + ")");
        }
        if (props == null) {
            throw new PluginRefused(name + ": no plugin descriptor (plugin.properties at the top of the zip, "
                    + "or Plugin-Id in a jar's manifest)");
        }
        String id = props.getProperty("id", "").trim();
        String version = props.getProperty("version", "").trim();
        String requires = props.getProperty("requires", "").trim();
        if (RESERVED.contains(id)) {
            throw new PluginRefused(name + ": plugin id '" + id + "' is reserved for the host");
        }
        if (!ID.matcher(id).matches()) {
            throw new PluginRefused(name + ": plugin id '" + id + "' is not valid (lower-case letters, digits and '-')");
        }
        if (version.isEmpty()) {
            throw new PluginRefused(name + ": plugin '" + id + "' has no version");
        }
        if (requires.isEmpty()) {
            throw new PluginRefused(name + ": plugin '" + id + "' " + version
                    + " does not say which API it needs (plugin.requires, e.g. >=1.0.0 & <2.0.0)");
        }
        boolean fits;
        try {
            fits = VERSIONS.checkVersionConstraint(ShopOpsApi.VERSION, requires);
        } catch (RuntimeException e) {
            throw new PluginRefused(name + ": plugin '" + id + "' has an unreadable API range '" + requires + "'");
        }
        if (!fits) {
            throw new PluginRefused(name + ": plugin '" + id + "' " + version + " requires ShopOps API " + requires
                    + ", but this host provides API " + ShopOpsApi.VERSION);
        }
        return new Descriptor(id, version, requires);
    }

    /** True when expanding {@code entry} into a folder would write outside it. */
    static boolean escapes(String entry) {
        String e = entry.replace('\\', '/');
        if (e.startsWith("/") || e.matches("^[A-Za-z]:.*") || e.indexOf('\0') >= 0) {
            return true;
        }
        for (String segment : e.split("/")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static Properties fromProperties(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry("plugin.properties");
        if (entry == null) {
            return null;
        }
        Properties raw = new Properties();
        try (InputStream in = zip.getInputStream(entry)) {
            raw.load(in);
        }
        Properties props = new Properties();
        copy(raw, "plugin.id", props, "id");
        copy(raw, "plugin.version", props, "version");
        copy(raw, "plugin.requires", props, "requires");
        return props;
    }

    private static Properties fromManifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry("META-INF/MANIFEST.MF");
        if (entry == null) {
            return null;
        }
        Attributes attrs;
        try (InputStream in = zip.getInputStream(entry)) {
            attrs = new Manifest(in).getMainAttributes();
        }
        if (attrs.getValue("Plugin-Id") == null) {
            return null;
        }
        Properties props = new Properties();
        props.setProperty("id", attrs.getValue("Plugin-Id"));
        props.setProperty("version", nonNull(attrs.getValue("Plugin-Version")));
        props.setProperty("requires", nonNull(attrs.getValue("Plugin-Requires")));
        return props;
    }

    private static void copy(Properties from, String key, Properties to, String as) {
        to.setProperty(as, nonNull(from.getProperty(key)));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
