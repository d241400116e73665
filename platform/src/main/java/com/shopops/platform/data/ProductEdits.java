package com.shopops.platform.data;

import com.shopops.api.domain.Product;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Finding products and changing their price, cost, stock and status by hand, as an operator does before
 * a campaign. Every change comes back with the product before and after, for the audit log.
 */
public final class ProductEdits {

    /** Most products one search returns. */
    public static final int MAX_LIMIT = 5_000;

    private static final String COLUMNS = "id, shop_id, sku, title, category, price, cost, stock, status, listed_on";

    private final Jdbi jdbi;

    public ProductEdits(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A change to one product; null fields stay as they are. */
    public record Change(Long price, Long cost, Integer stock, Product.Status status) {

        void validate() {
            if (price != null && price < 0 || cost != null && cost < 0) {
                throw new IllegalArgumentException("prices and costs are amounts in minor units (fen, cents), 0 or more");
            }
            if (stock != null && stock < 0) {
                throw new IllegalArgumentException("stock is a count of units, 0 or more");
            }
        }
    }

    /** A product before and after a change. */
    public record Edited(Product before, Product after) {

        public boolean priceChanged() {
            return !java.util.Objects.equals(before.price(), after.price());
        }
    }

    /** A new price for one SKU, as a bulk price change lists them. */
    public record NewPrice(String sku, long price) {
    }

    /** The shop's products whose SKU or title contains {@code query} (all when blank), by SKU. */
    public List<Product> search(long shopId, String query, int limit) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM products WHERE shop_id = :shop"
                        + (q.isEmpty() ? "" : " AND (lower(sku) LIKE :q OR lower(title) LIKE :q)") + " ORDER BY sku LIMIT :limit")
                .bind("shop", shopId).bind("q", "%" + q.replace("%", "").replace("_", "") + "%")
                .bind("limit", Math.max(1, Math.min(limit, MAX_LIMIT)))
                .map((rs, ctx) -> ShopDataStore.product(rs)).list());
    }

    /** Changes one product; empty when the shop has no such SKU. */
    public Optional<Edited> change(long shopId, String sku, Change change) {
        change.validate();
        return jdbi.inTransaction(h -> change(h, shopId, sku, change));
    }

    /**
     * Sets the prices of many products at once, all or nothing.
     *
     * @throws IllegalArgumentException naming the SKUs the shop does not have; nothing is changed then
     */
    public List<Edited> prices(long shopId, List<NewPrice> prices) {
        if (prices.isEmpty()) {
            throw new IllegalArgumentException("list at least one SKU with its new price");
        }
        return jdbi.inTransaction(h -> {
            List<Edited> done = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (NewPrice p : prices) {
                change(h, shopId, p.sku(), new Change(p.price(), null, null, null)).ifPresentOrElse(done::add,
                        () -> unknown.add(p.sku()));
            }
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("the shop has no product with SKU " + String.join(", ", unknown)
                        + "; no price was changed");
            }
            return done;
        });
    }

    private static Optional<Edited> change(Handle h, long shopId, String sku, Change change) {
        change.validate();
        Optional<Product> before = h.createQuery("SELECT " + COLUMNS + " FROM products WHERE shop_id = :shop AND sku = :sku")
                .bind("shop", shopId).bind("sku", sku).map((rs, ctx) -> ShopDataStore.product(rs)).findOne();
        if (before.isEmpty()) {
            return Optional.empty();
        }
        Product b = before.get();
        Product after = new Product(b.id(), b.shopId(), b.sku(), b.title(), b.category(),
                change.price() != null ? change.price() : b.price(), change.cost() != null ? change.cost() : b.cost(),
                change.stock() != null ? change.stock() : b.stock(), change.status() != null ? change.status() : b.status(),
                b.listedOn());
        h.createUpdate("UPDATE products SET price = :price, cost = :cost, stock = :stock, status = :status WHERE id = :id")
                .bind("price", after.price()).bind("cost", after.cost()).bind("stock", after.stock())
                .bind("status", after.status().name()).bind("id", b.id()).execute();
        return Optional.of(new Edited(b, after));
    }
}
