package com.shopops.plugins.service;

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
 * The customer-service plugin (客服, DOMAIN.md Afternoon 5): response time, online time, chats, inquiry
 * conversion against the team and a target, refund rate and reviews per agent and for the team, from the
 * back office's chat and agent-day reports; the ranking and what the best agents do differently; findings
 * for the briefing that customer service can take as tasks.
 */
@Extension
public final class ServicePlugin implements ShopOpsPlugin, BriefingContributor {

    /** See the service figures (customer service sees its own figures; no cost price is among them). */
    static final String VIEW = "service.view";
    /** Change the plugin's settings (the target and thresholds). */
    static final String EDIT = "service.edit";

    private ServiceRoutes routes;
    private ServiceFindings findings;

    @Override
    public void start(PluginContext context) {
        ServiceStore store = new ServiceStore(context.jdbi());
        routes = new ServiceRoutes(store, context.data(), context.settings(), context.messages(), context.clock());
        findings = new ServiceFindings(store, context.data(), context.settings(), context.messages());
    }

    @Override
    public List<Finding> findings(Shop shop, LocalDate day) {
        return findings.findings(shop, day, Locale.ENGLISH);
    }

    @Override
    public List<Finding> findings(Shop shop, LocalDate day, Locale locale) {
        return findings.findings(shop, day, locale);
    }

    @Override
    public void routes(Routes routes) {
        this.routes.register(routes);
    }

    @Override
    public List<Permission> permissions() {
        return List.of(
                new Permission(VIEW, "See customer-service figures per agent and for the team",
                        EnumSet.of(Role.OWNER, Role.OPERATOR, Role.SERVICE)),
                new Permission(EDIT, "Change the customer-service target and thresholds", EnumSet.of(Role.OWNER, Role.OPERATOR)));
    }

    @Override
    public List<MenuEntry> menu() {
        return List.of(new MenuEntry("menu.service", "index.html", VIEW, 60));
    }
}
