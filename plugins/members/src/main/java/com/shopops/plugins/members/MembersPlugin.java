package com.shopops.plugins.members;

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
 * The members plugin (会员运营): customer figures and cohorts, RFM segments with their movement, tiers and
 * points, audiences with a random holdout and the measured uplift of each action, and findings for the
 * morning briefing. The entry is also the plugin's briefing contributor ({@link MembersFindings}), so the
 * host asks this started instance.
 */
@Extension
public final class MembersPlugin implements ShopOpsPlugin, BriefingContributor {

    /** See customer figures, segments, cohorts, customers and actions. */
    static final String VIEW = "members.view";
    /** Tag customers, build audiences, start and measure actions, change tiers and points. */
    static final String EDIT = "members.edit";
    /** See customers' phone numbers and e-mail addresses unmasked, on screen and in exports. */
    static final String CONTACTS = "members.contacts";

    /** How often the weekly snapshots are looked at; a shop's is taken once its latest is a week old. */
    static final java.time.Duration SNAPSHOT_CHECK = java.time.Duration.ofHours(6);

    private MembersRoutes routes;
    private MembersFindings findings;

    @Override
    public void start(PluginContext context) {
        MemberReadings readings = new MemberReadings(context.data(), new MemberStore(context.jdbi()), context.settings(),
                context.clock());
        routes = new MembersRoutes(readings, context.messages(), context.channels(), context.files());
        findings = new MembersFindings(readings, context.messages());
        WeeklySnapshots snapshots = new WeeklySnapshots(readings, context.shops());
        context.scheduler().every("weekly-snapshots", SNAPSHOT_CHECK, due -> snapshots.takeDue());
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
                new Permission(VIEW, "See customer figures, segments, cohorts and actions",
                        EnumSet.of(Role.OWNER, Role.OPERATOR, Role.PROMOTION, Role.SERVICE, Role.FINANCE)),
                new Permission(EDIT, "Tag customers, build audiences, start and measure actions, change tiers",
                        EnumSet.of(Role.OWNER, Role.OPERATOR, Role.SERVICE)),
                new Permission(CONTACTS, "See customers' phone numbers and e-mail addresses unmasked",
                        EnumSet.of(Role.OWNER, Role.SERVICE)));
    }

    @Override
    public List<MenuEntry> menu() {
        return List.of(new MenuEntry("menu.members", "index.html", VIEW, 40));
    }
}
