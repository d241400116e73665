package com.shopops.plugins.members.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SegmentTest {

    @Test
    void theGridCellByCell() {
        // rows R1..R5, columns F1..F5, copied from the contract's table
        String[][] expected = {
                {"lost", "hibernating", "at-risk", "at-risk", "cant-lose"},
                {"hibernating", "hibernating", "at-risk", "at-risk", "cant-lose"},
                {"about-to-sleep", "about-to-sleep", "need-attention", "loyal", "loyal"},
                {"promising", "potential-loyal", "potential-loyal", "loyal", "loyal"},
                {"new", "potential-loyal", "potential-loyal", "champions", "champions"},
        };
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                assertEquals(expected[r - 1][f - 1], Segment.of(r, f).id(), "R" + r + " F" + f);
            }
        }
    }

    @Test
    void everySegmentIsReachableOnTheGrid() {
        Set<Segment> seen = EnumSet.noneOf(Segment.class);
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                seen.add(Segment.of(r, f));
            }
        }
        assertEquals(EnumSet.allOf(Segment.class), seen);
    }

    @Test
    void scoresOutsideOneToFiveAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Segment.of(0, 3));
        assertThrows(IllegalArgumentException.class, () -> Segment.of(3, 6));
        assertThrows(IllegalArgumentException.class, () -> Segment.of(6, 1));
    }

    @Test
    void idsInEnumOrderAndBack() {
        assertEquals(List.of("champions", "loyal", "potential-loyal", "new", "promising", "need-attention",
                        "about-to-sleep", "at-risk", "cant-lose", "hibernating", "lost"),
                Arrays.stream(Segment.values()).map(Segment::id).toList());
        for (Segment s : Segment.values()) {
            assertEquals(s, Segment.byId(s.id()));
        }
    }

    @Test
    void anUnknownIdNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Segment.byId("CHAMPIONS"));
        for (Segment s : Segment.values()) {
            assertTrue(e.getMessage().contains(s.id()), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Segment.byId(null));
    }

    @Test
    void suggestedOffers() {
        assertEquals(EnumSet.of(Segment.NEW, Segment.PROMISING), having(Offer.FIRST_ORDER_COUPON));
        assertEquals(EnumSet.of(Segment.CHAMPIONS, Segment.LOYAL, Segment.POTENTIAL_LOYAL, Segment.NEED_ATTENTION),
                having(Offer.MEMBER_PRICE));
        assertEquals(EnumSet.of(Segment.ABOUT_TO_SLEEP, Segment.AT_RISK, Segment.CANT_LOSE, Segment.HIBERNATING,
                Segment.LOST), having(Offer.WIN_BACK_COUPON));
    }

    private static Set<Segment> having(Offer offer) {
        return Arrays.stream(Segment.values()).filter(s -> s.suggestedOffer() == offer)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Segment.class)));
    }

    @Test
    void valuableAndSlipping() {
        assertEquals(EnumSet.of(Segment.CHAMPIONS, Segment.LOYAL),
                Arrays.stream(Segment.values()).filter(Segment::valuable)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Segment.class))));
        assertEquals(EnumSet.of(Segment.AT_RISK, Segment.CANT_LOSE, Segment.HIBERNATING, Segment.LOST),
                Arrays.stream(Segment.values()).filter(Segment::slipping)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Segment.class))));
    }

    @Test
    void offerIds() {
        assertEquals(List.of("first-order-coupon", "member-price", "win-back-coupon"),
                Arrays.stream(Offer.values()).map(Offer::id).toList());
        for (Offer o : Offer.values()) {
            assertEquals(o, Offer.byId(o.id()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Offer.byId("coupon"));
        assertTrue(e.getMessage().contains("first-order-coupon") && e.getMessage().contains("member-price")
                && e.getMessage().contains("win-back-coupon"), e.getMessage());
    }
}
