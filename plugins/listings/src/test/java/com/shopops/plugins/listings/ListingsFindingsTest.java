package com.shopops.plugins.listings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Finding;
import com.shopops.api.Role;
import com.shopops.api.Severity;
import com.shopops.api.Shop;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The briefing's listings findings on a small real SQLite shop ({@link SmallShop}): each bad review of a top
 * product written on the day for customer service, each open recent copycat for the operator, one finding per
 * failing check; in English and Chinese; ranked by sales, and saying so, when the shop has no views.
 */
class ListingsFindingsTest {

    @TempDir
    Path dir;

    @Test
    void reviewsCopycatsAndChecksOfTheDay() throws Exception {
        try (Fresh f = TestDatabases.migrated(Kind.SQLITE, dir, "listings")) {
            SmallShop s = new SmallShop(f, "tb");
            ListingsFindings findings = new ListingsFindings(s.figures, s.messages);
            List<Finding> en = findings.findings(s.shop, SmallShop.DAY, Locale.ENGLISH);
            assertEquals(List.of("listings.review.", "listings.review.", "listings.copycat.L1", "listings.check.banned-word",
                    "listings.check.attributes", "listings.check.low-stock"),
                    en.stream().map(x -> x.metric().startsWith("listings.review.") ? "listings.review." : x.metric()).toList(), en.toString());

            Finding negative = en.get(0);
            assertEquals(java.util.Arrays.asList(Severity.WARNING, Role.SERVICE, 1.0, null), java.util.Arrays.asList(negative.severity(), negative.role(), negative.value(),
                    negative.expected()));
            assertEquals("Negative review (1★) of top product #1 " + SmallShop.P1, negative.title());
            assertTrue(negative.detail().contains("把手断了"), negative.detail());
            assertTrue(negative.suggestion().startsWith("Customer service: contact the buyer"), negative.suggestion());
            Finding neutral = en.get(1);
            assertEquals(List.of(Severity.INFO, Role.SERVICE, 3.0), List.of(neutral.severity(), neutral.role(), neutral.value()));
            assertEquals("Neutral review (3★) of top product #2 " + SmallShop.P2, neutral.title());
            assertTrue(!negative.metric().equals(neutral.metric()), "one key per review, so each can become its own task");

            Finding copycat = en.get(2);
            // P-1 normalized "硅胶厨具套装耐高温12件套" has 12 bigrams; the copy adds 套家 and 家用: 12 of 14
            assertEquals(12.0 / 14, copycat.value(), 1e-9);
            assertEquals(0.6, copycat.expected());
            assertEquals(List.of(Severity.WARNING, Role.OPERATOR, Finding.Unit.RATE), List.of(copycat.severity(), copycat.role(), copycat.unit()));
            assertEquals("Suspected copycat of " + SmallShop.P1 + " in shop Copy Shop", copycat.title());
            assertTrue(copycat.detail().contains("86%") && copycat.detail().contains("https://item.taobao.com/item.htm?id=1"), copycat.detail());
            assertTrue(copycat.suggestion().contains("report the image theft"), copycat.suggestion());
            assertEquals("/ui/listings/index.html?listing=L1", copycat.link());

            Finding banned = en.get(3);
            assertEquals(List.of(Severity.WARNING, 1.0), List.of(banned.severity(), banned.value()));
            assertTrue(banned.detail().contains("P-3") && !banned.detail().contains("P-7"), "delisted products are not checked: " + banned.detail());
            assertEquals(Severity.INFO, en.get(4).severity());
            assertTrue(en.get(5).detail().contains("P-2"), en.get(5).detail());

            // Chinese words, the same findings
            List<Finding> zh = findings.findings(s.shop, SmallShop.DAY, Locale.SIMPLIFIED_CHINESE);
            assertEquals(en.stream().map(Finding::metric).toList(), zh.stream().map(Finding::metric).toList());
            assertEquals("热销第1名 " + SmallShop.P1 + " 收到差评（1星）", zh.get(0).title());
            assertTrue(zh.get(2).suggestion().contains("投诉盗图"), zh.get(2).suggestion());

            // Reported, the copycat is no longer raised; the day after, the reviews are no longer new
            s.store.decide(s.shop.id(), "L1", "reported", null, "li", java.time.Instant.now());
            List<Finding> after = findings.findings(s.shop, SmallShop.DAY.plusDays(1), Locale.ENGLISH);
            assertEquals(List.of("listings.check.banned-word", "listings.check.attributes", "listings.check.low-stock"),
                    after.stream().map(Finding::metric).toList());
        }
    }

    @Test
    void aListingWithTheImageOfOurOwnListingIsACertainCopycatWhateverItsTitle() throws Exception {
        try (Fresh f = TestDatabases.migrated(Kind.SQLITE, dir, "listings")) {
            SmallShop s = new SmallShop(f, "tb");
            // our own listing of P-1 (its id is our SKU) shows our image; L5 uses it under another title
            s.store.writeSightings(s.shop.id(), List.of(
                    new ListingsStore.Sighting("P-1", "tb", SmallShop.P1, 8_900, null, "ff00", SmallShop.DAY),
                    new ListingsStore.Sighting("L5", "Thief", "完全不同的标题", 3_900, null, "ff00", SmallShop.DAY)));
            List<Finding> copycats = new ListingsFindings(s.figures, s.messages).findings(s.shop, SmallShop.DAY, Locale.ENGLISH).stream()
                    .filter(x -> x.metric().startsWith("listings.copycat.")).toList();
            assertEquals(List.of("listings.copycat.L5", "listings.copycat.L1"), copycats.stream().map(Finding::metric).toList(),
                    "the certain one first; our own listing is none");
            assertEquals("Copycat of " + SmallShop.P1 + " in shop Thief uses our image", copycats.get(0).title());
            assertEquals(null, copycats.get(0).expected());
            assertTrue(copycats.get(0).detail().contains("the same image fingerprint"), copycats.get(0).detail());
        }
    }

    @Test
    void withoutViewsTheTopProductsAreTheBestSellingAndTheFindingsSaySo() throws Exception {
        try (Fresh f = TestDatabases.migrated(Kind.SQLITE, dir, "listings")) {
            Shop shop = SmallShop.withoutViews(f, "jd");
            var settings = new com.shopops.platform.core.PluginSettings(f.database().jdbi(), "listings", java.time.Clock.systemUTC());
            ListingsFigures figures = new ListingsFigures(new ListingsStore(f.database().jdbi()), f.data(), settings);
            List<Finding> found = new ListingsFindings(figures, new com.shopops.platform.core.BundleMessages("listings",
                    getClass().getClassLoader())).findings(shop, SmallShop.DAY, Locale.ENGLISH);
            List<Finding> reviews = found.stream().filter(x -> x.metric().startsWith("listings.review.")).toList();
            assertEquals(1, reviews.size(), found.stream().map(Finding::title).collect(Collectors.joining("\n")));
            assertTrue(reviews.get(0).title().contains(SmallShop.P2), reviews.get(0).title());
            assertTrue(reviews.get(0).detail().endsWith("(Top products by sales of the last 7 days: the shop has no product views.)"),
                    reviews.get(0).detail());
        }
    }
}
