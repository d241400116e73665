package com.shopops.plugins.ads;

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
 * The ads plugin: the morning review of paid promotion (pay-per-click keywords, display and
 * pay-per-sale spend) and a decision per keyword, with its evidence. Customer service does not see ad
 * spend, so {@link #VIEW} is not one of its permissions. The entry is also the plugin's briefing
 * contributor, so the host asks this started instance, with its store.
 */
@Extension
public final class AdsPlugin implements ShopOpsPlugin, BriefingContributor {

    /** See keyword reports, figures, decisions and budget pace. */
    static final String VIEW = "ads.view";
    /** Accept or dismiss decisions, export bid sheets, change the target ROI and budget. */
    static final String EDIT = "ads.edit";

    private AdsRoutes routes;
    private AdsFindings findings;

    @Override
    public void start(PluginContext context) {
        AdsStore store = new AdsStore(context.jdbi());
        KeywordReview review = new KeywordReview(store, context.settings(), context.data(), context.clock());
        routes = new AdsRoutes(review, store, context.settings(), new ReasonWords(context.messages()), context.clock());
        findings = new AdsFindings(review, store, context.messages());
    }

    @Override
    public void routes(Routes routes) {
        this.routes.register(routes);
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
    public List<Permission> permissions() {
        return List.of(
                new Permission(VIEW, "See ad spend, keyword figures and decisions",
                        EnumSet.of(Role.OWNER, Role.OPERATOR, Role.PROMOTION, Role.FINANCE)),
                new Permission(EDIT, "Accept or dismiss keyword decisions, export bid sheets, set the ad budget and target ROI",
                        EnumSet.of(Role.OWNER, Role.OPERATOR, Role.PROMOTION)));
    }

    @Override
    public List<MenuEntry> menu() {
        return List.of(new MenuEntry("menu.ads", "index.html", VIEW, 20));
    }
}
