package com.shopops.api;

import java.time.ZoneId;

/**
 * A shop. One installation serves many (an agency runs dozens); every shop-owned row carries its
 * {@code id} as {@code shop_id}.
 *
 * @param id       database id
 * @param code     short unique code used in URLs and on the CLI, e.g. {@code tmall-flagship}
 * @param name     display name
 * @param platform where it sells: taobao, tmall, jd, douyin, shopify, other
 * @param currency ISO 4217 code; money is stored in its minor units
 * @param timeZone the shop's time zone; shop dates ("yesterday") are in it
 * @since 1.0.0
 */
public record Shop(long id, String code, String name, String platform, String currency, ZoneId timeZone) {
}
