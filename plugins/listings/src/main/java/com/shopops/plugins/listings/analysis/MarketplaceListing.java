package com.shopops.plugins.listings.analysis;

import java.time.LocalDate;

/**
 * A listing the operator found on the marketplace while searching for the shop's top products.
 *
 * @param listingId the platform's listing id (商品ID)
 * @param shopName  the shop that lists it
 * @param title     its title when last seen
 * @param price     its price in minor units when last seen
 * @param url       its address, or null
 * @param imageHash a fingerprint of its main image (图片指纹, e.g. a perceptual hash), or null
 * @param firstSeen the first day it was seen
 * @param lastSeen  the last day it was seen
 */
public record MarketplaceListing(String listingId, String shopName, String title, long price, String url, String imageHash,
                                 LocalDate firstSeen, LocalDate lastSeen) {
}
