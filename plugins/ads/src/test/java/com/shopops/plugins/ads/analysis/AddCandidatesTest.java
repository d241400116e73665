package com.shopops.plugins.ads.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.shopops.plugins.ads.analysis.KeywordDecision.Action;
import com.shopops.plugins.ads.analysis.KeywordDecision.Reason;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddCandidatesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 15);
    private static final List<KeywordStats> BOUGHT = List.of(
            new KeywordStats("夏季", "连衣裙", "SKU1", "连衣裙", DAY, DAY, 1_000, 50, 5_000, 2, 20_000, null, null, 100L),
            new KeywordStats("夏季", "连衣裙", "SKU1", "Linen Dress", DAY, DAY, 500, 10, 1_000, 0, 0, null, null, 100L));

    private static SearchTermStats term(String group, String matched, String term, long clicks, long cost, long orders, long gmv) {
        return new SearchTermStats("夏季", group, "", matched, term, clicks * 20, clicks, cost, orders, gmv);
    }

    @Test
    void normalisedFoldsWidthCaseAndSpaces() {
        assertEquals("linen dress", AddCandidates.normalised("  Ｌｉｎｅｎ　 DRESS \t"));
        assertEquals("碎花连衣裙 2026", AddCandidates.normalised("碎花连衣裙　　２０２６"));
        assertEquals("", AddCandidates.normalised(null));
        assertEquals("", AddCandidates.normalised(" 　 "));
        // Google's match types are spellings of one keyword
        assertEquals("chef knife", AddCandidates.normalised("[Chef Knife]"));
        assertEquals("chef knife", AddCandidates.normalised("\"chef knife\""));
        assertEquals("chef knife", AddCandidates.normalised("+chef +knife"));
    }

    @Test
    void termsThatSoldAndAreNotBoughtRankedByGmv() {
        List<KeywordDecision> adds = AddCandidates.find(List.of(
                // sold 2 × 150.00 for 20.00: ROI 15
                term("连衣裙", "连衣裙", "碎花连衣裙 夏", 20, 2_000, 2, 30_000),
                // sold once for 200.00, cost 50.00: ROI 4, the most GMV
                term("连衣裙", "连衣裙", "法式连衣裙", 25, 5_000, 1, 20_000),
                // the same term in another ad group, written differently: added up, 100.00 more for 20.00
                term("长裙", "长裙", "法式连衣裙 ", 10, 2_000, 1, 10_000),
                // ROI 2 is under target
                term("连衣裙", "连衣裙", "便宜连衣裙", 30, 5_000, 1, 10_000),
                // no orders
                term("连衣裙", "连衣裙", "连衣裙 女", 40, 4_000, 0, 0),
                // bought already, in full-width capitals
                term("连衣裙", "Linen Dress", "ＬＩＮＥＮ　ＤＲＥＳＳ", 5, 500, 3, 90_000),
                // the keyword it matched is bought, even if the keyword report does not list it
                term("连衣裙", "夏装", "夏装", 5, 500, 3, 90_000)),
                BOUGHT, AdSettings.DEFAULT);
        assertEquals(List.of("法式连衣裙", "碎花连衣裙 夏"), adds.stream().map(KeywordDecision::keyword).toList());
        KeywordDecision first = adds.get(0);
        assertEquals(Action.ADD, first.action());
        assertEquals(Reason.SEARCH_TERM_SOLD.key(), first.reasonKey());
        assertEquals("连衣裙", first.adGroup(), "where it sold most");
        assertEquals("SKU1", first.product());
        assertEquals(35, first.evidence().clicks());
        assertEquals(2, first.evidence().orders());
        assertEquals(30_000, first.evidence().gmv());
        assertEquals(List.of(2L, 30_000L, 30_000 / 7_000.0, 3.0), first.reasonArgs());
        assertEquals(200L, first.suggestedBid(), "the observed CPC, 70.00 / 35 clicks");
        assertNull(first.currentBid());
        assertEquals(0.0571, first.evidence().conversionRate(), 1e-4);
        KeywordDecision second = adds.get(1);
        assertEquals(15.0, second.evidence().roi(), 1e-12);
        assertEquals(100L, second.suggestedBid());
    }

    @Test
    void targetRoiExactlyMetQualifiesAndFreeClicksToo() {
        List<KeywordDecision> adds = AddCandidates.find(List.of(
                term("连衣裙", "连衣裙", "正好", 10, 10_000, 1, 30_000),
                term("连衣裙", "连衣裙", "差一点", 10, 10_001, 1, 30_000),
                term("连衣裙", "连衣裙", "免费", 3, 0, 1, 5_000)), BOUGHT, AdSettings.DEFAULT);
        assertEquals(List.of("正好", "免费"), adds.stream().map(KeywordDecision::keyword).toList());
        assertEquals(Reason.SEARCH_TERM_SOLD_FREE.key(), adds.get(1).reasonKey());
        assertEquals(List.of(1L, 5_000L), adds.get(1).reasonArgs());
        assertNull(adds.get(1).suggestedBid(), "no CPC to start from");
    }

    @Test
    void theShopCanAskForMoreOrders() {
        AdSettings strict = AdSettings.fromSettings(java.util.Map.of(AdSettings.ADD_MIN_ORDERS, "2"));
        List<KeywordDecision> adds = AddCandidates.find(List.of(
                term("连衣裙", "连衣裙", "碎花连衣裙 夏", 20, 2_000, 2, 30_000),
                term("连衣裙", "连衣裙", "法式连衣裙", 25, 5_000, 1, 20_000)), BOUGHT, strict);
        assertEquals(List.of("碎花连衣裙 夏"), adds.stream().map(KeywordDecision::keyword).toList());
    }
}
