package com.shopops.platform.plugins;

/** A plugin the host will not load, with the one-line reason shown to the owner. */
public final class PluginRefused extends Exception {

    public PluginRefused(String reason) {
        super(reason);
    }
}
