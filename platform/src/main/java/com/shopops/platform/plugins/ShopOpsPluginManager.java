package com.shopops.platform.plugins;

import com.shopops.api.ShopOpsApi;
import java.nio.file.Path;
import org.pf4j.DefaultPluginFactory;
import org.pf4j.DefaultPluginManager;
import org.pf4j.Plugin;
import org.pf4j.PluginFactory;
import org.pf4j.PluginWrapper;

/**
 * PF4J's plugin manager over one plugins folder, with the API version as system version. A ShopOps
 * plugin needs no PF4J {@link Plugin} class (its entry is a {@code ShopOpsPlugin} extension), so a
 * descriptor without {@code plugin.class} gets an empty one.
 */
final class ShopOpsPluginManager extends DefaultPluginManager {

    ShopOpsPluginManager(Path folder) {
        super(folder);
        setSystemVersion(ShopOpsApi.VERSION);
    }

    @Override
    protected PluginFactory createPluginFactory() {
        return new DefaultPluginFactory() {
            @Override
            public Plugin create(PluginWrapper wrapper) {
                String pluginClass = wrapper.getDescriptor().getPluginClass();
                if (pluginClass == null || pluginClass.isBlank() || pluginClass.equals(Plugin.class.getName())) {
                    return new Plugin() {
                    };
                }
                return super.create(wrapper);
            }
        };
    }
}
