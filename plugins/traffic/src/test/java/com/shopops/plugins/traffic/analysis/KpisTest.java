package com.shopops.plugins.traffic.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.plugins.traffic.analysis.Kpis.Coverage;
import com.shopops.plugins.traffic.analysis.Kpis.Figures;
import com.shopops.plugins.traffic.analysis.Kpis.OrderTotals;
import com.shopops.plugins.traffic.analysis.Kpis.Period;
import com.shopops.plugins.traffic.analysis.Kpis.ProductTotals;
import com.shopops.plugins.traffic.analysis.Kpis.Totals;
import com.shopops.plugins.traffic.analysis.Kpis.TrafficTotals;
import com.shopops.plugins.traffic.analysis.Kpis.WindowTotals;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KpisTest {

    private static final Period WEEK = new Period(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 9));

    @Test
    void periods() {
        assertEquals(7, WEEK.days());
        assertEquals(new Period(LocalDate.of(2025, 2, 24), LocalDate.of(2025, 3, 2)), WEEK.previous());
        assertEquals(new Period(LocalDate.of(2024, 3, 3), LocalDate.of(2024, 3, 9)), WEEK.lastYear());
        assertEquals(new Period(LocalDate.of(2025, 2, 8), LocalDate.of(2025, 3, 9)), WEEK.window());
        assertEquals(30, WEEK.window().days());
        Period leap = new Period(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 2, 29));
        assertEquals(new Period(LocalDate.of(2023, 2, 28), LocalDate.of(2023, 2, 28)), leap.lastYear());
        assertThrows(IllegalArgumentException.class, () -> new Period(LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 1)));
    }

    @Test
    void ordersAreKnownFromTheFirstOrderToTheLastDayWithOrdersOrTraffic() {
        Coverage c = new Coverage(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 7), LocalDate.of(2025, 3, 9));
        assertTrue(c.ordersKnown(WEEK), "the 8th and 9th have traffic and no orders: they sold nothing");
        assertFalse(c.ordersKnown(new Period(LocalDate.of(2025, 3, 9), LocalDate.of(2025, 3, 10))));
        assertFalse(c.ordersKnown(new Period(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 1))));
        assertFalse(new Coverage(null, null, LocalDate.of(2025, 3, 9)).ordersKnown(WEEK));
        assertTrue(new Coverage(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 9), null).ordersKnown(WEEK));
    }

    @Test
    void everyFigureFromItsTotals() {
        // 7 days: 40 orders worth 1,000.00 from 36 buyer-days; 4 orders refunded; 30 distinct customers, 12 had bought before.
        // Traffic: 1,200 visitors, 3,300 page views; bounce known on days with 1,000 visitors (Σ rate × uv = 550),
        // stay on all (Σ stay × uv = 72,000). 50 products listed, 20 sold. 30 days: 120 buyers, 3,500.00.
        Figures f = Kpis.of(new Totals(WEEK, new OrderTotals(40, 100_000, 36, 4, 30, 12),
                new TrafficTotals(7, 1_200, 3_300, 1_000, 550, 1_200, 72_000), new ProductTotals(50, 20),
                new WindowTotals(120, 350_000)));
        assertEquals(100_000, f.sales());
        assertEquals(40, f.orders());
        assertEquals(36, f.buyers());
        assertEquals(1_200, f.uv());
        assertEquals(3_300, f.pv());
        assertEquals(0.03, f.conversionRate(), 1e-12);      // 36 / 1200
        assertEquals(2_778, f.aov());                       // 100000 / 36 = 2777.8 → 2778
        assertEquals(2.75, f.pagesPerVisit(), 1e-12);       // 3300 / 1200
        assertEquals(0.55, f.bounceRate(), 1e-12);          // 550 / 1000
        assertEquals(60, f.avgStaySeconds(), 1e-12);        // 72000 / 1200
        assertEquals(0.1, f.refundRate(), 1e-12);           // 4 / 40
        assertEquals(0.4, f.sellThrough(), 1e-12);          // 20 / 50
        assertEquals(0.4, f.repeatBuyerShare(), 1e-12);     // 12 / 30
        assertEquals(120, f.buyers30d());
        assertEquals(350_000, f.gmv30d());
        for (String name : Kpis.NAMES) {
            f.get(name); // every name is served
            assertTrue(Kpis.DEFINITIONS.containsKey(name), name + " has a definition");
        }
        assertEquals(15, Kpis.NAMES.length);
        Figures unknown = Kpis.of(new Totals(WEEK, null, null, null, null));
        Figures lastYear = Kpis.of(new Totals(WEEK, new OrderTotals(1, 90_000, 1, 0, 1, 0), null, null, null));
        Kpis.Compared sales = Kpis.compare(f, unknown, lastYear).get("sales");
        assertEquals(Arrays.asList(100_000L, null, 90_000L), Arrays.asList(sales.value(), sales.previous(), sales.lastYear()));
        assertEquals(Arrays.asList(Kpis.NAMES), java.util.List.copyOf(Kpis.compare(f, unknown, lastYear).keySet()));
    }

    @Test
    void missingDataIsNullNotZero() {
        // Orders unknown, traffic on 6 of 7 days.
        Figures f = Kpis.of(new Totals(WEEK, null, new TrafficTotals(6, 1_000, 2_000, 1_000, 500, 0, 0), null, null));
        assertNull(f.sales());
        assertNull(f.orders());
        assertNull(f.buyers());
        assertNull(f.uv(), "six days of visitors are not the week's");
        assertNull(f.pv());
        assertNull(f.conversionRate());
        assertNull(f.aov());
        assertNull(f.pagesPerVisit());
        assertEquals(0.5, f.bounceRate(), 1e-12, "a visitor-weighted average over the days that have it");
        assertNull(f.avgStaySeconds(), "no day has a stay");
        assertNull(f.refundRate());
        assertNull(f.sellThrough());
        assertNull(f.repeatBuyerShare());
        assertNull(f.buyers30d());
        assertNull(f.gmv30d());
    }

    @Test
    void zeroDivisorsGiveNullAndKnownZerosStayZero() {
        Figures f = Kpis.of(new Totals(WEEK, new OrderTotals(0, 0, 0, 0, 0, 0), new TrafficTotals(7, 0, 0, 0, 0, 0, 0),
                new ProductTotals(0, 0), new WindowTotals(0, 0)));
        assertEquals(0, f.sales());
        assertEquals(0, f.orders());
        assertEquals(0, f.uv());
        assertNull(f.conversionRate());
        assertNull(f.aov());
        assertNull(f.pagesPerVisit());
        assertNull(f.bounceRate());
        assertNull(f.refundRate());
        assertNull(f.sellThrough());
        assertNull(f.repeatBuyerShare());
        assertEquals(0, f.buyers30d());

        Figures some = Kpis.of(new Totals(WEEK, new OrderTotals(0, 0, 0, 0, 0, 0), new TrafficTotals(7, 500, 900, 0, 0, 0, 0),
                new ProductTotals(10, 0), null));
        assertEquals(0.0, some.conversionRate(), "visitors and no buyers: a real 0");
        assertEquals(0.0, some.sellThrough());
    }
}
