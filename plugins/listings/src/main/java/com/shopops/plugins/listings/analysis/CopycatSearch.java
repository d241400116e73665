package com.shopops.plugins.listings.analysis;

import com.shopops.api.TitleSimilarity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds suspected copycats of the top products among marketplace listings. A listing is ours, and never a
 * suspect, when its shop is one of the shop's own names (ignoring case and spaces) or its listing id is one
 * of our SKUs. Any other listing is a suspect of the top product whose title is most like its own (bigram
 * Jaccard, {@link TitleSimilarity}) when that similarity reaches the threshold, or of a top product whose
 * main image hash it shares (certain, whatever the title). One suspect per listing: the same image first,
 * then the most similar title (ties by rank).
 */
public final class CopycatSearch {

    private CopycatSearch() {
    }

    /**
     * @param listings    the marketplace listings to look through
     * @param top         the top products
     * @param imageHashes our products' main image hashes, by SKU (from the listing sheet, or our own listings)
     * @param ourSkus     every SKU of the shop
     * @param rules       the threshold and the shop's own names
     * @return the suspects, certain ones first, then by similarity (highest first), then listing id
     */
    public static List<CopycatSuspect> search(List<MarketplaceListing> listings, List<TopProduct> top, Map<String, String> imageHashes,
                                              Set<String> ourSkus, ListingRules rules) {
        Set<String> ownNames = rules.ownShopNames().stream().map(CopycatSearch::shopKey).collect(Collectors.toSet());
        List<CopycatSuspect> out = new ArrayList<>();
        for (MarketplaceListing l : listings) {
            if (ownNames.contains(shopKey(l.shopName())) || ourSkus.contains(l.listingId())) {
                continue;
            }
            CopycatSuspect best = null;
            for (TopProduct p : top) {
                String ours = imageHashes.get(p.sku());
                boolean sameImage = ours != null && l.imageHash() != null && ours.equalsIgnoreCase(l.imageHash().strip());
                double sim = TitleSimilarity.jaccard(l.title(), p.title());
                if (!sameImage && sim < rules.similarity()) {
                    continue;
                }
                CopycatSuspect s = new CopycatSuspect(l, p.sku(), p.title(), sim, sameImage);
                if (best == null || (sameImage && !best.sameImage()) || (sameImage == best.sameImage() && sim > best.similarity())) {
                    best = s;
                }
            }
            if (best != null) {
                out.add(best);
            }
        }
        out.sort(Comparator.comparing(CopycatSuspect::sameImage).reversed()
                .thenComparing(Comparator.comparingDouble(CopycatSuspect::similarity).reversed())
                .thenComparing(s -> s.listing().listingId()));
        return out;
    }

    private static String shopKey(String name) {
        return name == null ? "" : name.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
