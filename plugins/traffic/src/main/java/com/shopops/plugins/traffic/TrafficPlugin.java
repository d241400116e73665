package com.shopops.plugins.traffic;

import com.shopops.api.MenuEntry;
import com.shopops.api.Permission;
import com.shopops.api.PluginContext;
import com.shopops.api.Role;
import com.shopops.api.Routes;
import com.shopops.api.ShopOpsPlugin;
import java.util.EnumSet;
import java.util.List;
import org.pf4j.Extension;

/** The traffic plugin: where the shop's visitors come from and what they do. */
@Extension
public final class TrafficPlugin implements ShopOpsPlugin {

    private TrafficStore store;

    @Override
    public void start(PluginContext context) {
        store = new TrafficStore(context.jdbi(), context.clock());
    }

    @Override
    public void routes(Routes routes) {
        new TrafficRoutes(store).register(routes);
    }

    @Override
    public List<Permission> permissions() {
        return List.of(
                new Permission(TrafficRoutes.VIEW, "See traffic figures and source mappings", Role.all()),
                new Permission(TrafficRoutes.EDIT, "Change how traffic sources are grouped",
                        EnumSet.of(Role.OWNER, Role.OPERATOR, Role.PROMOTION)));
    }

    @Override
    public List<MenuEntry> menu() {
        return List.of(new MenuEntry("menu.traffic", "index.html", TrafficRoutes.VIEW, 10));
    }
}
