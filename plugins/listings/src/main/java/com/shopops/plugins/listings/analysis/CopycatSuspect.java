package com.shopops.plugins.listings.analysis;

/**
 * A marketplace listing that looks like one of our top products: its title nearly the same, or its main
 * image the same as ours (then it is certain).
 *
 * @param listing    the listing
 * @param sku        our product it copies
 * @param ourTitle   our product's title
 * @param similarity the titles' bigram Jaccard index, 0 to 1
 * @param sameImage  whether its image hash is our product's
 */
public record CopycatSuspect(MarketplaceListing listing, String sku, String ourTitle, double similarity, boolean sameImage) {

    /** Whether it is certainly a copy: the same image. */
    public boolean certain() {
        return sameImage;
    }
}
