package com.shopops.plugins.traffic;

import com.shopops.api.BriefingContributor;
import com.shopops.api.Finding;
import com.shopops.api.MenuEntry;
import com.shopops.api.Permission;
import com.shopops.api.PluginContext;
import com.shopops.api.Role;
import com.shopops.api.Routes;
import com.shopops.api.Shop;
import com.shopops.api.ShopOpsPlugin;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * The traffic plugin: where the shop's visitors come from and what they do. The entry is also the
 * plugin's briefing contributor, so the host asks this started instance, with its stores.
 */
@Extension
public final class TrafficPlugin implements ShopOpsPlugin, BriefingContributor {

    private TrafficStore store;
    private PluginContext context;
    private FunnelRoutes funnelRoutes;
    private TrafficFindings findings;

    @Override
    public void start(PluginContext context) {
        store = new TrafficStore(context.jdbi(), context.clock());
        this.context = context;
        FunnelStore funnels = new FunnelStore(context.data());
        funnelRoutes = new FunnelRoutes(funnels, context.settings(), context.messages(), context.clock());
        findings = new TrafficFindings(KpiRoutes.of(context, store), funnels, context.settings(), context.messages());
    }

    @Override
    public List<Finding> findings(Shop shop, LocalDate day) {
        return findings.findings(shop, day);
    }

    @Override
    public List<Finding> findings(Shop shop, LocalDate day, Locale locale) {
        return findings.findings(shop, day, locale);
    }

    @Override
    public void routes(Routes routes) {
        new TrafficRoutes(store).register(routes);
        KpiRoutes.of(context, store).register(routes);
        funnelRoutes.register(routes);
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
        return List.of(new MenuEntry("menu.traffic", "index.html", TrafficRoutes.VIEW, 10),
                new MenuEntry("menu.sources", "sources.html", TrafficRoutes.VIEW, 11));
    }
}
