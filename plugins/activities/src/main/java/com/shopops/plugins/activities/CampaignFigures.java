package com.shopops.plugins.activities;

import com.shopops.api.Settings;
import com.shopops.api.Shop;
import com.shopops.api.data.ProductSales;
import com.shopops.api.data.ShopData;
import com.shopops.api.domain.Order;
import com.shopops.api.domain.OrderLine;
import com.shopops.api.domain.Product;
import com.shopops.api.domain.Review;
import com.shopops.plugins.activities.CampaignStore.Filter;
import com.shopops.plugins.activities.analysis.Baseline;
import com.shopops.plugins.activities.analysis.Campaign;
import com.shopops.plugins.activities.analysis.CampaignProduct;
import com.shopops.plugins.activities.analysis.CampaignProgress;
import com.shopops.plugins.activities.analysis.CampaignReminders;
import com.shopops.plugins.activities.analysis.CampaignStatus;
import com.shopops.plugins.activities.analysis.DailySales;
import com.shopops.plugins.activities.analysis.EntryCheck;
import com.shopops.plugins.activities.analysis.EntryFacts;
import com.shopops.plugins.activities.analysis.EntryRules;
import com.shopops.plugins.activities.analysis.Reach;
import com.shopops.plugins.activities.analysis.Reminder;
import com.shopops.plugins.activities.analysis.ReminderSettings;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gathers what the pure analysis needs from the shop's core data ({@link ShopData} only) and the plugin's
 * own tables, and runs it: a campaign's progress, its entry checks, and the reminders of a day.
 *
 * <p>Attribution: a campaign with a source tag counts the lines of its products in the orders whose source
 * is that tag (not cancelled); one without counts every sale of its products on its live days
 * ({@link ShopData#productSales}). Either way the campaign's orders are the orders holding at least one of its
 * products, each once however many of them it holds ({@link ShopData#ordersWithAny} without a tag); a
 * product's orders are those holding that product.
 */
final class CampaignFigures {

    /** The normal days before going live that a product's uplift is measured against. */
    static final int BASELINE_DAYS = 14;
    /** The first day "all time" reads from. */
    static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);

    private final CampaignStore store;
    private final ShopData data;
    private final Settings settings;
    private final Clock clock;

    CampaignFigures(CampaignStore store, ShopData data, Settings settings, Clock clock) {
        this.store = store;
        this.data = data;
        this.settings = settings;
        this.clock = clock;
    }

    /** The shop's today, in its time zone. */
    LocalDate today(Shop shop) {
        return LocalDate.now(clock.withZone(shop.timeZone()));
    }

    /** The shop's reminder thresholds: its settings over {@link ReminderSettings#DEFAULT}. */
    ReminderSettings reminderSettings(long shopId) {
        return ReminderSettings.fromSettings(settings.all(shopId));
    }

    // ---------------------------------------------------------------- progress

    /** A campaign's progress as of {@code asOf} (capped to its last live day) and its sales per day. */
    record Progress(CampaignProgress progress, Map<LocalDate, long[]> days, String attribution) {
    }

    Progress progress(long shopId, Campaign c, LocalDate asOf) {
        LocalDate last = asOf.isAfter(c.liveTo()) ? c.liveTo() : asOf;
        List<String> skus = c.products().stream().map(CampaignProduct::sku).distinct().toList();
        List<DailySales> sales = new ArrayList<>();
        // The campaign's orders per day, each once however many of its products it holds: adding up the
        // products' orders would count an order with two of them twice.
        Map<LocalDate, Long> orders = new HashMap<>();
        String attribution;
        if (c.sourceTag() != null) {
            attribution = "sourceTag";
            if (!last.isBefore(c.liveFrom())) {
                tagged(shopId, c.sourceTag(), Set.copyOf(skus), c.liveFrom(), last, sales, orders);
            }
        } else {
            attribution = "dates";
            for (LocalDate d = c.liveFrom(); !d.isAfter(last) && !skus.isEmpty(); d = d.plusDays(1)) {
                for (ProductSales s : data.productSales(shopId, d, d, skus, skus.size())) {
                    sales.add(new DailySales(d, s.sku(), s.units(), s.orders(), s.sales()));
                }
            }
            if (!last.isBefore(c.liveFrom()) && !skus.isEmpty()) {
                orders.putAll(data.ordersWithAny(shopId, c.liveFrom(), last, skus));
            }
        }
        long shopOrders = last.isBefore(c.liveFrom()) ? 0 : data.orderFigures(shopId, c.liveFrom(), last).orders();
        CampaignProgress p = CampaignProgress.of(c, last, sales, orders, baselines(shopId, c, skus), shopOrders,
                reach(shopId, c, last));
        Map<LocalDate, long[]> days = new LinkedHashMap<>();
        for (LocalDate d = c.liveFrom(); !d.isAfter(last); d = d.plusDays(1)) {
            days.put(d, new long[] {0, orders.getOrDefault(d, 0L), 0});
        }
        for (DailySales s : sales) {
            long[] day = days.get(s.day());
            if (day != null) {
                day[0] += s.units();
                day[2] += s.gmv();
            }
        }
        return new Progress(p, days, attribution);
    }

    /**
     * The campaign's products' lines in the orders tagged {@code tag}: added to {@code sales} by day and product,
     * and to {@code orders} the tagged orders holding any of them by day, each once.
     */
    private void tagged(long shopId, String tag, Set<String> skus, LocalDate from, LocalDate to, List<DailySales> sales,
                        Map<LocalDate, Long> orders) {
        Map<Long, LocalDate> tagged = new HashMap<>();
        for (Order o : data.orders(shopId, from, to)) {
            if (o.status() != Order.Status.CANCELLED && tag.equals(o.source())) {
                tagged.put(o.id(), o.day());
            }
        }
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, Set<Long>> orderIds = new HashMap<>();
        Set<Long> holding = new HashSet<>();
        for (OrderLine l : data.orderLines(shopId, from, to)) {
            LocalDate day = tagged.get(l.orderId());
            if (day == null || !skus.contains(l.sku())) {
                continue;
            }
            String key = day + "|" + l.sku();
            long[] s = sums.computeIfAbsent(key, k -> new long[2]);
            s[0] += l.quantity();
            s[1] += l.amount();
            orderIds.computeIfAbsent(key, k -> new HashSet<>()).add(l.orderId());
            if (holding.add(l.orderId())) {
                orders.merge(day, 1L, Long::sum);
            }
        }
        sums.forEach((key, s) -> {
            int bar = key.indexOf('|');
            sales.add(new DailySales(LocalDate.parse(key.substring(0, bar)), key.substring(bar + 1), s[0],
                    orderIds.get(key).size(), s[1]));
        });
    }

    /**
     * Each product's {@value #BASELINE_DAYS} days before going live; a product listed within them counts the
     * days since its listing, one listed on or after the first live day has none (a new arrival).
     */
    private List<Baseline> baselines(long shopId, Campaign c, List<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        LocalDate from = c.liveFrom().minusDays(BASELINE_DAYS);
        LocalDate to = c.liveFrom().minusDays(1);
        Map<String, ProductSales> sold = new HashMap<>();
        for (ProductSales s : data.productSales(shopId, from, to, skus, skus.size())) {
            sold.put(s.sku(), s);
        }
        Map<String, LocalDate> listed = new HashMap<>();
        for (Product p : data.products(shopId)) {
            if (p.listedOn() != null) {
                listed.put(p.sku(), p.listedOn());
            }
        }
        List<Baseline> out = new ArrayList<>();
        for (String sku : skus) {
            LocalDate start = from;
            LocalDate on = listed.get(sku);
            if (on != null && on.isAfter(from)) {
                start = on;
            }
            int days = (int) Math.max(0, ChronoUnit.DAYS.between(start, c.liveFrom()));
            ProductSales s = sold.get(sku);
            out.add(s == null ? new Baseline(sku, days, 0, 0, 0) : new Baseline(sku, days, s.units(), s.orders(), s.sales()));
        }
        return out;
    }

    /** What the platform reported of the campaign's live days up to {@code last}, or {@link Reach#NONE}. */
    private Reach reach(long shopId, Campaign c, LocalDate last) {
        if (last.isBefore(c.liveFrom())) {
            return Reach.NONE;
        }
        List<CampaignResult> rows = store.results(shopId, c.name(), c.liveFrom(), last);
        if (rows.isEmpty()) {
            return Reach.NONE;
        }
        long uv = 0, impressions = 0, clicks = 0;
        for (CampaignResult r : rows) {
            uv += r.uv();
            impressions += r.impressions();
            clicks += r.clicks();
        }
        return new Reach(uv, impressions, clicks);
    }

    // ---------------------------------------------------------------- entry checks

    /** The rules a campaign is checked against: the shop's rules of its channel (own campaigns: {@code own}). */
    EntryRules rules(long shopId, Campaign c) {
        return EntryRuleSettings.of(settings, shopId, EntryRules.channelOf(c.kind(), c.channel()));
    }

    /** The facts of each campaign product, in the campaign's order, as of the shop's {@code today}. */
    List<EntryFacts> facts(long shopId, Campaign c, EntryRules rules, LocalDate today) {
        LocalDate yesterday = today.minusDays(1);
        List<String> skus = c.products().stream().map(CampaignProduct::sku).distinct().toList();
        Map<String, Product> products = new HashMap<>();
        Map<Long, String> skuById = new HashMap<>();
        for (Product p : data.products(shopId)) {
            products.put(p.sku(), p);
            skuById.put(p.id(), p.sku());
        }
        Map<String, Long> history = new HashMap<>();
        if (!skus.isEmpty()) {
            for (ProductSales s : data.productSales(shopId, EPOCH, yesterday, skus, skus.size())) {
                history.put(s.sku(), s.units());
            }
        }
        Map<String, Long> lowest = new HashMap<>();
        if (rules.lowestPriceDays() != null) {
            LocalDate from = yesterday.minusDays(rules.lowestPriceDays() - 1L);
            Set<Long> live = new HashSet<>();
            for (Order o : data.orders(shopId, from, yesterday)) {
                if (o.status() != Order.Status.CANCELLED) {
                    live.add(o.id());
                }
            }
            for (OrderLine l : data.orderLines(shopId, from, yesterday)) {
                if (live.contains(l.orderId()) && l.quantity() > 0 && skus.contains(l.sku())) {
                    // amount ÷ quantity, rounded down: a whole campaign price is ≤ the exact quotient iff ≤ its floor
                    lowest.merge(l.sku(), Math.floorDiv(l.amount(), l.quantity()), Math::min);
                }
            }
        }
        Map<String, long[]> ratings = new HashMap<>();
        for (Review r : data.reviews(shopId, EPOCH, today)) {
            String sku = r.productId() == null ? null : skuById.get(r.productId());
            if (sku != null) {
                long[] sum = ratings.computeIfAbsent(sku, k -> new long[2]);
                sum[0] += r.rating();
                sum[1]++;
            }
        }
        List<EntryFacts> out = new ArrayList<>();
        for (CampaignProduct cp : c.products()) {
            Product p = products.get(cp.sku());
            long price = cp.price() != null ? cp.price() : p != null && p.price() != null ? p.price() : 0;
            long[] rating = ratings.get(cp.sku());
            out.add(new EntryFacts(cp.sku(), price, lowest.get(cp.sku()), history.getOrDefault(cp.sku(), 0L),
                    p == null || p.stock() == null ? 0 : p.stock(), cp.allocated(),
                    rating == null ? null : (double) rating[0] / rating[1]));
        }
        return out;
    }

    /** The checks of every campaign product against the campaign's rules. */
    List<EntryCheck> entryChecks(long shopId, Campaign c, EntryRules rules, LocalDate today) {
        return EntryCheck.all(rules, facts(shopId, c, rules, today));
    }

    // ---------------------------------------------------------------- reminders

    /** The reminders of a morning, with the campaigns and live progress they were made from. */
    record Reminders(List<Reminder> reminders, Map<Long, Campaign> campaigns, Map<Long, CampaignProgress> progress,
                     ReminderSettings settings) {
    }

    /**
     * The reminders of the shop's campaigns on the morning of {@code today}, live campaigns read as of the
     * day before.
     */
    Reminders reminders(Shop shop, LocalDate today) {
        Map<Long, Campaign> campaigns = new LinkedHashMap<>();
        for (StoredCampaign s : store.list(shop.id(), Filter.ALL)) {
            campaigns.put(s.id(), s.campaign());
        }
        Map<Long, CampaignProgress> progress = new HashMap<>();
        for (Campaign c : campaigns.values()) {
            if (c.status() == CampaignStatus.LIVE && !c.liveTo().isBefore(today) && !today.isBefore(c.liveFrom())) {
                progress.put(c.id(), progress(shop.id(), c, today.minusDays(1)).progress());
            }
        }
        ReminderSettings settings = reminderSettings(shop.id());
        return new Reminders(CampaignReminders.of(List.copyOf(campaigns.values()), today, progress, settings), campaigns,
                progress, settings);
    }
}
