package com.shopops.plugins.competitors;

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
 * The competitors plugin (关注同行, DOMAIN.md Morning 3): the 3–5 peer shops a shop follows, daily
 * snapshots of their product lists ({@link com.shopops.plugins.competitors.imports.PeerSnapshot}), what
 * changed (new listings, delistings, prices, monthly sales, reviews), the season-timing signal, and
 * findings for the morning briefing ({@link CompetitorsFindings}). The entry is also the plugin's briefing
 * contributor, so the host asks this started instance.
 */
@Extension
public final class CompetitorsPlugin implements ShopOpsPlugin, BriefingContributor {

    /** See peers, their changes and the timing signals. */
    static final String VIEW = "competitors.view";
    /** Add, rename and remove peers; change the plugin's settings. */
    static final String EDIT = "competitors.edit";

    private CompetitorsRoutes routes;
    private CompetitorsFindings findings;

    @Override
    public void start(PluginContext context) {
        CompetitorFigures figures = new CompetitorFigures(new PeerStore(context.jdbi()), context.data(), context.settings());
        routes = new CompetitorsRoutes(figures, context.clock());
        findings = new CompetitorsFindings(figures, context.messages());
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
                new Permission(VIEW, "See peer shops, their changes and the season-timing signals", Role.all()),
                new Permission(EDIT, "Add, rename and remove peer shops; change the competitor settings",
                        EnumSet.of(Role.OWNER, Role.OPERATOR, Role.DESIGN)));
    }

    @Override
    public List<MenuEntry> menu() {
        return List.of(new MenuEntry("menu.competitors", "index.html", VIEW, 25));
    }
}
