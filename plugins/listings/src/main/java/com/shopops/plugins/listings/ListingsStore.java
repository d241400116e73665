package com.shopops.plugins.listings;

import com.shopops.api.ImportFormat.WriteResult;
import com.shopops.plugins.listings.analysis.MarketplaceListing;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The listings plugin's tables ({@code db/listings/V1__listings.sql}): marketplace listings, the decisions on
 * suspected copycats, and the listing sheet. Every statement is by shop and runs on SQLite and PostgreSQL.
 */
public final class ListingsStore {

    private final Jdbi jdbi;

    public ListingsStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * A listing as one line of a marketplace file saw it on {@code day}.
     *
     * @param listingId the platform's listing id
     * @param shopName  the shop that lists it
     * @param title     its title
     * @param price     its price, minor units
     * @param url       its address, or null
     * @param imageHash its main image's fingerprint, or null
     * @param day       the day it was seen
     */
    public record Sighting(String listingId, String shopName, String title, long price, String url, String imageHash, LocalDate day) {
    }

    /**
     * One row of the listing sheet: a product's variant with its price, and the product's fields when the row
     * gives them.
     *
     * @param sku              the product's SKU (商家编码)
     * @param variant          the variant's name (规格), "" for the product itself
     * @param title            the listing's title on the platform, or null
     * @param price            the variant's price in minor units, or null
     * @param coreKeyword      the core keyword, or null
     * @param attributesFilled attributes filled, or null
     * @param attributesTotal  attributes of the category, or null
     * @param imageHash        the main image's fingerprint, or null
     */
    public record SheetRow(String sku, String variant, String title, Long price, String coreKeyword, Integer attributesFilled,
                           Integer attributesTotal, String imageHash) {
    }

    /**
     * A product as the listing sheet gives it: its fields from the first variant (by name) that gives each,
     * and every variant's price.
     */
    public record SheetProduct(String sku, String title, String coreKeyword, Integer attributesFilled, Integer attributesTotal,
                               String imageHash, Map<String, Long> variantPrices) {
    }

    /**
     * The operator's decision on a suspect.
     *
     * @param status    {@code reported} or {@code dismissed}
     * @param note      why, or null
     * @param changedBy who decided
     * @param changedAt when (UTC)
     */
    public record Decision(String status, String note, String changedBy, Instant changedAt) {
    }

    // ---------------------------------------------------------------- marketplace

    /**
     * Writes sightings in the import's transaction: a new listing is inserted (imported); one seen on a later
     * day than its last takes that sighting's title, price, url, image and shop (updated), one seen before its
     * first sighting moves its first day back (updated); anything else changes nothing, so a file imported
     * twice, or a line twice, changes nothing the second time.
     */
    public static WriteResult writeSightings(Handle h, long shopId, List<Sighting> rows) {
        long imported = 0;
        long updated = 0;
        for (Sighting s : rows) {
            Optional<MarketplaceListing> was = h.createQuery("""
                            SELECT listing_id, shop_name, title, price, url, image_hash, first_seen, last_seen
                            FROM listings_marketplace WHERE shop_id = :shop AND listing_id = :id""")
                    .bind("shop", shopId).bind("id", s.listingId()).map((rs, ctx) -> listing(rs)).findOne();
            if (was.isEmpty()) {
                h.createUpdate("""
                                INSERT INTO listings_marketplace (shop_id, listing_id, shop_name, title, price, url, image_hash, first_seen, last_seen)
                                VALUES (:shop, :id, :shopName, :title, :price, :url, :image, :day, :day)""")
                        .bind("shop", shopId).bind("id", s.listingId()).bind("shopName", s.shopName()).bind("title", s.title())
                        .bind("price", s.price()).bind("url", s.url()).bind("image", s.imageHash()).bind("day", s.day().toString())
                        .execute();
                imported++;
                continue;
            }
            MarketplaceListing w = was.get();
            boolean later = s.day().isAfter(w.lastSeen());
            boolean earlier = s.day().isBefore(w.firstSeen());
            if (later) {
                h.createUpdate("""
                                UPDATE listings_marketplace SET shop_name = :shopName, title = :title, price = :price, url = :url,
                                       image_hash = :image, last_seen = :day
                                WHERE shop_id = :shop AND listing_id = :id""")
                        .bind("shop", shopId).bind("id", s.listingId()).bind("shopName", s.shopName()).bind("title", s.title())
                        .bind("price", s.price()).bind("url", s.url()).bind("image", s.imageHash()).bind("day", s.day().toString())
                        .execute();
                updated++;
            } else if (earlier) {
                h.createUpdate("UPDATE listings_marketplace SET first_seen = :day WHERE shop_id = :shop AND listing_id = :id")
                        .bind("shop", shopId).bind("id", s.listingId()).bind("day", s.day().toString()).execute();
                updated++;
            }
        }
        return new WriteResult(imported, updated);
    }

