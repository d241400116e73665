package com.example.shop.deliveries;

import com.example.shop.deliveries.analysis.DeliveryTimes;
import com.example.shop.deliveries.analysis.DeliveryTimes.CourierFigures;
import com.shopops.api.BriefingContributor;
import com.shopops.api.Finding;
import com.shopops.api.MenuEntry;
import com.shopops.api.Messages;
import com.shopops.api.Permission;
import com.shopops.api.PluginContext;
import com.shopops.api.Role;
import com.shopops.api.Routes;
import com.shopops.api.Settings;
import com.shopops.api.Severity;
import com.shopops.api.Shop;
import com.shopops.api.ShopOpsPlugin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * Delivery times (a worked example of a ShopOps plugin, built outside ShopOps' own build): couriers' parcel
 * reports come in as an import format, the shipping speed per courier is a route and a page, and a late
 * share over the limit is a finding in the morning briefing for customer service.
 */
@Extension
public final class DeliveriesPlugin implements ShopOpsPlugin, BriefingContributor {

    /** See the couriers' figures. */
    static final String VIEW = "deliveries.view";
    /** The name of all couriers together in the figures. */
    static final String ALL = "all";
    /** How many hours a parcel may take (setting {@code promise-hours}): the platforms' usual 72. */
    static final String PROMISE_HOURS = "72";
    /** The late share above which the briefing warns (setting {@code late-share.warn}). */
    static final String LATE_SHARE_WARN = "0.10";
    /** The shipping days the briefing looks at, ending with the briefing's day. */
    static final int DAYS = 7;

    private DeliveriesStore store;
    private Settings settings;
    private Messages messages;
    private Clock clock;

    @Override
    public void start(PluginContext context) {
        store = new DeliveriesStore(context.jdbi());
        settings = context.settings();
        messages = context.messages();
        clock = context.clock();
    }

    @Override
    public void routes(Routes routes) {
        new DeliveriesRoutes(this).register(routes);
    }

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(VIEW, "See shipping speed per courier", EnumSet.of(Role.OWNER, Role.OPERATOR, Role.SERVICE)));
    }

    @Override
    public List<MenuEntry> menu() {
        return List.of(new MenuEntry("menu.deliveries", "index.html", VIEW, 90));
    }

    /** The figures of the parcels shipped from {@code from} to {@code to}, judged at the end of {@code to} or now. */
    List<CourierFigures> figures(Shop shop, LocalDate from, LocalDate to) {
        Instant endOfTo = to.plusDays(1).atStartOfDay(shop.timeZone()).toInstant();
        Instant now = clock.instant().isBefore(endOfTo) ? clock.instant() : endOfTo;
        Duration promise = Duration.ofHours(Long.parseLong(settings.get(shop.id(), "promise-hours", PROMISE_HOURS)));
        return DeliveryTimes.of(store.shipped(shop.id(), from, to), promise, now, ALL);
    }

    @Override
    public List<Finding> findings(Shop shop, LocalDate day) {
        return findings(shop, day, Locale.ENGLISH);
    }

    @Override
    public List<Finding> findings(Shop shop, LocalDate day, Locale locale) {
        List<CourierFigures> figures = figures(shop, day.minusDays(DAYS - 1), day);
        double limit = Double.parseDouble(settings.get(shop.id(), "late-share.warn", LATE_SHARE_WARN));
        CourierFigures all = figures.isEmpty() ? null : figures.get(figures.size() - 1);
        if (all == null || all.lateShare() == null || all.lateShare() <= limit) {
            return List.of();
        }
        CourierFigures worst = figures.subList(0, figures.size() - 1).stream()
                .filter(f -> f.lateShare() != null)
                .max((a, b) -> Double.compare(a.lateShare(), b.lateShare())).orElse(all);
        return List.of(new Finding("deliveries", Severity.WARNING,
                messages.text(locale, "finding.late.title", Math.round(all.lateShare() * 100), DAYS),
                messages.text(locale, "finding.late.detail", all.late(), all.parcels(), worst.courier(),
                        Math.round(worst.lateShare() * 100)),
                "lateShare", all.lateShare(), limit, Finding.Unit.RATE,
                messages.text(locale, "finding.late.suggestion", worst.courier()), Role.SERVICE,
                "/ui/deliveries/index.html", 0));
    }
}
