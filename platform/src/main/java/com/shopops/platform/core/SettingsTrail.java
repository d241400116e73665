package com.shopops.platform.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The settings a plugin changes while it answers one request, so that the request's audit entry shows
 * each value before and after without the plugin doing anything for it. The host opens a trail around
 * each plugin route; {@link PluginSettings} writes into the open one, if any, of its thread.
 */
public final class SettingsTrail {

    private static final ThreadLocal<List<Change>> OPEN = new ThreadLocal<>();

    private SettingsTrail() {
    }

    /** One setting changed: {@code plugin.key}, its value before and after (null: none stored). */
    public record Change(String key, String before, String after) {
    }

    /** Opens the trail of this thread's request. */
    public static void open() {
        OPEN.set(new ArrayList<>());
    }

    /** Closes the trail and returns what it recorded, in order. */
    public static List<Change> close() {
        List<Change> changes = OPEN.get();
        OPEN.remove();
        return changes == null ? List.of() : changes;
    }

    static boolean isOpen() {
        return OPEN.get() != null;
    }

    static void record(Change change) {
        List<Change> changes = OPEN.get();
        if (changes != null) {
            changes.add(change);
        }
    }
}
