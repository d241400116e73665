package com.shopops.plugins.competitors.analysis;

import com.shopops.api.TitleSimilarity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Peers' price cuts on products that compete with our hero item (主打款): a product competes when it is
 * of the hero's category ({@link Categories#same}) or its title is at least {@code similarity} alike
 * ({@link TitleSimilarity}); a cut counts when it is at least {@code minCut} of the old price.
 */
public final class HeroRivals {

    private HeroRivals() {
    }

    /** Our hero item: its SKU, title and category. */
    public record Hero(String sku, String title, String category) {
    }

    /** A competing cut: the change, how alike the titles are, and whether the categories are the same. */
    public record RivalCut(PriceChange change, double similarity, boolean sameCategory) {
    }

    /** The competing cuts among {@code changes}, biggest cut first. */
    public static List<RivalCut> cuts(Hero hero, List<PriceChange> changes, double similarity, double minCut) {
        List<RivalCut> out = new ArrayList<>();
        for (PriceChange c : changes) {
            if (!c.cut() || c.rate() == null || -c.rate() < minCut - 1e-9) {
                continue;
            }
            double s = TitleSimilarity.jaccard(hero.title(), c.title());
            boolean same = Categories.same(hero.category(), c.category());
            if (same || s >= similarity) {
                out.add(new RivalCut(c, s, same));
            }
        }
        out.sort(Comparator.comparingDouble((RivalCut r) -> r.change().rate()).thenComparing(r -> r.change().productId()));
        return out;
    }
}
