package com.shopops.plugins.listings.analysis;

import com.shopops.api.data.ProductSales;
import com.shopops.api.data.ProductViews;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which products are watched daily: the most viewed over the ranking days (DOMAIN.md: the top 5 by
 * traffic); when the shop has no product views (no behaviour events imported), the best selling, and the
 * answer says so.
 */
public final class TopProducts {

    /** What the products were ranked by. */
    public enum Basis { VIEWS, SALES }

    /** The ranked products and what ranked them. */
    public record Ranking(Basis basis, List<TopProduct> products) {
    }

    private TopProducts() {
    }

    /**
     * @param views the products' views, most first (as {@code ShopData.productViews} answers)
     * @param sales when {@code views} is empty, the products' sales, most first (as {@code ShopData.productSales}
     *              answers); otherwise the sales of the viewed products, which the ranking shows beside their
     *              views (a product without any sold nothing)
     * @param count how many to keep
     */
    public static Ranking rank(List<ProductViews> views, List<ProductSales> sales, int count) {
        List<TopProduct> out = new ArrayList<>();
        if (!views.isEmpty()) {
            Map<String, Long> sold = new HashMap<>();
            sales.forEach(s -> sold.merge(s.sku(), s.sales(), Long::sum));
            for (ProductViews v : views) {
                if (out.size() == count) {
                    break;
                }
                out.add(new TopProduct(out.size() + 1, v.sku(), v.title(), v.views(), sold.getOrDefault(v.sku(), 0L)));
            }
            return new Ranking(Basis.VIEWS, out);
        }
        for (ProductSales s : sales) {
            if (out.size() == count) {
                break;
            }
            out.add(new TopProduct(out.size() + 1, s.sku(), s.title(), 0, s.sales()));
        }
        return new Ranking(Basis.SALES, out);
    }
}
