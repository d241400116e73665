package com.example.shop.deliveries.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.shop.deliveries.Parcel;
import com.example.shop.deliveries.analysis.DeliveryTimes.CourierFigures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shipping speed on hand-made parcels, the expected figures worked out in the comments. */
class DeliveryTimesTest {

    private static final Instant MONDAY_9 = Instant.parse("2024-03-04T01:00:00Z"); // 09:00 in Shanghai
    private static final Duration PROMISE = Duration.ofHours(72);

    private static Parcel parcel(String no, String courier, long shippedHoursAfter, Long deliveredHoursAfter) {
        Instant shipped = MONDAY_9.plus(Duration.ofHours(shippedHoursAfter));
        return new Parcel(no, "O" + no, courier, shipped, LocalDate.of(2024, 3, 4),
                deliveredHoursAfter == null ? null : shipped.plus(Duration.ofHours(deliveredHoursAfter)));
    }

    @Test
    void onTimeLateAndOnTheWayPerCourierAndForAll() {
        List<Parcel> parcels = List.of(
                parcel("1", "SF", 0, 24L),      // SF: 24 h, on time
                parcel("2", "SF", 0, 48L),      // SF: 48 h, on time
                parcel("3", "ZTO", 0, 80L),     // ZTO: 80 h, late
                parcel("4", "ZTO", 0, null),    // ZTO: on the way 100 h after shipping: late
                parcel("5", "ZTO", 90, null));  // ZTO: on the way 10 h: not judged yet
        Instant now = MONDAY_9.plus(Duration.ofHours(100));
        List<CourierFigures> figures = DeliveryTimes.of(parcels, PROMISE, now, "all");
        assertEquals(List.of(
                // SF: 2 parcels, both delivered, (24 + 48) / 2 = 36 h, 0 late of 2 judged
                new CourierFigures("SF", 2, 2, 36.0, 0, 0.0),
                // ZTO: 3 parcels, 1 delivered in 80 h, late: #3 and #4 of 2 judged (#5 is within its promise)
                new CourierFigures("ZTO", 3, 1, 80.0, 2, 1.0),
                // all: 5 parcels, 3 delivered, (24 + 48 + 80) / 3 = 50.67 h, 2 late of 4 judged
                new CourierFigures("all", 5, 3, 152.0 / 3, 2, 0.5)), figures);
    }

    @Test
    void nothingShippedIsNoFigures() {
        assertEquals(List.of(), DeliveryTimes.of(List.of(), PROMISE, MONDAY_9, "all"));
    }
}
