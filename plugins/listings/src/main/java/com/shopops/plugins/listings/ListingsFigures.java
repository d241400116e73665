package com.shopops.plugins.listings;

import com.shopops.api.Settings;
import com.shopops.api.Shop;
import com.shopops.api.data.ProductViews;
import com.shopops.api.data.ShopData;
import com.shopops.api.domain.Product;
import com.shopops.plugins.listings.ListingsStore.Decision;
import com.shopops.plugins.listings.ListingsStore.SheetProduct;
import com.shopops.plugins.listings.analysis.CopycatSearch;
import com.shopops.plugins.listings.analysis.CopycatSuspect;
import com.shopops.plugins.listings.analysis.ListingCheck;
import com.shopops.plugins.listings.analysis.ListingFacts;
import com.shopops.plugins.listings.analysis.ListingRules;
import com.shopops.plugins.listings.analysis.ReviewWatch;
import com.shopops.plugins.listings.analysis.TopProduct;
import com.shopops.plugins.listings.analysis.TopProducts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads what the routes and the briefing show from the core (through {@link ShopData}) and the plugin's
 * tables, and hands it to the pure functions of {@code analysis/}: the top products of a day, their bad
 * reviews, the suspected copycats with the operator's decisions, and every listed product's checks.
 */
final class ListingsFigures {

    private final ListingsStore store;
    private final ShopData data;
    private final Settings settings;

    ListingsFigures(ListingsStore store, ShopData data, Settings settings) {
        this.store = store;
        this.data = data;
        this.settings = settings;
    }

    ListingRules rules(Shop shop) {
        return ListingsSettings.of(settings, shop.id());
    }

    /**
     * The top products of {@code day}: ranked over the rules' {@code topDays} days up to it.
     *
     * @param from     the first day of the ranking
     * @param byId     the top products by the core product's database id (for reviews), those in the product list
     * @param products every product of the shop, by SKU
     */
    record Top(ListingRules rules, LocalDate day, LocalDate from, TopProducts.Basis basis, List<TopProduct> products,
               Map<Long, TopProduct> byId, Map<String, Product> productsBySku) {
    }

    Top top(Shop shop, LocalDate day) {
        ListingRules rules = rules(shop);
        LocalDate from = day.minusDays(rules.topDays() - 1L);
        Map<String, Product> bySku = new LinkedHashMap<>();
        data.products(shop.id()).forEach(p -> bySku.put(p.sku(), p));
        var views = data.productViews(shop.id(), from, day, null, rules.topCount());
        // ranked by views, the products' sales over the same days go beside them; without views, sales rank them
        List<String> viewed = views.stream().map(ProductViews::sku).toList();
        var sales = viewed.isEmpty() ? data.productSales(shop.id(), from, day, null, rules.topCount())
                : data.productSales(shop.id(), from, day, viewed, viewed.size());
        var ranking = TopProducts.rank(views, sales, rules.topCount());
        List<TopProduct> top = new ArrayList<>();
        Map<Long, TopProduct> byId = new HashMap<>();
        for (TopProduct t : ranking.products()) {
            Product p = bySku.get(t.sku());
            TopProduct named = t.title() == null && p != null ? new TopProduct(t.rank(), t.sku(), p.title(), t.views(), t.sales()) : t;
            top.add(named);
            if (p != null) {
                byId.put(p.id(), named);
            }
        }
        return new Top(rules, day, from, ranking.basis(), top, byId, bySku);
    }

    /** The negative and neutral reviews of the top products written from {@code from} to {@code to}. */
    List<ReviewWatch.BadReview> badReviews(Shop shop, Top top, LocalDate from, LocalDate to) {
        if (top.byId().isEmpty()) {
            return List.of();
        }
        return ReviewWatch.bad(data.reviews(shop.id(), from, to), top.byId(), top.rules());
    }

    /**
     * A suspected copycat with the operator's decision.
     *
     * @param decision the decision, or null while open
     */
    record Suspect(CopycatSuspect suspect, Decision decision) {
        String status() {
            return decision == null ? "open" : decision.status();
        }
    }

    /** The suspects among the listings last seen from {@code from} to {@code day}, against {@code top}'s products. */
    List<Suspect> suspects(Shop shop, Top top, LocalDate from) {
        var listings = store.marketplace(shop.id(), from, top.day());
        if (listings.isEmpty() || top.products().isEmpty()) {
            return List.of();
        }
        Map<String, SheetProduct> sheet = store.sheet(shop.id());
        Map<String, String> images = new HashMap<>();
        sheet.forEach((sku, s) -> {
            if (s.imageHash() != null) {
                images.put(sku, s.imageHash());
            }
        });
        Set<String> ourSkus = top.productsBySku().keySet();
        // our own listing in a marketplace file (its id is our SKU) shows our image too
        listings.stream().filter(l -> ourSkus.contains(l.listingId()) && l.imageHash() != null)
                .forEach(l -> images.putIfAbsent(l.listingId(), l.imageHash()));
        Map<String, Decision> decisions = store.decisions(shop.id());
        return CopycatSearch.search(listings, top.products(), images, ourSkus, top.rules()).stream()
                .map(s -> new Suspect(s, decisions.get(s.listing().listingId()))).toList();
    }

    /**
     * One listed product's checks.
     *
     * @param product  the core's product
     * @param facts    what was checked
     * @param inSheet  whether the listing sheet has it (else the keyword, attribute and price-ladder checks saw nothing)
     * @param failures the failed checks
     */
    record ProductCheck(Product product, ListingFacts facts, boolean inSheet, List<ListingCheck.Failure> failures) {
    }

    /** The checks of every listed product, failing ones first (most failures first), then by SKU. */
    List<ProductCheck> checks(Shop shop) {
        ListingRules rules = rules(shop);
        Map<String, SheetProduct> sheet = store.sheet(shop.id());
        List<ProductCheck> out = new ArrayList<>();
        for (Product p : data.products(shop.id())) {
            if (p.status() != Product.Status.LISTED) {
                continue;
            }
            SheetProduct s = sheet.get(p.sku());
            ListingFacts facts = new ListingFacts(p.sku(), s != null && s.title() != null ? s.title() : p.title(), p.stock(),
                    s == null ? null : s.coreKeyword(), s == null ? null : s.attributesFilled(), s == null ? null : s.attributesTotal(),
                    s == null ? Map.of() : s.variantPrices());
            out.add(new ProductCheck(p, facts, s != null, ListingCheck.check(facts, rules)));
        }
        out.sort(Comparator.comparingInt((ProductCheck c) -> -c.failures().size()).thenComparing(c -> c.product().sku()));
        return out;
    }

    /** Products failing each check, in check order. */
    static Map<ListingCheck.Kind, List<ProductCheck>> byKind(List<ProductCheck> checks) {
        Map<ListingCheck.Kind, List<ProductCheck>> out = new LinkedHashMap<>();
        for (ListingCheck.Kind k : ListingCheck.Kind.values()) {
            out.put(k, checks.stream().filter(c -> c.failures().stream().anyMatch(f -> f.kind() == k)).collect(Collectors.toList()));
        }
        return out;
    }
}
