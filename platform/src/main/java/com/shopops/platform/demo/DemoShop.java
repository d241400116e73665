package com.shopops.platform.demo;

import com.shopops.api.Shop;
import com.shopops.api.data.OrderRow;
import com.shopops.api.data.RefundRow;
import com.shopops.api.data.ReviewRow;
import com.shopops.api.domain.BehaviourEvent;
import com.shopops.api.domain.Product;
import com.shopops.api.domain.Target;
import com.shopops.api.domain.TrafficDay;
import java.time.LocalDate;
import java.util.List;

/** PLACEHOLDER until the generator lands. */
public final class DemoShop {
    private DemoShop() {
    }

    public record DemoData(List<Product> products, String heroSku, List<OrderRow> orderRows, List<RefundRow> refunds,
                           List<TrafficDay> traffic, List<BehaviourEvent> events, List<ReviewRow> reviews, List<Target> targets) {
    }

    public static DemoData generate(Shop shop, long seed, LocalDate lastDay, int days) {
        return new DemoData(List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
