package com.shopops.platform.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopops.platform.plugins.PluginHost;
import com.shopops.platform.plugins.PluginRefused;
import com.shopops.platform.server.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shopops plugins …}: manages the plugins folder. A running server sees the change at its next
 * start; to change a running server, use its HTTP API or web UI.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List, install, enable, disable and remove plugins in the plugins folder.",
        subcommands = {PluginsCommand.ListPlugins.class, PluginsCommand.Install.class, PluginsCommand.Enable.class,
                PluginsCommand.Disable.class, PluginsCommand.Remove.class})
final class PluginsCommand extends CommandGroup {

    private static PluginHost open(Locations locations) {
        PluginHost host = new PluginHost(locations.config(Map.of()).pluginsDir(), null);
        host.loadAll();
        return host;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the plugins with their state; refused files with the reason.")
    static final class ListPlugins implements Callable<Integer> {
        @Mixin
        Locations locations;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            List<PluginHost.PluginView> plugins = open(locations).list();
            if (json) {
                ObjectMapper mapper = Json.mapper();
                System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(plugins));
                return 0;
            }
            if (plugins.isEmpty()) {
                System.out.println("no plugins in " + locations.config(Map.of()).pluginsDir());
                return 0;
            }
            System.out.printf("%-16s %-10s %-9s %s%n", "ID", "VERSION", "STATE", "FILE");
            for (PluginHost.PluginView p : plugins) {
                String state = p.state().equals("RESOLVED") ? "ENABLED" : p.state();
                System.out.printf("%-16s %-10s %-9s %s%n", p.id(), p.version() == null ? "-" : p.version(), state, p.file());
                if (p.error() != null) {
                    System.out.println("  " + p.error());
                }
            }
            return 0;
        }
    }

    @Command(name = "install", mixinStandardHelpOptions = true, description = "Check a plugin zip and copy it into the plugins folder.")
    static final class Install implements Callable<Integer> {
        @Mixin
        Locations locations;

        @Parameters(paramLabel = "ZIP", description = "The plugin file (.zip or .jar).")
        Path file;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                System.err.println("shopops: no file " + file);
                return 1;
            }
            try {
                PluginHost.PluginView p = open(locations).install(file);
                System.out.println("installed " + p.id() + " " + p.version() + " as " + p.file()
                        + (p.state().equals("DISABLED") ? " (disabled)" : ""));
                return 0;
            } catch (PluginRefused e) {
                System.err.println("shopops: refused: " + e.getMessage());
                return 1;
            }
        }
    }

    /** A command on one installed plugin, named by its id. */
    abstract static class OnePlugin implements Callable<Integer> {
        @Mixin
        Locations locations;

        @Parameters(paramLabel = "ID", description = "The plugin's id, as 'plugins list' shows it.")
        String id;

        /** Does the work on {@code host}; returns what was done, e.g. "enabled". */
        abstract String apply(PluginHost host, String id);

        @Override
        public Integer call() {
            System.out.println(apply(open(locations), id) + " " + id);
            return 0;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a plugin (it starts with the server).")
    static final class Enable extends OnePlugin {
        @Override
        String apply(PluginHost host, String id) {
            host.enable(id);
            return "enabled";
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a plugin (it no longer starts).")
    static final class Disable extends OnePlugin {
        @Override
        String apply(PluginHost host, String id) {
            host.disable(id);
            return "disabled";
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a plugin's files (its tables stay).")
    static final class Remove extends OnePlugin {
        @Override
        String apply(PluginHost host, String id) {
            host.remove(id);
            return "removed";
        }
    }
}
