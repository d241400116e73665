package com.shopops.plugins.traffic.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.shopops.plugins.traffic.analysis.Funnel.Benchmarks;
import com.shopops.plugins.traffic.analysis.Funnel.Stage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FunnelTest {

    private static final Benchmarks TEN_AND_TWENTY_FIVE = new Benchmarks(0.10, 0.25);

    @Test
    void ratesAreEventRatiosAndConversionIsPerShopper() {
        // 200 views, 10 favourites + 10 carts, 5 buys by 4 of 50 visitors
        Funnel f = new Funnel(50, 200, 10, 10, 5, 4);
        assertEquals(20, f.intents());
        assertEquals(0.10, f.viewToIntent(), 1e-12);
        assertEquals(0.25, f.intentToBuy(), 1e-12);
        assertEquals(0.025, f.viewToBuy(), 1e-12);
        assertEquals(0.08, f.conversionRate(), 1e-12);
    }

    @Test
    void ratesWithoutADenominatorAreNull() {
        assertNull(Funnel.EMPTY.viewToIntent());
        assertNull(Funnel.EMPTY.intentToBuy());
        assertNull(Funnel.EMPTY.viewToBuy());
        assertNull(Funnel.EMPTY.conversionRate());
        assertEquals(Optional.empty(), Funnel.EMPTY.leak(Benchmarks.DEFAULT), "nothing viewed, nothing leaks");
        Funnel viewsOnly = new Funnel(3, 30, 0, 0, 0, 0);
        assertEquals(0.0, viewsOnly.viewToIntent());
        assertNull(viewsOnly.intentToBuy(), "no intent, no intent → buy rate");
        assertEquals(Optional.of(Stage.VIEW_TO_INTENT), viewsOnly.leak(Benchmarks.DEFAULT));
    }

    @Test
    void theLeakIsTheStageFurthestBelowItsBenchmark() {
        // view → intent 5% (half its 10%), intent → buy 20% (0.8 of its 25%)
        Funnel first = new Funnel(100, 1000, 20, 30, 10, 9);
        assertEquals(0.5, first.index(Stage.VIEW_TO_INTENT, TEN_AND_TWENTY_FIVE), 1e-12);
        assertEquals(0.8, first.index(Stage.INTENT_TO_BUY, TEN_AND_TWENTY_FIVE), 1e-12);
        assertEquals(Optional.of(Stage.VIEW_TO_INTENT), first.leak(TEN_AND_TWENTY_FIVE));

        // view → intent 9% (0.9), intent → buy 10% (0.4): the purchase stage leaks although fewer drop there
        Funnel second = new Funnel(100, 1000, 40, 50, 9, 9);
        assertEquals(Optional.of(Stage.INTENT_TO_BUY), second.leak(TEN_AND_TWENTY_FIVE));
    }

    @Test
    void nothingLeaksWhenEveryStageMeetsItsBenchmark() {
        Funnel exact = new Funnel(100, 1000, 50, 50, 25, 20); // exactly 10% and 25%
        assertEquals(Optional.empty(), exact.leak(TEN_AND_TWENTY_FIVE));
        Funnel strong = new Funnel(100, 1000, 100, 100, 80, 60);
        assertEquals(Optional.empty(), strong.leak(TEN_AND_TWENTY_FIVE));
    }

    @Test
    void onATieTheEarlierStageLeaks() {
        // 5% of views show intent (0.5 of 10%), 25 of 50 intents buy (0.5 of 100%)
        Funnel tie = new Funnel(100, 1000, 25, 25, 25, 20);
        assertEquals(Stage.VIEW_TO_INTENT, tie.leak(new Benchmarks(0.10, 1.0)).orElseThrow());
        // one buy fewer: 0.48 of its benchmark, now the later stage is further below
        Funnel oneLess = new Funnel(100, 1000, 25, 25, 24, 20);
        assertEquals(Stage.INTENT_TO_BUY, oneLess.leak(new Benchmarks(0.10, 1.0)).orElseThrow());
    }

    @Test
    void buyingStraightFromThePageGivesAnIntentRateAboveOne() {
        Funnel f = new Funnel(10, 100, 0, 2, 5, 5);
        assertEquals(2.5, f.intentToBuy(), 1e-12);
        assertEquals(Optional.of(Stage.VIEW_TO_INTENT), f.leak(TEN_AND_TWENTY_FIVE));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Funnel(-1, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Benchmarks(0, 0.2));
        assertEquals(Stage.INTENT_TO_BUY, Stage.parse("intentToBuy"));
        assertThrows(IllegalArgumentException.class, () -> Stage.parse("cart"));
    }
}
