package com.shopops.platform.data;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a price change deserves an alert in the briefing; figures checked by hand. */
class PriceAlertsTest {

    private final PriceAlerts alerts = PriceAlerts.DEFAULTS;

    @Test
    void anOrdinaryRepricingIsNoAlert() {
        assertNull(alerts.reason(List.of(new PriceAlerts.Move("A", 9900L, 8900L), new PriceAlerts.Move("B", 1000L, 1490L))),
                "−10% and +49% are ordinary");
    }

    @Test
    void aPriceMovedByHalfOrMoreIsTheClassicSlip() {
        String reason = alerts.reason(List.of(new PriceAlerts.Move("A", 9900L, 990L)));
        assertTrue(reason.contains("A moved 90%") && reason.contains("9900 → 990"), reason);
        assertTrue(alerts.reason(List.of(new PriceAlerts.Move("B", 1000L, 1500L))).contains("moved 50%"), "exactly half counts");
    }

    @Test
    void twentyProductsRepricedAtOnceIsABulkChangeButUnchangedPricesDoNotCount() {
        List<PriceAlerts.Move> moves = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            moves.add(new PriceAlerts.Move("S" + i, 1000L, 990L));
        }
        moves.add(new PriceAlerts.Move("same", 500L, 500L));
        assertNull(alerts.reason(moves), "19 changed and one unchanged");
        moves.add(new PriceAlerts.Move("S19", 1000L, 990L));
        assertTrue(alerts.reason(moves).contains("20 products repriced"));
    }

    @Test
    void unknownOrZeroOldPricesAreNoMoveAtAll() {
        assertNull(alerts.reason(List.of(new PriceAlerts.Move("new", null, 1000L), new PriceAlerts.Move("free", 0L, 1000L))));
    }
}
