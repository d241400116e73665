package com.shopops.platform.imports.formats;

import com.shopops.api.ImportFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * The import formats ShopOps brings itself: online-retail, shopify and taobao orders, sycm-traffic,
 * user-behavior events, and a generic format for every core kind (orders, products, traffic, events,
 * reviews, refunds, targets).
 */
public final class CoreFormats {

    private CoreFormats() {
    }

    /** Every core format, specific ones first, then the generic ones. */
    public static List<ImportFormat<?>> all() {
        List<ImportFormat<?>> all = new ArrayList<>(List.of(new OnlineRetailOrders(), new ShopifyOrders(),
                new TaobaoOrders(), new SycmTraffic(), new UserBehaviorEvents()));
        all.addAll(GenericFormat.all());
        return List.copyOf(all);
    }
}