    /** {@link #writeSightings} in a transaction of its own (the demo's). */
    public WriteResult writeSightings(long shopId, List<Sighting> rows) {
        return jdbi.inTransaction(h -> writeSightings(h, shopId, rows));
    }

    /** The listings last seen on a day from {@code from} to {@code to}, by listing id. */
    public List<MarketplaceListing> marketplace(long shopId, LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT listing_id, shop_name, title, price, url, image_hash, first_seen, last_seen
                        FROM listings_marketplace WHERE shop_id = :shop AND last_seen >= :from AND last_seen <= :to
                        ORDER BY listing_id""")
                .bind("shop", shopId).bind("from", from.toString()).bind("to", to.toString())
                .map((rs, ctx) -> listing(rs)).list());
    }

    private static MarketplaceListing listing(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new MarketplaceListing(rs.getString("listing_id"), rs.getString("shop_name"), rs.getString("title"), rs.getLong("price"),
                rs.getString("url"), rs.getString("image_hash"), LocalDate.parse(rs.getString("first_seen")),
                LocalDate.parse(rs.getString("last_seen")));
    }

    // ---------------------------------------------------------------- decisions

    /** The decisions on suspects, by listing id. */
    public Map<String, Decision> decisions(long shopId) {
        Map<String, Decision> out = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT listing_id, status, note, changed_by, changed_at FROM listings_suspects
                        WHERE shop_id = :shop ORDER BY listing_id""")
                .bind("shop", shopId)
                .map((rs, ctx) -> Map.entry(rs.getString("listing_id"), new Decision(rs.getString("status"), rs.getString("note"),
                        rs.getString("changed_by"), Instant.parse(rs.getString("changed_at")))))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /**
     * Records a decision on the listing: {@code reported} or {@code dismissed}; {@code open} removes it, so the
     * suspect is raised again.
     *
     * @return whether anything changed
     */
    public boolean decide(long shopId, String listingId, String status, String note, String by, Instant at) {
        return jdbi.inTransaction(h -> {
            if ("open".equals(status)) {
                return h.createUpdate("DELETE FROM listings_suspects WHERE shop_id = :shop AND listing_id = :id")
                        .bind("shop", shopId).bind("id", listingId).execute() > 0;
            }
            int n = h.createUpdate("""
                            UPDATE listings_suspects SET status = :status, note = :note, changed_by = :by, changed_at = :at
                            WHERE shop_id = :shop AND listing_id = :id""")
                    .bind("shop", shopId).bind("id", listingId).bind("status", status).bind("note", note).bind("by", by)
                    .bind("at", at.toString()).execute();
            if (n == 0) {
                h.createUpdate("""
                                INSERT INTO listings_suspects (shop_id, listing_id, status, note, changed_by, changed_at)
                                VALUES (:shop, :id, :status, :note, :by, :at)""")
                        .bind("shop", shopId).bind("id", listingId).bind("status", status).bind("note", note).bind("by", by)
                        .bind("at", at.toString()).execute();
            }
            return true;
        });
    }

    // ---------------------------------------------------------------- listing sheet

