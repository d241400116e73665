package com.shopops.plugins.content;

import com.shopops.api.BriefingContributor;
import com.shopops.api.Finding;
import com.shopops.api.MenuEntry;
import com.shopops.api.Permission;
import com.shopops.api.PluginContext;
import com.shopops.api.Role;
import com.shopops.api.Routes;
import com.shopops.api.Shop;
import com.shopops.api.ShopOpsPlugin;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.pf4j.Extension;

/**
 * The content plugin (内容运营): posts for the shop's social channels with a review workflow, scheduled
 * publishing through the host's channels (this plugin ships a webhook and an outbox channel), the daily
 * quota on a calendar, engagement figures, and findings for the morning briefing.
 */
@Extension
public final class ContentPlugin implements ShopOpsPlugin, BriefingContributor {

    /** See posts, the calendar and engagement. */
    static final String VIEW = "content.view";
    /** Write posts, send them for review, schedule and reschedule, publish now and retry. */
    static final String EDIT = "content.edit";
    /** Approve or send back posts in review. */
    static final String APPROVE = "content.approve";

    /** How often the publisher looks for due posts; a post goes out at most this late. */
    static final Duration PUBLISH_EVERY = Duration.ofSeconds(30);

    private ContentRoutes routes;
    private ContentFindings findings;

    @Override
    public void start(PluginContext context) {
        ContentStore store = new ContentStore(context.jdbi());
        // A host's name in its claims: unique per start, so a restarted host does not take a dead one's claims as its own.
        String host = "host-" + UUID.randomUUID();
        Publisher publisher = new Publisher(store, context.channels(), context.clock(), host,
                shop -> ContentSettings.of(context.settings(), shop).retryPolicy(), context.files());
        routes = new ContentRoutes(store, publisher, context.channels(), context.settings(), context.clock(), context.files());
        findings = new ContentFindings(store, context.settings(), context.messages());
        context.scheduler().every("publish-due", PUBLISH_EVERY, due -> publisher.runDue());
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
                new Permission(VIEW, "See posts, the content calendar and engagement", Role.all()),
                new Permission(EDIT, "Write, schedule and publish posts", EnumSet.of(Role.OWNER, Role.OPERATOR, Role.DESIGN)),
                new Permission(APPROVE, "Approve posts for publishing", EnumSet.of(Role.OWNER, Role.OPERATOR)));
    }

    @Override
    public List<MenuEntry> menu() {
        return List.of(new MenuEntry("menu.content", "index.html", VIEW, 50));
    }
}
