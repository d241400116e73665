package com.shopops.plugins.ads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Shop;
import com.shopops.api.domain.TrafficDay;
import com.shopops.platform.Installation;
import com.shopops.platform.testing.DemoShops;
import com.shopops.plugins.ads.analysis.AddCandidates;
import com.shopops.plugins.ads.analysis.SearchTermStats;
import com.shopops.plugins.ads.analysis.KeywordStats;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ads part of the demo shop, written after the core demo into a real SQLite database: the same
 * seed gives the same rows, ad clicks follow the paid traffic source, and each story the keyword
 * decisions should find is there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdsDemoTest {

    private static final LocalDate LAST = LocalDate.of(2026, 11, 22);
    private static final int DAYS = 60;
    private static final LocalDate FROM = LAST.minusDays(DAYS - 1);
    private static final LocalDate MONTH = LAST.minusDays(29);

    @TempDir
    static Path dir;

    private Made first;
    private Made second;

    private record Made(Installation installation, Shop shop, AdsStore store) {
    }

    private Made make(String name, long seed) {
        DemoShops.Made made = DemoShops.make(dir.resolve(name), "ads", AdsDemoTest.class.getClassLoader(), new AdsDemo(), seed, DAYS, LAST);
        return new Made(made.installation(), made.shop(), new AdsStore(made.installation().database().jdbi()));
    }

    @BeforeAll
    void makeTwice() throws Exception {
        first = make("a", 7);
        second = make("b", 7);
    }

    @org.junit.jupiter.api.AfterAll
    void close() throws Exception {
        for (Made m : new Made[] {first, second}) {
            if (m != null) {
                m.installation().close();
            }
        }
    }

    @Test
    void theSameSeedMakesTheSameRows() {
        AdsStore a = first.store();
        AdsStore b = second.store();
        long shopA = first.shop().id();
        long shopB = second.shop().id();
        assertEquals(a.keywordDays(shopA, FROM, LAST), b.keywordDays(shopB, FROM, LAST));
        assertEquals(a.searchTerms(shopA, FROM, LAST), b.searchTerms(shopB, FROM, LAST));
        assertEquals(a.otherSpend(shopA, FROM, LAST), b.otherSpend(shopB, FROM, LAST));
    }

    @Test
    void theShopHasSixCampaignsTwentyAdGroupsAndAboutAHundredAndFortyKeywords() {
        List<KeywordStats> all = first.store().keywords(first.shop().id(), FROM, LAST);
        assertEquals(6, all.stream().map(KeywordStats::campaign).distinct().count());
        assertEquals(20, all.stream().map(KeywordStats::adGroup).distinct().count());
        assertTrue(all.size() >= 130 && all.size() <= 160, all.size() + " keywords");
        assertEquals(LAST, first.store().latestKeywordDay(first.shop().id()).orElseThrow());
    }

    @Test
    void adClicksFollowThePaidTrafficSource() {
        long shop = first.shop().id();
        Map<LocalDate, Long> clicks = first.store().keywordDays(shop, FROM, LAST).stream()
                .collect(Collectors.groupingBy(KeywordStats::from, Collectors.summingLong(KeywordStats::clicks)));
        List<TrafficDay> paid = first.installation().data().traffic(shop, FROM, LAST).stream()
                .filter(t -> t.source().equals(AdsDemo.PAID_SOURCE)).toList();
        assertEquals(DAYS, paid.size());
        for (TrafficDay t : paid) {
            double ratio = (double) clicks.get(t.day()) / t.uv();
            assertTrue(ratio > 0.8 && ratio < 1.2, t.day() + ": " + clicks.get(t.day()) + " ad clicks, " + t.uv() + " paid UV");
        }
    }

    private KeywordStats keyword(String keyword, LocalDate from, LocalDate to) {
        return first.store().keywords(first.shop().id(), from, to).stream().filter(k -> k.keyword().equals(keyword))
                .findFirst().orElseThrow(() -> new AssertionError("no keyword " + keyword));
    }

    @Test
    void aKeywordBurnsMoneyWithoutOrders() {
        KeywordStats k = keyword(AdsDemo.BURNING, MONTH, LAST);
        assertEquals(0, k.orders());
        assertTrue(k.clicks() >= 300 && k.cost() >= 50_000, k.toString());
    }

    @Test
    void aKeywordHasAHighRoiOnPlentyOfEvidence() {
        KeywordStats k = keyword(AdsDemo.HIGH_ROI, MONTH, LAST);
        assertTrue(k.clicks() >= 500, k.toString());
        assertTrue(k.gmv() >= 5 * k.cost(), "ROI " + (double) k.gmv() / k.cost());
    }

    @Test
    void aKeywordHasOneClickAndOneOrderYesterdayOnly() {
        KeywordStats k = keyword(AdsDemo.ONE_CLICK, FROM, LAST);
        assertEquals(List.of(1L, 1L, LAST), List.of(k.clicks(), k.orders(),
                first.store().keywordDays(first.shop().id(), FROM, LAST).stream()
                        .filter(d -> d.keyword().equals(AdsDemo.ONE_CLICK)).map(KeywordStats::from).findFirst().orElseThrow()));
        assertFalse(first.store().keywords(first.shop().id(), FROM, LAST.minusDays(1)).stream()
                .anyMatch(d -> d.keyword().equals(AdsDemo.ONE_CLICK)));
    }

    @Test
    void aQualityScoreDroppedYesterday() {
        assertEquals(9, keyword(AdsDemo.QUALITY_DROP, LAST.minusDays(1), LAST.minusDays(1)).qualityScore());
        assertEquals(5, keyword(AdsDemo.QUALITY_DROP, LAST, LAST).qualityScore());
    }

    @Test
    void aKeywordsCtrIsFarBelowItsAdGroups() {
        List<KeywordStats> all = first.store().keywords(first.shop().id(), MONTH, LAST);
        KeywordStats low = keyword(AdsDemo.LOW_CTR, MONTH, LAST);
        long clicks = 0;
        long impressions = 0;
        for (KeywordStats k : all) {
            if (k.adGroup().equals(low.adGroup()) && k != low && !k.keyword().equals(low.keyword())) {
                clicks += k.clicks();
                impressions += k.impressions();
            }
        }
        double groupCtr = (double) clicks / impressions;
        double ctr = (double) low.clicks() / low.impressions();
        assertTrue(low.impressions() >= 10_000, low.toString());
        assertTrue(ctr < groupCtr / 4, "CTR " + ctr + " against the ad group's " + groupCtr);
    }

    @Test
    void convertingSearchTermsAreNotKeywordsYet() {
        List<SearchTermStats> terms = first.store().searchTerms(first.shop().id(), MONTH, LAST);
        java.util.Set<String> bought = new java.util.HashSet<>();
        first.store().keywords(first.shop().id(), MONTH, LAST).forEach(k -> bought.add(AddCandidates.normalised(k.keyword())));
        for (var story : AdsDemo.STORY_TERMS.entrySet()) {
            SearchTermStats t = terms.stream().filter(s -> s.searchTerm().equals(story.getValue())).findFirst().orElseThrow();
            assertEquals(story.getKey(), t.keyword());
            assertFalse(bought.contains(AddCandidates.normalised(t.searchTerm())), t.toString());
            assertTrue(t.orders() >= 3, t.toString());
        }
        assertTrue(terms.stream().anyMatch(t -> bought.contains(AddCandidates.normalised(t.searchTerm()))),
                "the keywords' own terms are keywords");
        assertTrue(first.store().searchTerms(first.shop().id(), FROM, MONTH.minusDays(1)).isEmpty(),
                "search terms for the last 30 days only");
    }

    @Test
    void keywordDaysOfTheLastMonthAreTheSumOfTheirSearchTerms() {
        long shop = first.shop().id();
        KeywordStats k = keyword("保鲜盒", MONTH, LAST);
        List<SearchTermStats> terms = first.store().searchTerms(shop, MONTH, LAST).stream()
                .filter(t -> t.keyword().equals("保鲜盒")).toList();
        assertEquals(List.of(k.clicks(), k.cost(), k.orders(), k.gmv()), List.of(
                terms.stream().mapToLong(SearchTermStats::clicks).sum(), terms.stream().mapToLong(SearchTermStats::cost).sum(),
                terms.stream().mapToLong(SearchTermStats::orders).sum(), terms.stream().mapToLong(SearchTermStats::gmv).sum()));
    }

    @Test
    void displayAndAffiliateSpendEveryDay() {
        var spend = first.store().spendPerDay(first.shop().id(), FROM, LAST);
        assertEquals(DAYS, spend.size());
        assertTrue(spend.stream().allMatch(d -> d.keywords() > 0 && d.display() > 0), spend.toString());
        assertNotEquals(0, spend.stream().mapToLong(AdsStore.DaySpend::affiliate).sum());
    }
}
