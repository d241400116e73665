package com.example.shop.deliveries;

import com.example.shop.deliveries.analysis.DeliveryTimes.CourierFigures;
import com.shopops.api.Routes;
import com.shopops.api.ShopRequest;
import io.javalin.http.BadRequestResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The plugin's HTTP routes, under {@code /api/shops/{shop}/p/deliveries}; the host checks the user and the
 * permission before a handler runs and answers a thrown {@code BadRequestResponse} as a 400 with its message.
 */
final class DeliveriesRoutes {

    private final DeliveriesPlugin plugin;

    DeliveriesRoutes(DeliveriesPlugin plugin) {
        this.plugin = plugin;
    }

    void register(Routes routes) {
        routes.get("/couriers", DeliveriesPlugin.VIEW, this::couriers);
    }

    /** {@code GET /couriers?from=&to=[&format=csv]}: shipping speed per courier (default: the last 7 days). */
    private void couriers(ShopRequest req) {
        LocalDate to = req.queryDay("to") == null ? LocalDate.now(req.shop().timeZone()) : req.queryDay("to");
        LocalDate from = req.queryDay("from") == null ? to.minusDays(DeliveriesPlugin.DAYS - 1) : req.queryDay("from");
        if (from.isAfter(to)) {
            throw new BadRequestResponse("from: a day on or before to (" + to + "), not " + from);
        }
        List<CourierFigures> figures = plugin.figures(req.shop(), from, to);
        if (req.wantsCsv()) {
            req.csv("deliveries-" + from + "-" + to + ".csv",
                    List.of("courier", "parcels", "delivered", "average hours", "late", "late share"),
                    figures.stream().map(f -> Arrays.<Object>asList(f.courier(), f.parcels(), f.delivered(), f.averageHours(),
                            f.late(), f.lateShare())).toList());
            return;
        }
        req.ctx().json(new Couriers(from, to, figures));
    }

    /** The answer of {@code GET /couriers}: a record, so its fields are in this order in the JSON. */
    record Couriers(LocalDate from, LocalDate to, List<CourierFigures> couriers) {
    }
}
