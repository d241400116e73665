package com.shopops.platform.server;

import com.shopops.api.CurrentUser;
import com.shopops.api.Shop;
import com.shopops.api.domain.Product;
import com.shopops.platform.core.CorePermissions;
import com.shopops.platform.core.PluginSettings;
import com.shopops.platform.data.PriceAlerts;
import com.shopops.platform.data.ProductEdits;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A shop's products: the list (cost prices masked for whoever may not see them) and changes to price,
 * cost, stock and status, each audited with the values before and after.
 */
final class ProductRoutes {

    private final ProductEdits products;
    private final PluginSettings coreSettings;

    ProductRoutes(ProductEdits products, PluginSettings coreSettings) {
        this.products = products;
        this.coreSettings = coreSettings;
    }

    void register(CoreRoutes routes) {
        String view = CorePermissions.DATA_VIEW.name();
        String edit = CorePermissions.PRODUCTS_EDIT.name();
        routes.get("/api/shops/{shop}/products", view, "The shop's products (q: SKU or title contains; limit)", this::list)
                .put("/api/shops/{shop}/products/{sku}", edit, "Change a product's price, cost, stock or status", this::change)
                .post("/api/shops/{shop}/product-prices", edit, "Set many products' prices at once, all or nothing", this::prices);
    }

    private void list(Context ctx) {
        CurrentUser user = Access.user(ctx);
        List<Product> found = products.search(Access.shop(ctx).id(), ctx.queryParam("q"), Params.number(ctx, "limit", 500));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("costVisible", user.seesCosts());
        answer.put("products", user.seesCosts() ? found : found.stream().map(Product::withoutCost).toList());
        ctx.json(answer);
    }

    private void change(Context ctx) {
        ProductEdits.Change change = ctx.bodyAsClass(ProductEdits.Change.class);
        CurrentUser user = Access.user(ctx);
        if (change.cost() != null && !user.seesCosts()) {
            Access.forbidden(ctx, CurrentUser.SEE_COSTS);
            return;
        }
        Shop shop = Access.shop(ctx);
        String sku = ctx.pathParam("sku");
        Optional<ProductEdits.Edited> edited = products.change(shop.id(), sku, change);
        if (edited.isEmpty()) {
            ApiError.respond(ctx, 404, "the shop has no product with SKU '" + sku + "'");
            return;
        }
        Product before = edited.get().before();
        Product after = edited.get().after();
        Access.action(ctx, "product.change");
        Access.note(ctx, sku, describe(before), describe(after),
                alerts(shop).reason(List.of(new PriceAlerts.Move(sku, before.price(), after.price()))));
        ctx.json(user.seesCosts() ? after : after.withoutCost());
    }

    record Prices(List<ProductEdits.NewPrice> prices) {
    }

    private void prices(Context ctx) {
        Shop shop = Access.shop(ctx);
        Prices body = ctx.bodyAsClass(Prices.class);
        List<ProductEdits.Edited> edited = products.prices(shop.id(), body.prices() == null ? List.of() : body.prices());
        List<PriceAlerts.Move> moves = edited.stream()
                .map(e -> new PriceAlerts.Move(e.after().sku(), e.before().price(), e.after().price())).toList();
        Access.action(ctx, "product.prices");
        Access.note(ctx, edited.size() + " products",
                moves.stream().map(m -> m.sku() + "=" + m.before()).collect(Collectors.joining(", ")),
                moves.stream().map(m -> m.sku() + "=" + m.after()).collect(Collectors.joining(", ")),
                alerts(shop).reason(moves));
        ctx.json(Map.of("changed", edited.stream().filter(ProductEdits.Edited::priceChanged).count(), "products", edited.size()));
    }

    /** The shop's alert thresholds for price changes, from its core settings. */
    private PriceAlerts alerts(Shop shop) {
        int bulk = Integer.parseInt(coreSettings.get(shop.id(), PriceAlerts.BULK_KEY,
                String.valueOf(PriceAlerts.DEFAULTS.bulkProducts())));
        double move = Double.parseDouble(coreSettings.get(shop.id(), PriceAlerts.MOVE_KEY,
                String.valueOf(PriceAlerts.DEFAULTS.bigMove())));
        return new PriceAlerts(bulk, move);
    }

    private static String describe(Product p) {
        return "price " + p.price() + "; cost " + p.cost() + "; stock " + p.stock() + "; " + p.status();
    }
}
