package com.shopops.api;

import java.util.List;
import java.util.Optional;

/**
 * Read access to the installation's shops.
 *
 * @since 1.0.0
 */
public interface Shops {

    /** Every shop, by code. */
    List<Shop> all();

    /** The shop with this id. */
    Optional<Shop> byId(long id);

    /** The shop with this code. */
    Optional<Shop> byCode(String code);
}
