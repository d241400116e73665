package com.shopops.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * A plugin's entry: the one extension every ShopOps plugin has. The host calls it in this order:
 * the plugin's migrations run ({@code db/<plugin-id>/V*__*.sql}), then {@link #start}, then
 * {@link #routes}; {@link #stop} when the plugin is disabled, removed or the host shuts down.
 * An exception from {@code start} marks the plugin FAILED; the host and the other plugins go on.
 *
 * <pre>{@code
 * @Extension
 * public class NotesPlugin implements ShopOpsPlugin {
 *     private NotesStore store;
 *     public void start(PluginContext ctx) { store = new NotesStore(ctx.jdbi()); }
 *     public void routes(Routes routes) {
 *         routes.get("/notes", "notes.view", req -> req.ctx().json(store.list(req.shop().id())));
 *     }
 *     public List<Permission> permissions() {
 *         return List.of(new Permission("notes.view", "See notes", Role.all()));
 *     }
 * }
 * }</pre>
 *
 * @since 1.0.0
 */
public interface ShopOpsPlugin extends ExtensionPoint {

    /** Called once after the plugin's migrations ran; keep the context for later use. */
    default void start(PluginContext context) throws Exception {
    }

    /** Called when the plugin stops; release what {@link #start} acquired. */
    default void stop() {
    }

    /**
     * Registers the plugin's HTTP routes. Paths are relative to {@code /api/shops/{shop}/p/{plugin-id}};
     * a plugin cannot register outside that prefix.
     */
    default void routes(Routes routes) {
    }

    /** The permissions this plugin's routes check, with the roles that hold them by default. */
    default List<Permission> permissions() {
        return List.of();
    }

    /** Entries for the web UI's navigation; each points at a page under {@code /ui/<plugin-id>/}. */
    default List<MenuEntry> menu() {
        return List.of();
    }
}