    /**
     * Writes sheet rows in the import's transaction, each by (SKU, variant): a new one is inserted (imported),
     * one whose fields differ replaces them (updated), an equal one changes nothing. An empty cell of a row
     * imported again empties the stored field: the sheet is the listing as it is now.
     */
    public static WriteResult writeSheet(Handle h, long shopId, List<SheetRow> rows) {
        long imported = 0;
        long updated = 0;
        for (SheetRow r : rows) {
            Optional<SheetRow> was = h.createQuery("""
                            SELECT sku, variant, title, price, core_keyword, attributes_filled, attributes_total, image_hash
                            FROM listings_sheet WHERE shop_id = :shop AND sku = :sku AND variant = :variant""")
                    .bind("shop", shopId).bind("sku", r.sku()).bind("variant", r.variant()).map((rs, ctx) -> sheetRow(rs)).findOne();
            if (was.isPresent() && was.get().equals(r)) {
                continue;
            }
            String sql = was.isEmpty()
                    ? """
                      INSERT INTO listings_sheet (shop_id, sku, variant, title, price, core_keyword, attributes_filled, attributes_total, image_hash)
                      VALUES (:shop, :sku, :variant, :title, :price, :keyword, :filled, :total, :image)"""
                    : """
                      UPDATE listings_sheet SET title = :title, price = :price, core_keyword = :keyword, attributes_filled = :filled,
                             attributes_total = :total, image_hash = :image
                      WHERE shop_id = :shop AND sku = :sku AND variant = :variant""";
            h.createUpdate(sql).bind("shop", shopId).bind("sku", r.sku()).bind("variant", r.variant()).bind("title", r.title())
                    .bindByType("price", r.price(), Long.class).bind("keyword", r.coreKeyword())
                    .bindByType("filled", r.attributesFilled(), Integer.class).bindByType("total", r.attributesTotal(), Integer.class)
                    .bind("image", r.imageHash()).execute();
            if (was.isEmpty()) {
                imported++;
            } else {
                updated++;
            }
        }
        return new WriteResult(imported, updated);
    }

    /** {@link #writeSheet} in a transaction of its own (the demo's). */
    public WriteResult writeSheet(long shopId, List<SheetRow> rows) {
        return jdbi.inTransaction(h -> writeSheet(h, shopId, rows));
    }

    private static SheetRow sheetRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        long price = rs.getLong("price");
        Long p = rs.wasNull() ? null : price;
        int filled = rs.getInt("attributes_filled");
        Integer f = rs.wasNull() ? null : filled;
        int total = rs.getInt("attributes_total");
        Integer t = rs.wasNull() ? null : total;
        return new SheetRow(rs.getString("sku"), rs.getString("variant"), rs.getString("title"), p, rs.getString("core_keyword"), f, t,
                rs.getString("image_hash"));
    }

    /** The listing sheet's products, by SKU. */
    public Map<String, SheetProduct> sheet(long shopId) {
        Map<String, List<SheetRow>> bySku = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT sku, variant, title, price, core_keyword, attributes_filled, attributes_total, image_hash
                        FROM listings_sheet WHERE shop_id = :shop ORDER BY sku, variant""")
                .bind("shop", shopId).map((rs, ctx) -> sheetRow(rs))
                .forEach(r -> bySku.computeIfAbsent(r.sku(), k -> new ArrayList<>()).add(r)));
        Map<String, SheetProduct> out = new LinkedHashMap<>();
        bySku.forEach((sku, rows) -> {
            Map<String, Long> prices = new TreeMap<>();
            rows.stream().filter(r -> r.price() != null).forEach(r -> prices.put(r.variant(), r.price()));
            SheetRow attrs = rows.stream().filter(r -> r.attributesFilled() != null && r.attributesTotal() != null).findFirst().orElse(null);
            out.put(sku, new SheetProduct(sku, first(rows, SheetRow::title), first(rows, SheetRow::coreKeyword),
                    attrs == null ? null : attrs.attributesFilled(), attrs == null ? null : attrs.attributesTotal(),
                    first(rows, SheetRow::imageHash), prices));
        });
        return out;
    }

    private static String first(List<SheetRow> rows, java.util.function.Function<SheetRow, String> field) {
        return rows.stream().map(field).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
