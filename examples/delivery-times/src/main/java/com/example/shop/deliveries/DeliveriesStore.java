package com.example.shop.deliveries;

import com.shopops.api.ImportFormat.WriteResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The plugin's table, {@code deliveries_parcels} (migrations in {@code db/deliveries/}, run by the host when
 * the plugin starts). Days and times are ISO-8601 text, which SQLite and PostgreSQL both compare in order.
 */
public final class DeliveriesStore {

    private final Jdbi jdbi;

    DeliveriesStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Writes an import batch in the import's transaction: a new tracking number is inserted, a known one whose
     * fields changed (a signature time arrived) is updated, an unchanged one is left alone.
     */
    public static WriteResult write(Handle h, long shopId, List<Parcel> parcels) {
        long imported = 0;
        long updated = 0;
        for (Parcel p : parcels) {
            Optional<Parcel> stored = h.createQuery("""
                            SELECT tracking_no, order_id, courier, shipped_at, ship_day, delivered_at FROM deliveries_parcels
                            WHERE shop_id = :shop AND tracking_no = :no""")
                    .bind("shop", shopId).bind("no", p.trackingNo())
                    .map((rs, ctx) -> parcel(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)))
                    .findOne();
            if (stored.isEmpty()) {
                h.createUpdate("""
                                INSERT INTO deliveries_parcels (shop_id, tracking_no, order_id, courier, shipped_at, ship_day, delivered_at)
                                VALUES (:shop, :no, :order, :courier, :shipped, :day, :delivered)""")
                        .bind("shop", shopId).bindMethods(new Row(p)).execute();
                imported++;
            } else if (!stored.get().equals(p)) {
                h.createUpdate("""
                                UPDATE deliveries_parcels SET order_id = :order, courier = :courier, shipped_at = :shipped,
                                    ship_day = :day, delivered_at = :delivered
                                WHERE shop_id = :shop AND tracking_no = :no""")
                        .bind("shop", shopId).bindMethods(new Row(p)).execute();
                updated++;
            }
        }
        return new WriteResult(imported, updated);
    }

    /** The parcels shipped from {@code from} to {@code to} (shop-local days, inclusive). */
    List<Parcel> shipped(long shopId, LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT tracking_no, order_id, courier, shipped_at, ship_day, delivered_at FROM deliveries_parcels
                        WHERE shop_id = :shop AND ship_day BETWEEN :from AND :to ORDER BY shipped_at, tracking_no""")
                .bind("shop", shopId).bind("from", from.toString()).bind("to", to.toString())
                .map((rs, ctx) -> parcel(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)))
                .list());
    }

    private static Parcel parcel(String no, String order, String courier, String shipped, String day, String delivered) {
        return new Parcel(no, order, courier, Instant.parse(shipped), LocalDate.parse(day),
                delivered == null ? null : Instant.parse(delivered));
    }

    /** A parcel's columns as text, for binding by name. */
    public record Row(Parcel p) {
        public String no() {
            return p.trackingNo();
        }

        public String order() {
            return p.orderId();
        }

        public String courier() {
            return p.courier();
        }

        public String shipped() {
            return p.shippedAt().toString();
        }

        public String day() {
            return p.shipDay().toString();
        }

        public String delivered() {
            return Objects.toString(p.deliveredAt(), null);
        }
    }
}
