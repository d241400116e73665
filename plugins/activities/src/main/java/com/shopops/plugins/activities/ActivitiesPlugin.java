package com.shopops.plugins.activities;

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
 * The activities plugin: the shop's campaigns (活动) from registration to review — entry checks,
 * progress while live, results and the 复盘, a calendar, and reminders in the morning briefing. The entry is
 * also the plugin's briefing contributor ({@link ActivitiesFindings}), so the host asks this started instance.
 */
@Extension
public final class ActivitiesPlugin implements ShopOpsPlugin, BriefingContributor {

    /** See campaigns, their progress and results. */
    static final String VIEW = "activities.view";
    /** Plan, register and move campaigns along, edit entry rules and review notes. */
    static final String EDIT = "activities.edit";

    private ActivitiesRoutes routes;
    private ActivitiesFindings findings;

    @Override
    public void start(PluginContext context) {
        CampaignStore store = new CampaignStore(context.jdbi());
        routes = new ActivitiesRoutes(store, context.data(), context.settings(), context.clock(), context.messages());
        findings = new ActivitiesFindings(new CampaignFigures(store, context.data(), context.settings(), context.clock()),
                new ActivitiesWords(context.messages()));
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
                new Permission(VIEW, "See campaigns, their progress and results", Role.all()),
                new Permission(EDIT, "Plan campaigns, move them along, edit entry rules and reviews",
                        EnumSet.of(Role.OWNER, Role.OPERATOR, Role.PROMOTION)));
    }

    @Override
    public List<MenuEntry> menu() {
        return List.of(new MenuEntry("menu.activities", "index.html", VIEW, 30));
    }
}
