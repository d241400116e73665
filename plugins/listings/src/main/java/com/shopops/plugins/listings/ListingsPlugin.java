package com.shopops.plugins.listings;

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
 * The listings plugin (DOMAIN.md, Morning 6 and "Listings"): every day, the new negative and neutral reviews
 * of the top 5 products and the suspected copycats of them among the marketplace listings the operator
 * imports, each a finding with the task that resolves it; and the listing checks of every product (banned
 * words, title length, keyword order, attributes filled, the variants' price ladder, stock). The entry is also
 * the plugin's briefing contributor ({@link ListingsFindings}), so the host asks this started instance.
 */
@Extension
public final class ListingsPlugin implements ShopOpsPlugin, BriefingContributor {

    /** See the top products' reviews, the suspects and the listing checks. */
    static final String VIEW = "listings.view";
    /** Mark suspects reported or dismissed, change the rules. */
    static final String EDIT = "listings.edit";

    private ListingsRoutes routes;
    private ListingsFindings findings;

    @Override
    public void start(PluginContext context) {
        ListingsStore store = new ListingsStore(context.jdbi());
        ListingsFigures figures = new ListingsFigures(store, context.data(), context.settings());
        routes = new ListingsRoutes(store, figures, context.settings(), context.clock(), context.messages());
        findings = new ListingsFindings(figures, context.messages());
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
                new Permission(VIEW, "See the top products' bad reviews, suspected copycats and listing checks", Role.all()),
                new Permission(EDIT, "Mark suspected copycats reported or dismissed, change the listing rules",
                        EnumSet.of(Role.OWNER, Role.OPERATOR, Role.DESIGN)));
    }

    @Override
    public List<MenuEntry> menu() {
        return List.of(new MenuEntry("menu.listings", "index.html", VIEW, 60));
    }
}
