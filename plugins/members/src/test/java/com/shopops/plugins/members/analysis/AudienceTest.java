package com.shopops.plugins.members.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AudienceTest {

    private static final LocalDate NOV_10 = LocalDate.of(2025, 11, 10);
    private static final Candidate GOLD_AT_RISK = new Candidate(1, "alice", Segment.AT_RISK, "Gold",
            Set.of("VIP", "wholesale"), NOV_10, 80_000);

    @Test
    void theEmptyFilterTakesEveryone() {
        assertTrue(new AudienceFilter(null, null, null, null, null).matches(GOLD_AT_RISK));
        assertTrue(new AudienceFilter(Set.of(), Set.of(), Set.of(), null, null)
                .matches(new Candidate(2, "bob", null, null, null, null, 0)));
    }

    @Test
    void eachCondition() {
        assertTrue(filter(Set.of(Segment.AT_RISK, Segment.LOST), null, null).matches(GOLD_AT_RISK));
        assertFalse(filter(Set.of(Segment.CHAMPIONS), null, null).matches(GOLD_AT_RISK));
        assertTrue(filter(null, Set.of("gold"), null).matches(GOLD_AT_RISK), "tiers ignore case");
        assertFalse(filter(null, Set.of("Silver"), null).matches(GOLD_AT_RISK));
        assertTrue(filter(null, null, Set.of("vip", "new-year")).matches(GOLD_AT_RISK), "any tag, ignoring case");
        assertFalse(filter(null, null, Set.of("new-year")).matches(GOLD_AT_RISK));
        // all conditions must hold together
        assertFalse(filter(Set.of(Segment.AT_RISK), Set.of("Gold"), Set.of("new-year")).matches(GOLD_AT_RISK));
    }

    @Test
    void lastOrderDaysAreInclusive() {
        assertTrue(new AudienceFilter(null, null, null, NOV_10, NOV_10).matches(GOLD_AT_RISK));
        assertFalse(new AudienceFilter(null, null, null, NOV_10.plusDays(1), null).matches(GOLD_AT_RISK));
        assertFalse(new AudienceFilter(null, null, null, null, NOV_10.minusDays(1)).matches(GOLD_AT_RISK));
        Candidate never = new Candidate(3, "chen", Segment.NEW, null, Set.of(), null, 0);
        assertFalse(new AudienceFilter(null, null, null, null, NOV_10).matches(never), "no last order, no match");
        assertFalse(filter(null, Set.of("Gold"), null).matches(never), "no tier, no match");
        assertFalse(filter(Set.of(Segment.NEW), null, null)
                .matches(new Candidate(4, "dan", null, null, null, null, 0)), "not scored, no segment match");
    }

    private static AudienceFilter filter(Set<Segment> segments, Set<String> tiers, Set<String> tags) {
        return new AudienceFilter(segments, tiers, tags, null, null);
    }

    @Test
    void holdoutShareAndDisjointHalves() {
        List<Long> ids = new ArrayList<>();
        for (long id = 1; id <= 100; id++) {
            ids.add(id);
        }
        ids.add(5L);
        ids.add(50L);
        Holdout.Split split = Holdout.split(ids, 0.2, 99);
        assertEquals(20, split.holdout().size(), "0.2 × 100 distinct ids");
        assertEquals(80, split.treated().size());
        Set<Long> all = new HashSet<>(split.treated());
        all.addAll(split.holdout());
        assertEquals(new HashSet<>(ids), all, "every id in exactly one half");
        assertEquals(new ArrayList<>(new TreeSet<>(split.holdout())), split.holdout(), "ascending");
        assertEquals(new ArrayList<>(new TreeSet<>(split.treated())), split.treated(), "ascending");
    }

    @Test
    void theSameSeedGivesTheSameSplitWhateverTheOrder() {
        List<Long> ids = new ArrayList<>();
        for (long id = 1000; id < 1200; id++) {
            ids.add(id);
        }
        Holdout.Split first = Holdout.split(ids, 0.1, 7);
        Collections.shuffle(ids, new Random(1));
        assertEquals(first, Holdout.split(ids, 0.1, 7));
        assertNotEquals(first.holdout(), Holdout.split(ids, 0.1, 8).holdout());
    }

    @Test
    void theSplitIsTheContractsShuffle() {
        // The recipe other code (a stored action re-made later) relies on, step by step.
        List<Long> ids = List.of(30L, 10L, 20L, 40L, 50L, 10L);
        List<Long> expected = new ArrayList<>(List.of(10L, 20L, 30L, 40L, 50L));
        Collections.shuffle(expected, new Random(2024));
        // round(0.5 × 5) = round(2.5) = 3 held out
        List<Long> holdout = new ArrayList<>(expected.subList(0, 3));
        List<Long> treated = new ArrayList<>(expected.subList(3, 5));
        Collections.sort(holdout);
        Collections.sort(treated);
        assertEquals(new Holdout.Split(treated, holdout), Holdout.split(ids, 0.5, 2024));
    }

    @Test
    void sharesOutsideZeroToAHalfAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Holdout.split(List.of(1L), 0.51, 1));
        assertThrows(IllegalArgumentException.class, () -> Holdout.split(List.of(1L), -0.01, 1));
        assertThrows(IllegalArgumentException.class, () -> Holdout.split(List.of(1L), Double.NaN, 1));
        Holdout.Split none = Holdout.split(List.of(3L, 1L), 0, 1);
        assertEquals(List.of(1L, 3L), none.treated());
        assertTrue(none.holdout().isEmpty());
        assertTrue(Holdout.split(List.of(), 0.5, 1).treated().isEmpty());
    }
}
