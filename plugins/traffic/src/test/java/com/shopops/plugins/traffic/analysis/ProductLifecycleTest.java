package com.shopops.plugins.traffic.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.shopops.plugins.traffic.analysis.ProductLifecycle.Stage;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductLifecycleTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);
    private static final LocalDate LONG_AGO = LocalDate.of(2023, 1, 1);

    private static Stage stage(long... weeks) {
        return ProductLifecycle.of(AS_OF, LONG_AGO, LONG_AGO, weeks).stage();
    }

    @Test
    void aProductListedFewerThan28DaysAgoIsNew() {
        long[] flat = {0, 0, 0, 0, 5, 5, 5, 5};
        assertEquals(Stage.NEW, ProductLifecycle.of(AS_OF, AS_OF, null, flat).stage(), "listed today");
        assertEquals(Stage.NEW, ProductLifecycle.of(AS_OF, AS_OF.minusDays(27), null, flat).stage(), "27 days");
        assertEquals(Stage.GROWING, ProductLifecycle.of(AS_OF, AS_OF.minusDays(28), null, flat).stage(), "28 days: judged by sales");
    }

    @Test
    void withoutAListingDayTheFirstSaleCounts() {
        long[] flat = {0, 0, 0, 0, 0, 0, 0, 3};
        assertEquals(Stage.NEW, ProductLifecycle.of(AS_OF, null, AS_OF.minusDays(3), flat).stage());
        assertEquals(Stage.GROWING, ProductLifecycle.of(AS_OF, null, AS_OF.minusDays(300), flat).stage(),
                "sold long ago, nothing in the earlier weeks, now selling: growing");
        assertEquals(Stage.INACTIVE, ProductLifecycle.of(AS_OF, null, null, new long[8]).stage(), "never sold");
        assertEquals(Stage.NEW, ProductLifecycle.of(AS_OF, AS_OF.minusDays(3), AS_OF.minusDays(300), flat).stage(),
                "the listing day wins over an older sale (a relisted product)");
    }

    @Test
    void theTrendOfTheLastFourWeeksAgainstTheFourBeforeDecides() {
        assertEquals(Stage.GROWING, stage(10, 10, 10, 10, 12, 12, 12, 12), "exactly 1.2×");
        assertEquals(Stage.MATURE, stage(10, 10, 10, 10, 12, 12, 12, 11), "just under 1.2×");
        assertEquals(Stage.MATURE, stage(10, 10, 10, 10, 10, 10, 10, 10), "flat");
        assertEquals(Stage.MATURE, stage(10, 10, 10, 10, 8, 8, 8, 9), "just over 0.8×");
        assertEquals(Stage.DECLINING, stage(10, 10, 10, 10, 8, 8, 8, 8), "exactly 0.8×");
        assertEquals(Stage.DECLINING, stage(10, 10, 10, 10, 0, 0, 0, 0), "stopped selling");
        assertEquals(Stage.GROWING, stage(0, 0, 0, 0, 0, 0, 0, 1), "from nothing");
        assertEquals(Stage.INACTIVE, stage(0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void itReportsItsHalvesAndTrend() {
        ProductLifecycle life = ProductLifecycle.of(AS_OF, LONG_AGO, LONG_AGO, new long[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertEquals(10, life.earlierUnits());
        assertEquals(26, life.recentUnits());
        assertEquals(2.6, life.trend(), 1e-12);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), life.weeklyUnits());
        assertNull(ProductLifecycle.of(AS_OF, LONG_AGO, LONG_AGO, new long[8]).trend());
    }

    @Test
    void weeksAreSevenDaysEndingOnTheDayJudged() {
        assertArrayEquals(new LocalDate[] {LocalDate.of(2024, 6, 24), AS_OF}, ProductLifecycle.week(AS_OF, 7));
        assertArrayEquals(new LocalDate[] {LocalDate.of(2024, 5, 6), LocalDate.of(2024, 5, 12)}, ProductLifecycle.week(AS_OF, 0));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ProductLifecycle.of(AS_OF, null, null, new long[7]));
        assertThrows(IllegalArgumentException.class, () -> ProductLifecycle.of(AS_OF, null, null, new long[] {0, 0, 0, 0, 0, 0, 0, -1}));
    }
}
