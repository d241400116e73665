package com.shopops.platform.data;

import com.shopops.api.Shop;
import com.shopops.api.data.ShopSummary;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The shop summary as the CLI ({@code summary --json}) and HTTP ({@code /summary}) both print it. */
public final class SummaryReport {

    private SummaryReport() {
    }

    /** The JSON object: the contract's fields first, then the shop and range it covers. */
    public static Map<String, Object> json(Shop shop, LocalDate from, LocalDate to, ShopSummary s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("orders", s.orders());
        out.put("guestOrders", s.guestOrders());
        out.put("customers", s.customers());
        out.put("orderLines", s.orderLines());
        out.put("revenue", s.revenue());
        out.put("currency", s.currency());
        out.put("firstOrder", s.firstOrder());
        out.put("lastOrder", s.lastOrder());
        out.put("refunds", s.refunds());
        out.put("shop", shop.code());
        out.put("from", from);
        out.put("to", to);
        return out;
    }

    /** Parses an optional day given as text (CLI option or query parameter). */
    public static LocalDate day(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date like 2024-05-01, not '" + text + "'");
        }
    }

    /** Checks that a range runs forwards. */
    public static void checkRange(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
        }
    }
}
