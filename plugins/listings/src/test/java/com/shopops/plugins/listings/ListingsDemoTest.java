package com.shopops.plugins.listings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Finding;
import com.shopops.api.Shop;
import com.shopops.platform.Installation;
import com.shopops.platform.core.BundleMessages;
import com.shopops.platform.core.PluginSettings;
import com.shopops.platform.testing.DemoShops;
import com.shopops.plugins.listings.analysis.ListingCheck;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listings part of the demo shop, written after the core demo into a real SQLite database: the same seed
 * gives the same listings and sheet, and the demo's briefing shows what the brief asks for — bad reviews of the
 * hero item (a top product) on the last day, its two copycats (one by title, one by stolen image), and products
 * failing a banned word, attributes and the price ladder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingsDemoTest {

    private static final LocalDate LAST = LocalDate.of(2026, 11, 22);
    private static final int DAYS = 30;

    @TempDir
    static Path dir;

    private Made first;
    private Made second;

    private record Made(Installation installation, Shop shop, ListingsStore store) {
    }

    private Made make(String name, long seed) {
        DemoShops.Made made = DemoShops.make(dir.resolve(name), "listings", ListingsDemoTest.class.getClassLoader(), new ListingsDemo(), seed, DAYS, LAST);
        return new Made(made.installation(), made.shop(), new ListingsStore(made.installation().database().jdbi()));
    }

    @BeforeAll
    void makeTwice() throws Exception {
        first = make("a", 7);
        second = make("b", 7);
    }

    @AfterAll
    void close() throws Exception {
        for (Made m : new Made[] {first, second}) {
            if (m != null) {
                m.installation().close();
            }
        }
    }

    @Test
    void theSameSeedMakesTheSameListingsAndSheet() {
        assertEquals(first.store().marketplace(first.shop().id(), LAST.minusDays(30), LAST),
                second.store().marketplace(second.shop().id(), LAST.minusDays(30), LAST));
        assertEquals(first.store().sheet(first.shop().id()), second.store().sheet(second.shop().id()));
    }

    @Test
    void theDemoBriefingShowsBadReviewsCopycatsAndFailedChecks() {
        var jdbi = first.installation().database().jdbi();
        ListingsFigures figures = new ListingsFigures(first.store(), first.installation().data(),
                new PluginSettings(jdbi, "listings", Clock.systemUTC()));
        List<Finding> found = new ListingsFindings(figures, new BundleMessages("listings", getClass().getClassLoader()))
                .findings(first.shop(), LAST, Locale.SIMPLIFIED_CHINESE);
        List<String> metrics = found.stream().map(Finding::metric).toList();

        ListingsFigures.Top top = figures.top(first.shop(), LAST);
        assertTrue(top.products().stream().anyMatch(p -> p.sku().equals(ListingsDemo.HERO)), "the hero is a top product: " + top);
        List<Finding> reviews = found.stream().filter(x -> x.metric().startsWith("listings.review.")).toList();
        assertTrue(reviews.stream().filter(x -> x.title().contains("差评")).count() >= 2, "the hero's two bad reviews: " + metrics);

        List<Finding> copycats = found.stream().filter(x -> x.metric().startsWith("listings.copycat.")).toList();
        assertEquals(2, copycats.size(), metrics.toString());
        assertTrue(copycats.stream().anyMatch(x -> x.title().contains(ListingsDemo.COPY_TITLE_SHOP)), copycats.toString());
        assertTrue(copycats.stream().anyMatch(x -> x.title().contains(ListingsDemo.COPY_IMAGE_SHOP) && x.title().contains("主图")),
                copycats.toString());
        assertTrue(copycats.stream().filter(x -> x.title().contains(ListingsDemo.COPY_IMAGE_SHOP)).allMatch(x -> x.expected() == null
                && x.detail().contains("图片指纹相同")), "a stolen image is certain, whatever its title's similarity");

        for (ListingCheck.Kind k : List.of(ListingCheck.Kind.BANNED_WORD, ListingCheck.Kind.ATTRIBUTES, ListingCheck.Kind.PRICE_LADDER,
                ListingCheck.Kind.KEYWORD_ORDER)) {
            assertTrue(metrics.contains("listings.check." + k.key()), k + " in " + metrics);
        }
        var failing = ListingsFigures.byKind(figures.checks(first.shop()));
        assertEquals(List.of(ListingsDemo.BANNED), failing.get(ListingCheck.Kind.BANNED_WORD).stream().map(c -> c.product().sku()).toList());
        assertEquals(List.of(ListingsDemo.LADDER), failing.get(ListingCheck.Kind.PRICE_LADDER).stream().map(c -> c.product().sku()).toList());
        assertEquals(List.of(ListingsDemo.KEYWORD, ListingsDemo.ATTRIBUTES),
                failing.get(ListingCheck.Kind.ATTRIBUTES).stream().map(c -> c.product().sku()).sorted().toList());
    }
}
