package com.shopops.plugins.members;

import com.shopops.api.Settings;
import com.shopops.api.Shop;
import com.shopops.api.data.CustomerOrders;
import com.shopops.api.data.GuestOrders;
import com.shopops.api.data.ShopData;
import com.shopops.plugins.members.analysis.ActionResult;
import com.shopops.plugins.members.analysis.AudienceFilter;
import com.shopops.plugins.members.analysis.Candidate;
import com.shopops.plugins.members.analysis.CustomerSummary;
import com.shopops.plugins.members.analysis.RfmColumns;
import com.shopops.plugins.members.analysis.RfmScore;
import com.shopops.plugins.members.analysis.RfmScoring;
import com.shopops.plugins.members.analysis.RfmSummary;
import com.shopops.plugins.members.analysis.Tier;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the routes and the findings read: the core's member reads turned into the analysis' inputs, with
 * the shop's settings, contacts and tags. I/O lives here; the sums are the analysis' pure functions.
 */
final class MemberReadings {

    /** Spend that decides the tier: the 12 months (365 days) to the day asked about. */
    static final int TIER_DAYS = 365;

    private final ShopData data;
    private final MemberStore store;
    private final Settings settings;
    private final Clock clock;

    MemberReadings(ShopData data, MemberStore store, Settings settings, Clock clock) {
        this.data = data;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    ShopData data() {
        return data;
    }

    MemberStore store() {
        return store;
    }

    MemberSettings settings(long shopId) {
        return MemberSettings.of(settings, shopId);
    }

    Settings rawSettings() {
        return settings;
    }

    /** The shop's today in its time zone. */
    LocalDate today(Shop shop) {
        return LocalDate.ofInstant(clock.instant(), shop.timeZone());
    }

    java.time.Instant now() {
        return clock.instant();
    }

    CustomerSummary summary(long shopId, LocalDate from, LocalDate to) {
        List<CustomerOrders> rows = new ArrayList<>();
        data.customerOrders(shopId, from, to, rows::add);
        GuestOrders guests = data.guestOrders(shopId, from, to);
        return CustomerSummary.of(rows, from, guests.orders(), guests.revenue());
    }

    /** Every customer's RFM scores as of {@code date}, over all history to that day. */
    List<RfmScore> scores(long shopId, LocalDate date) {
        List<CustomerOrders> rows = new ArrayList<>();
        data.customerOrders(shopId, null, date, rows::add);
        return RfmScoring.score(rows, date);
    }

    /** The RFM summary of {@code date} without keeping an object per customer: what /rfm and the bench ask. */
    RfmSummary rfmSummary(long shopId, LocalDate date) {
        RfmColumns columns = new RfmColumns(date);
        data.customerOrders(shopId, null, date, columns);
        return columns.summary();
    }

    /** Each customer's spend over the {@value #TIER_DAYS} days to {@code date}. */
    Map<Long, Long> tierSpend(long shopId, LocalDate date) {
        Map<Long, Long> spend = new HashMap<>();
        data.customerOrders(shopId, date.minusDays(TIER_DAYS - 1L), date, c -> spend.put(c.customerId(), c.revenue()));
        return spend;
    }

    /** The customers with their segment, tier and tags, to build audiences from. */
    List<Candidate> candidates(long shopId, LocalDate date, List<RfmScore> scores) {
        MemberSettings s = settings(shopId);
        Map<Long, Long> spend = tierSpend(shopId, date);
        Map<String, Set<String>> tags = store.tags(shopId);
        List<Candidate> candidates = new ArrayList<>(scores.size());
        for (RfmScore r : scores) {
            Tier tier = s.tiers().tierFor(spend.getOrDefault(r.customerId(), 0L));
            candidates.add(new Candidate(r.customerId(), r.externalId(), r.segment(), tier == null ? null : tier.name(),
                    tags.getOrDefault(r.externalId(), Set.of()), date.minusDays(r.recencyDays()), r.monetary()));
        }
        return candidates;
    }

    /** The candidates an audience selects: the filter, then the categories bought when it names any. */
    List<Candidate> audience(long shopId, LocalDate date, AudienceFilter filter, Collection<String> categories) {
        List<Candidate> all = candidates(shopId, date, scores(shopId, date));
        Set<Long> bought = categories.isEmpty() ? null : new HashSet<>(data.customersWhoBought(shopId, categories, null, date));
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate c : all) {
            if (filter.matches(c) && (bought == null || bought.contains(c.customerId()))) {
                chosen.add(c);
            }
        }
        return chosen;
    }

    /** The measurement window of a sent action: the day after sending to the last measured day, capped at yesterday. */
    static LocalDate[] window(StoredAction a, LocalDate yesterday) {
        LocalDate from = a.sentOn().plusDays(1);
        LocalDate to = a.sentOn().plusDays(a.measureDays());
        return new LocalDate[] {from, to.isAfter(yesterday) ? yesterday : to};
    }

    /** Treated against holdout over the action's window (empty groups when nothing of it has passed yet). */
    ActionResult measure(long shopId, StoredAction a, LocalDate yesterday) {
        List<ActionCustomer> customers = store.actionCustomers(shopId, a.id());
        LocalDate[] w = window(a, yesterday);
        Map<Long, Long> spent = new HashMap<>();
        if (!w[0].isAfter(w[1])) {
            data.customerOrders(shopId, w[0], w[1], c -> spent.put(c.customerId(), c.revenue()));
        }
        List<Long> treated = MemberStore.ids(customers, false);
        List<Long> holdout = MemberStore.ids(customers, true);
        return ActionResult.measure(revenues(treated, spent), revenues(holdout, spent));
    }

    private static long[] revenues(List<Long> ids, Map<Long, Long> spent) {
        long[] out = new long[ids.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = spent.getOrDefault(ids.get(i), 0L);
        }
        return out;
    }
}
