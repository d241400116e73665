package com.shopops.plugins.members.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TierLadderTest {

    @Test
    void defaults() {
        assertEquals(List.of(new Tier("Member", 0, 0), new Tier("Silver", 100_000, 5), new Tier("Gold", 500_000, 10)),
                TierLadder.defaults().tiers());
    }

    @Test
    void theHighestTierReached() {
        TierLadder ladder = TierLadder.defaults();
        assertEquals("Member", ladder.tierFor(0).name());
        assertEquals("Member", ladder.tierFor(99_999).name());
        assertEquals("Silver", ladder.tierFor(100_000).name(), "reaching the minimum is enough");
        assertEquals("Silver", ladder.tierFor(499_999).name());
        assertEquals("Gold", ladder.tierFor(500_000).name());
        assertEquals("Gold", ladder.tierFor(Long.MAX_VALUE).name());
        assertNull(ladder.tierFor(-1), "a refund-heavy customer below every tier");
        assertNull(new TierLadder(List.of(new Tier("VIP", 1_000, 3))).tierFor(999));
    }

    @Test
    void eachRuleNamesTheTier() {
        refused(List.of(new Tier("Member", 0, 0), new Tier(" ", 10, 0)), "tier 2", "name");
        refused(List.of(new Tier(null, 0, 0)), "tier 1", "name");
        refused(List.of(new Tier("x".repeat(41), 0, 0)), "tier 1", "40");
        refused(List.of(new Tier("Gold", 0, 0), new Tier("gold", 10, 0)), "gold", "already used");
        refused(List.of(new Tier("Member", -1, 0)), "Member", "0 or more");
        refused(List.of(new Tier("Member", 0, 0), new Tier("Silver", 0, 5)), "Silver", "above the previous");
        refused(List.of(new Tier("Member", 100, 0), new Tier("Silver", 50, 5)), "Silver", "above the previous");
        refused(List.of(new Tier("Gold", 0, 91)), "Gold", "90 percent");
        refused(List.of(new Tier("Gold", 0, -1)), "Gold", "90 percent");
    }

    @Test
    void oneToTenTiers() {
        refused(List.of(), "1 to 10", "0");
        refused(null, "1 to 10", "0");
        List<Tier> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(new Tier("T" + i, i, 0));
        }
        refused(eleven, "1 to 10", "11");
        assertEquals(10, new TierLadder(eleven.subList(0, 10)).tiers().size());
    }

    @Test
    void theLimitsThemselvesPass() {
        // 40 characters (CJK counted as one each), 90 percent, a start above 0
        TierLadder ladder = new TierLadder(List.of(new Tier("金".repeat(40), 1, 90)));
        assertEquals(90, ladder.tiers().get(0).discountPercent());
    }

    private static void refused(List<Tier> tiers, String... said) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TierLadder(tiers));
        for (String s : said) {
            assertTrue(e.getMessage().contains(s), e.getMessage() + " should say " + s);
        }
    }

    @Test
    void pointsForWholeMajorUnits() {
        assertEquals(246, MemberPoints.earned(12_345, 2), "123 whole units × 2");
        assertEquals(1, MemberPoints.earned(100, 1));
        assertEquals(0, MemberPoints.earned(99, 5), "cents earn nothing");
        assertEquals(0, MemberPoints.earned(0, 5));
        assertEquals(0, MemberPoints.earned(-500, 1), "a refund earns nothing");
        assertEquals(0, MemberPoints.earned(50_000, 0), "points switched off");
        assertThrows(IllegalArgumentException.class, () -> MemberPoints.earned(100, -1));
    }
}
