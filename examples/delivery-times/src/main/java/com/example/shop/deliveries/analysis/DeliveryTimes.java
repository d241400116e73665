package com.example.shop.deliveries.analysis;

import com.example.shop.deliveries.Parcel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shipping speed per courier (DOMAIN: customer service watches shipping speed): of the parcels shipped in a
 * range, how many arrived, their average hours from shipping to signature, and how many are late — arrived
 * after the promised hours, or still on the way when the promise ran out at {@code now}. A parcel on its way
 * within its promise is neither on time nor late yet.
 */
public final class DeliveryTimes {

    private DeliveryTimes() {
    }

    /**
     * One courier's figures.
     *
     * @param courier      the courier
     * @param parcels      parcels shipped in the range
     * @param delivered    of those, signed for
     * @param averageHours average hours from shipping to signature of the delivered, or null when none arrived
     * @param late         delivered after the promise, or still on the way past it
     * @param lateShare    late ÷ parcels whose promise has run out or that arrived (the ones that can be judged), or null
     */
    public record CourierFigures(String courier, int parcels, int delivered, Double averageHours, int late, Double lateShare) {
    }

    /** The figures per courier, by name, and for all couriers together under {@code total} (last). */
    public static List<CourierFigures> of(List<Parcel> parcels, Duration promise, Instant now, String total) {
        Map<String, List<Parcel>> byCourier = new TreeMap<>();
        for (Parcel p : parcels) {
            byCourier.computeIfAbsent(p.courier(), c -> new ArrayList<>()).add(p);
        }
        List<CourierFigures> out = new ArrayList<>();
        byCourier.forEach((courier, list) -> out.add(figures(courier, list, promise, now)));
        if (!parcels.isEmpty()) {
            out.add(figures(total, parcels, promise, now));
        }
        return out;
    }

    private static CourierFigures figures(String courier, List<Parcel> parcels, Duration promise, Instant now) {
        int delivered = 0;
        long minutes = 0;
        int late = 0;
        int judged = 0;
        for (Parcel p : parcels) {
            Instant due = p.shippedAt().plus(promise);
            if (p.deliveredAt() != null) {
                delivered++;
                judged++;
                minutes += Duration.between(p.shippedAt(), p.deliveredAt()).toMinutes();
                if (p.deliveredAt().isAfter(due)) {
                    late++;
                }
            } else if (now.isAfter(due)) {
                judged++;
                late++;
            }
        }
        return new CourierFigures(courier, parcels.size(), delivered, delivered == 0 ? null : minutes / 60.0 / delivered, late,
                judged == 0 ? null : (double) late / judged);
    }
}
