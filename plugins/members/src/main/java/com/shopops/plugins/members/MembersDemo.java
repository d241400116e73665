package com.shopops.plugins.members;

import com.shopops.api.DemoContributor;
import com.shopops.api.data.CustomerOrders;
import com.shopops.plugins.members.MemberStore.ContactRow;
import com.shopops.plugins.members.MemberStore.NewAction;
import com.shopops.plugins.members.analysis.Holdout;
import com.shopops.plugins.members.analysis.Offer;
import com.shopops.plugins.members.analysis.RfmScore;
import com.shopops.plugins.members.analysis.RfmScoring;
import com.shopops.plugins.members.analysis.Segment;
import com.shopops.plugins.members.analysis.Tier;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.pf4j.Extension;

/**
 * The demo shop's members, consistent with its orders:
 * <ul>
 *   <li>contact data (a name, a mobile number, an e-mail address) for every customer;</li>
 *   <li>the tag {@value #VIP} on the ten biggest spenders, {@value #WHOLESALE} on two more;</li>
 *   <li>segment snapshots {@value #SNAPSHOT_DAYS} days before the last day and on it, as the weekly job keeps
 *       them, so the movement and the briefing have a week to show;</li>
 *   <li>{@value #ACTION}: a win-back coupon to the at-risk, can't-lose and hibernating customers, made
 *       {@value #ACTION_DAYS} days before the last day and sent the day after, with 10% kept back — its
 *       14-day window is over, so its results can be read.</li>
 * </ul>
 * Same seed, same data.
 */
@Extension
public final class MembersDemo implements DemoContributor {

    static final String ACTION = "双11老客召回";
    static final String VIP = "vip";
    static final String WHOLESALE = "批发";
    static final int SNAPSHOT_DAYS = 7;
    static final int ACTION_DAYS = 22;
    private static final String[] FAMILY = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛"};

    @Override
    public void contribute(DemoContext context) {
        long shopId = context.shop().id();
        ZoneId zone = context.shop().timeZone();
        LocalDate last = context.to();
        SplittableRandom rnd = new SplittableRandom(context.seed() * 1_000_037L + 0x4D3L);
        MemberStore store = new MemberStore(context.jdbi());

        List<CustomerOrders> everyone = context.data().customerOrders(shopId, null, last);
        List<ContactRow> contacts = new ArrayList<>();
        List<CustomerOrders> bySpend = new ArrayList<>(everyone);
        bySpend.sort(Comparator.comparingLong(CustomerOrders::revenue).reversed().thenComparing(CustomerOrders::externalId));
        Map<String, Set<String>> tags = new HashMap<>();
        for (int i = 0; i < bySpend.size() && i < 12; i++) {
            tags.put(bySpend.get(i).externalId(), Set.of(i < 10 ? VIP : WHOLESALE));
        }
        everyone.stream().sorted(Comparator.comparing(CustomerOrders::externalId)).forEach(c -> {
            String name = FAMILY[rnd.nextInt(FAMILY.length)] + GIVEN[rnd.nextInt(GIVEN.length)];
            String phone = "1" + (3 + rnd.nextInt(7)) + String.format("%09d", rnd.nextInt(1_000_000_000));
            String email = "member" + c.customerId() + "@example.com";
            contacts.add(new ContactRow(new Contact(c.externalId(), name, phone, email), tags.getOrDefault(c.externalId(), Set.of())));
        });
        context.jdbi().useTransaction(h -> MemberStore.writeContacts(h, shopId, contacts,
                last.atTime(LocalTime.of(9, 0)).atZone(zone).toInstant()));

        LocalDate snapshotDay = last.minusDays(SNAPSHOT_DAYS);
        store.saveSnapshot(shopId, snapshotDay, RfmScoring.score(context.data().customerOrders(shopId, null, snapshotDay), snapshotDay));
        // and the week's, as the weekly job would have taken it on the last day
        store.saveSnapshot(shopId, last, RfmScoring.score(context.data().customerOrders(shopId, null, last), last));

        LocalDate made = last.minusDays(ACTION_DAYS);
        List<RfmScore> scores = RfmScoring.score(context.data().customerOrders(shopId, null, made), made);
        Map<Long, Long> spend = new HashMap<>();
        context.data().customerOrders(shopId, made.minusDays(MemberReadings.TIER_DAYS - 1L), made,
                c -> spend.put(c.customerId(), c.revenue()));
        Set<Segment> asleep = Set.of(Segment.AT_RISK, Segment.CANT_LOSE, Segment.HIBERNATING);
        List<RfmScore> audience = scores.stream().filter(s -> asleep.contains(s.segment())).toList();
        if (audience.size() < 2) {
            return;
        }
        Holdout.Split split = Holdout.split(audience.stream().map(RfmScore::customerId).toList(), 0.1, context.seed());
        Set<Long> held = new HashSet<>(split.holdout());
        List<ActionCustomer> customers = new ArrayList<>();
        for (RfmScore s : audience) {
            Tier tier = MemberSettings.DEFAULT.tiers().tierFor(spend.getOrDefault(s.customerId(), 0L));
            customers.add(new ActionCustomer(s.customerId(), s.externalId(), held.contains(s.customerId()), s.segment(),
                    tier == null ? null : tier.name()));
        }
        StoredAction action = store.createAction(shopId, new NewAction(ACTION, Offer.WIN_BACK_COUPON, "老客专享：满199减60回归券，7天内有效",
                        0.1, "{\"segments\":[\"at-risk\",\"cant-lose\",\"hibernating\"],\"date\":\"" + made + "\"}",
                        MemberSettings.DEFAULT.measureDays()),
                customers, "demo", made.atTime(LocalTime.of(15, 30)).atZone(zone).toInstant());
        store.markSent(shopId, action.id(), made.plusDays(1));
    }
}
