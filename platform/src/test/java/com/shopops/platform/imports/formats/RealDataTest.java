package com.shopops.platform.imports.formats;

import static com.shopops.platform.imports.formats.Rows.TMALL;
import static com.shopops.platform.imports.formats.Rows.UK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.ParsedRow;
import com.shopops.api.data.OrderRow;
import com.shopops.api.domain.BehaviourEvent;
import com.shopops.api.domain.Order;
import com.shopops.platform.imports.formats.Rows.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The formats over slices of real public data sets (see {@code src/test/resources/data/README.md}); every
 * expected figure was computed by the command in the comment beside it, over the raw file, not by ShopOps.
 */
class RealDataTest {

    private static final String RETAIL = "/data/online-retail/online_retail_first_rows.csv";
    private static final String BEHAVIOUR = "/data/user-behavior/user_behavior_first_users.csv";

    @Test
    void onlineRetailFirstRows() {
        List<Outcome<OrderRow>> rows = Rows.parse(new OnlineRetailOrders(), UK, RETAIL, StandardCharsets.UTF_8, 0, Map.of());

        // awk 'END{print NR-1}' online_retail_first_rows.csv  (the last line has no line end; wc -l says 183 too)
        assertEquals(183, rows.size());
        // awk -F, 'NR>1 && NF!=8 {print NR}' online_retail_first_rows.csv  → 121 172 175 179
        List<Outcome<OrderRow>> rejected = rows.stream().filter(o -> o.parsed() instanceof ParsedRow.Rejected).toList();
        assertEquals(List.of(121L, 172L, 175L, 179L), rejected.stream().map(Outcome::line).toList());
        rejected.forEach(o -> assertEquals("row", ((ParsedRow.Rejected<?>) o.parsed()).column()));
        assertEquals(0, Rows.count(rows, ParsedRow.Skipped.class)); // no A… invoice, no quantity or price ≤ 0 on a sale

        List<OrderRow> lines = Rows.records(rows);
        List<OrderRow> sales = lines.stream().filter(r -> r.status() != Order.Status.CANCELLED).toList();
        // awk -F, 'NR>1 && NF==8 && $1!~/^[CA]/ && $4>0 && $6>0 {s+=sprintf("%.0f",$4*$6*100); n++} END{print s, n}'  → 775827 178
        assertEquals(178, sales.size());
        assertEquals(775_827, sales.stream().mapToLong(OrderRow::lineAmount).sum());
        // awk -F, 'NR>1 && NF==8 {inv[$1]=1} END{print length(inv)}'  → 23
        assertEquals(23, lines.stream().map(OrderRow::orderId).distinct().count());
        // awk -F, 'NR>1 && NF==8 && $1~/^C/ {inv[$1]=1} END{print length(inv)}'  → 1 (C536383, one line: -1 × 4.65)
        Map<String, Long> cancelled = lines.stream().filter(r -> r.status() == Order.Status.CANCELLED)
                .collect(Collectors.groupingBy(OrderRow::orderId, Collectors.summingLong(OrderRow::lineAmount)));
        assertEquals(Map.of("C536383", -465L), cancelled);
        // awk -F, 'NR>1 && $7==""' online_retail_first_rows.csv | wc -l  → 0 guest lines in this slice
        assertTrue(lines.stream().allMatch(r -> r.customer() != null));
        assertEquals(Instant.parse("2010-12-01T08:26:00Z"), lines.get(0).createdAt());
        assertEquals(new OrderRow("536365", "17850", Instant.parse("2010-12-01T08:26:00Z"), Instant.parse("2010-12-01T08:26:00Z"),
                Order.Status.PAID, null, null, "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 6, 255, 1530, 0, null), lines.get(0));

        // After the group rule (one bad line rejects its whole invoice: 536381, 536385, 536387):
        // awk -F, 'NR==FNR {if (FNR>1 && NF!=8) bad[$1]=1; next} FNR>1 && !($1 in bad) && $1!~/^[CA]/ && $4>0 && $6>0
        //   {s+=sprintf("%.0f",$4*$6*100); n++; inv[$1]=1} END{print s, n, length(inv)}' f f  → 475716 135 19
        List<OrderRow> imported = Rows.records(Rows.applyGroups(rows));
        List<OrderRow> importedSales = imported.stream().filter(r -> r.status() != Order.Status.CANCELLED).toList();
        assertEquals(135, importedSales.size());
        assertEquals(475_716, importedSales.stream().mapToLong(OrderRow::lineAmount).sum());
        assertEquals(19, importedSales.stream().map(OrderRow::orderId).distinct().count());
        // awk -F, 'NR>1 && $1~/^(536381|536385|536387)$/' online_retail_first_rows.csv | wc -l  → 47
        assertEquals(47, Rows.count(Rows.applyGroups(rows), ParsedRow.Rejected.class));
    }

    @Test
    void userBehaviorFirstUsers() {
        List<Outcome<BehaviourEvent>> rows = Rows.parse(new UserBehaviorEvents(), TMALL, BEHAVIOUR, StandardCharsets.UTF_8, 0,
                Map.of());
        assertTrue(new UserBehaviorEvents().recognises(Rows.csv(BEHAVIOUR, StandardCharsets.UTF_8).get(0).getFields()));
        // wc -l user_behavior_first_users.csv  → 15146, all with 5 fields
        assertEquals(15_146, rows.size());
        List<BehaviourEvent> events = Rows.records(rows);
        assertEquals(15_146, events.size());
        // awk -F, '{t[$4]++} END{for(k in t) print k, t[k]}'  → pv 13690, cart 766, fav 390, buy 300
        Map<BehaviourEvent.Type, Long> byType = events.stream()
                .collect(Collectors.groupingBy(BehaviourEvent::type, Collectors.counting()));
        assertEquals(Map.of(BehaviourEvent.Type.VIEW, 13_690L, BehaviourEvent.Type.CART, 766L,
                BehaviourEvent.Type.FAVOURITE, 390L, BehaviourEvent.Type.BUY, 300L), byType);
        // awk -F, '{u[$1]=1} END{print length(u)}'  → 139
        assertEquals(139, events.stream().map(BehaviourEvent::userId).distinct().count());
        // sort -t, -k5,5n | head -1 / tail -1  → 1505117799 (2017-09-11) and 1512316758 (2017-12-03)
        assertEquals(1_505_117_799L, events.stream().mapToLong(e -> e.at().getEpochSecond()).min().orElseThrow());
        assertEquals(1_512_316_758L, events.stream().mapToLong(e -> e.at().getEpochSecond()).max().orElseThrow());
        assertEquals(new BehaviourEvent(0, "1", "2268318", "2520377", BehaviourEvent.Type.VIEW,
                Instant.ofEpochSecond(1_511_544_070)), events.get(0));
    }
}
