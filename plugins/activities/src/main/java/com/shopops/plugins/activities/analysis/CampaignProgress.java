package com.shopops.plugins.activities.analysis;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign's progress while live and its results after (issue #8, point 3; DOMAIN.md, Morning 5): orders,
 * units and GMV, campaign order share of the shop, conversion, CTR, sell-through, goal attainment, uplift
 * over the products' normal days, and the stock-out forecast per product — as of a shop-local day, so a
 * live campaign is read half-way. Rates are fractions, null where their denominator is 0 or unknown.
 *
 * @param campaignId      the campaign's id
 * @param asOf            the last day whose sales are counted
 * @param daysTotal       live days from first to last
 * @param daysElapsed     live days up to and including {@code asOf} (0 before going live, all after the end)
 * @param daysLeft        live days after {@code asOf}
 * @param elapsedShare    daysElapsed ÷ daysTotal, the share of the goal due by now at an even pace
 * @param units           units sold in the campaign
 * @param orders          campaign orders: orders holding at least one campaign product, each once however many
 *                        of them it holds (the products' orders added up when no such count was given)
 * @param gmv             campaign GMV, minor units
 * @param shopOrders      the shop's orders over the same live days
 * @param orderShare      活动订单比例: orders ÷ shopOrders
 * @param reach           the campaign's reported UV, impressions and clicks
 * @param conversion      orders ÷ UV, null when UV is not reported
 * @param ctr             clicks ÷ impressions, null when either is not reported
 * @param allocated       units allocated over all products
 * @param sellThrough     售罄率: units ÷ allocated
 * @param gmvAttainment   gmv ÷ the GMV goal, null without one
 * @param unitsAttainment units ÷ the units goal, null without one
 * @param unitsUplift     units per live day ÷ units per baseline day − 1, over the products that have a
 *                        baseline (a new arrival has no normal days to compare with), null when none has
 * @param gmvUplift       the same for GMV
 * @param products        each campaign product, in the campaign's order
 */
public record CampaignProgress(long campaignId, LocalDate asOf, int daysTotal, int daysElapsed, int daysLeft,
                               double elapsedShare, long units, long orders, long gmv, long shopOrders, Double orderShare,
                               Reach reach, Double conversion, Double ctr, long allocated, Double sellThrough,
                               Double gmvAttainment, Double unitsAttainment, Double unitsUplift, Double gmvUplift,
                               List<ProductProgress> products) {

    public CampaignProgress {
        products = List.copyOf(products);
    }

    /**
     * The progress of {@code campaign} as of {@code asOf}, its orders the products' orders added up: right only
     * when no order holds two of the campaign's products; otherwise give the campaign's orders per day
     * ({@link #of(Campaign, LocalDate, List, Map, List, long, Reach)}).
     */
    public static CampaignProgress of(Campaign campaign, LocalDate asOf, List<DailySales> sales, List<Baseline> baselines,
                                      long shopOrders, Reach reach) {
        return of(campaign, asOf, sales, null, baselines, shopOrders, reach);
    }

    /**
     * The progress of {@code campaign} as of {@code asOf}.
     *
     * @param campaign   the campaign, with its products and goals
     * @param asOf       the last shop-local day to count, e.g. yesterday for the morning's read
     * @param sales      the campaign's sales per day and product; rows of other products or outside the live
     *                   days up to {@code asOf} are left out (so a re-run as of an earlier day is honest), and
     *                   two rows of one day and product add up
     * @param orders     the campaign's orders per day, each order once however many campaign products it holds
     *                   (days outside the live days up to {@code asOf} are left out like sales); null to add up
     *                   the products' orders instead
     * @param baselines  the products' normal days; a product without one has no uplift
     * @param shopOrders the shop's orders over the live days up to {@code asOf}
     * @param reach      the campaign's reported traffic, or {@link Reach#NONE}
     */
    public static CampaignProgress of(Campaign campaign, LocalDate asOf, List<DailySales> sales, Map<LocalDate, Long> orders,
                                      List<Baseline> baselines, long shopOrders, Reach reach) {
        if (campaign.liveTo().isBefore(campaign.liveFrom())) {
            throw new IllegalArgumentException(campaign.name() + ": live to " + campaign.liveTo() + " is before live from "
                    + campaign.liveFrom());
        }
        if (shopOrders < 0) {
            throw new IllegalArgumentException("shop orders cannot be negative: " + shopOrders);
        }
        reach = reach == null ? Reach.NONE : reach;
        int total = (int) ChronoUnit.DAYS.between(campaign.liveFrom(), campaign.liveTo()) + 1;
        long sinceStart = ChronoUnit.DAYS.between(campaign.liveFrom(), asOf) + 1;
        int elapsed = (int) Math.max(0, Math.min(total, sinceStart));
        LocalDate lastCounted = asOf.isBefore(campaign.liveTo()) ? asOf : campaign.liveTo();

        Map<String, List<DailySales>> bySku = new HashMap<>();
        for (CampaignProduct p : campaign.products()) {
            bySku.put(p.sku(), new ArrayList<>());
        }
        for (DailySales s : sales) {
            List<DailySales> rows = bySku.get(s.sku());
            if (rows != null && !s.day().isBefore(campaign.liveFrom()) && !s.day().isAfter(lastCounted)) {
                rows.add(s);
            }
        }
        Map<String, Baseline> baseline = new LinkedHashMap<>();
        for (Baseline b : baselines) {
            baseline.put(b.sku(), b);
        }

        List<ProductProgress> products = new ArrayList<>();
        long units = 0, productOrders = 0, gmv = 0, allocated = 0;
        long upliftUnits = 0, upliftGmv = 0;
        double baseUnitsPerDay = 0, baseGmvPerDay = 0;
        boolean anyBaseline = false;
        for (CampaignProduct p : campaign.products()) {
            List<DailySales> rows = bySku.get(p.sku());
            rows.sort(Comparator.comparing(DailySales::day));
            long u = 0, o = 0, g = 0;
            for (DailySales s : rows) {
                u = Math.addExact(u, s.units());
                o = Math.addExact(o, s.orders());
                g = Math.addExact(g, s.gmv());
            }
            Baseline b = baseline.get(p.sku());
            boolean hasBaseline = b != null && b.days() > 0;
            if (hasBaseline) {
                anyBaseline = true;
                upliftUnits = Math.addExact(upliftUnits, u);
                upliftGmv = Math.addExact(upliftGmv, g);
                baseUnitsPerDay += (double) b.units() / b.days();
                baseGmvPerDay += (double) b.gmv() / b.days();
            }
            products.add(new ProductProgress(p.sku(), p.allocated(), u, o, g, ratio(u, p.allocated()),
                    hasBaseline ? uplift(u, elapsed, (double) b.units() / b.days()) : null,
                    hasBaseline ? uplift(g, elapsed, (double) b.gmv() / b.days()) : null,
                    stockOut(campaign, p.allocated(), u, rows, elapsed, lastCounted)));
            units = Math.addExact(units, u);
            productOrders = Math.addExact(productOrders, o);
            gmv = Math.addExact(gmv, g);
            allocated = Math.addExact(allocated, p.allocated());
        }
        long campaignOrders = productOrders;
        if (orders != null) {
            campaignOrders = 0;
            for (Map.Entry<LocalDate, Long> day : orders.entrySet()) {
                if (day.getValue() < 0) {
                    throw new IllegalArgumentException("negative campaign orders on " + day.getKey() + ": " + day.getValue());
                }
                if (!day.getKey().isBefore(campaign.liveFrom()) && !day.getKey().isAfter(lastCounted)) {
                    campaignOrders = Math.addExact(campaignOrders, day.getValue());
                }
            }
        }
        Double conversion = reach.uv() == null ? null : ratio(campaignOrders, reach.uv());
        Double ctr = reach.clicks() == null || reach.impressions() == null ? null : ratio(reach.clicks(), reach.impressions());
        return new CampaignProgress(campaign.id(), asOf, total, elapsed, total - elapsed, (double) elapsed / total,
                units, campaignOrders, gmv, shopOrders, ratio(campaignOrders, shopOrders), reach, conversion, ctr, allocated,
                ratio(units, allocated), campaign.goalGmv() == null ? null : ratio(gmv, campaign.goalGmv()),
                campaign.goalUnits() == null ? null : ratio(units, campaign.goalUnits()),
                anyBaseline ? uplift(upliftUnits, elapsed, baseUnitsPerDay) : null,
                anyBaseline ? uplift(upliftGmv, elapsed, baseGmvPerDay) : null, products);
    }

    /** The figures of the product {@code sku}, or null when it is not in the campaign. */
    public ProductProgress product(String sku) {
        return products.stream().filter(p -> p.sku().equals(sku)).findFirst().orElse(null);
    }

    /** Campaign amount per live day ÷ baseline amount per day − 1; null without live days or baseline sales. */
    private static Double uplift(long amount, int elapsed, double basePerDay) {
        if (elapsed == 0 || basePerDay <= 0) {
            return null;
        }
        return (double) amount / elapsed / basePerDay - 1;
    }

    private static StockOut stockOut(Campaign campaign, long allocated, long units, List<DailySales> rows, int elapsed,
                                     LocalDate lastCounted) {
        if (allocated <= 0 || units == 0 || elapsed == 0) {
            return null;
        }
        double perDay = (double) units / elapsed;
        LocalDate end = campaign.liveTo();
        LocalDate runsOut;
        boolean soldOut = units >= allocated;
        if (soldOut) {
            // the real day: the first on which the running total reached the allocation
            long sum = 0;
            runsOut = lastCounted;
            for (DailySales s : rows) {
                sum += s.units();
                if (sum >= allocated) {
                    runsOut = s.day();
                    break;
                }
            }
        } else if (!lastCounted.isBefore(end)) {
            return null; // over with stock left: it never ran out
        } else {
            // days the rest lasts at units ÷ elapsed a day, a started day counted whole: ⌈rest × elapsed ÷ units⌉
            long rest = allocated - units;
            long days = Math.addExact(Math.multiplyExact(rest, elapsed), units - 1) / units;
            runsOut = lastCounted.plusDays(days);
        }
        boolean early = runsOut.isBefore(end);
        return new StockOut(Math.max(0, allocated - units), perDay, runsOut, soldOut, early,
                early ? ChronoUnit.DAYS.between(runsOut, end) : 0);
    }

    /** {@code part ÷ whole}, or null when {@code whole} is 0 or less. */
    static Double ratio(long part, long whole) {
        return whole <= 0 ? null : (double) part / whole;
    }
}
