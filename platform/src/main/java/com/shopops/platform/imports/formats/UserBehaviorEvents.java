package com.shopops.platform.imports.formats;

import com.shopops.api.ImportContext;
import com.shopops.api.ImportFormat;
import com.shopops.api.ImportRow;
import com.shopops.api.ParsedRow;
import com.shopops.api.domain.BehaviourEvent;
import java.time.Instant;
import java.util.List;

/**
 * Shopper behaviour in the layout of Alibaba Tianchi's Taobao "UserBehavior" data set: no header, five
 * fields {@code user_id, item_id, category_id, behavior_type, timestamp}, e.g.
 * {@code 1,2268318,2520377,pv,1511544070}.
 *
 * <p>Rules: ids are digits; behavior_type pv → VIEW, fav → FAVOURITE, cart → CART, buy → BUY, any other
 * is rejected; the timestamp is Unix seconds between 2000 and 2100; a row with more or fewer than five
 * fields is rejected as a whole (column {@code row}). Columns are named by the five names above.
 */
public final class UserBehaviorEvents implements ImportFormat<BehaviourEvent> {

    static final List<String> FIELDS = List.of("user_id", "item_id", "category_id", "behavior_type", "timestamp");
    static final long EARLIEST = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
    static final long LATEST = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();

    @Override
    public String kind() {
        return "events";
    }

    @Override
    public String name() {
        return "user-behavior";
    }

    @Override
    public String describe() {
        return "Taobao UserBehavior events: no header, 5 fields user_id, item_id, category_id, behavior_type "
                + "(pv, fav, cart, buy), Unix timestamp in seconds, e.g. 1,2268318,2520377,pv,1511544070";
    }

    @Override
    public boolean hasHeader() {
        return false;
    }

    @Override
    public boolean recognises(List<String> firstRow) {
        return firstRow.size() == 5 && digits(firstRow.get(0)) && digits(firstRow.get(1)) && digits(firstRow.get(2))
                && type(firstRow.get(3)) != null && digits(firstRow.get(4));
    }

    @Override
    public ParsedRow<BehaviourEvent> parse(ImportRow row, ImportContext context) {
        int n = row.values().size();
        if (n != 5) {
            return ParsedRow.reject("row", "expected 5 fields (" + String.join(", ", FIELDS) + "), found " + n);
        }
        for (int i : new int[] {0, 1, 2}) {
            String id = row.at(i);
            if (!digits(id)) {
                return ParsedRow.reject(FIELDS.get(i), id.isEmpty() ? FIELDS.get(i) + " is empty"
                        : FIELDS.get(i) + " '" + id + "' is not a numeric id");
            }
        }
        BehaviourEvent.Type type = type(row.at(3));
        if (type == null) {
            return ParsedRow.reject("behavior_type", row.at(3).isEmpty() ? "behavior_type is empty"
                    : "behavior_type '" + row.at(3) + "' is not one of pv, fav, cart, buy");
        }
        String ts = row.at(4);
        if (!digits(ts) || ts.length() > 12) {
            return ParsedRow.reject("timestamp", ts.isEmpty() ? "timestamp is empty"
                    : "timestamp '" + ts + "' is not Unix seconds (a whole number such as 1511544070)");
        }
        long seconds = Long.parseLong(ts);
        if (seconds < EARLIEST || seconds >= LATEST) {
            return ParsedRow.reject("timestamp", "timestamp " + ts + " is " + Instant.ofEpochSecond(seconds)
                    + ", not between 2000 and 2100");
        }
        return ParsedRow.accept(new BehaviourEvent(0, row.at(0), row.at(1), row.at(2), type, Instant.ofEpochSecond(seconds)));
    }

    static BehaviourEvent.Type type(String text) {
        switch (text.trim()) {
            case "pv":
                return BehaviourEvent.Type.VIEW;
            case "fav":
                return BehaviourEvent.Type.FAVOURITE;
            case "cart":
                return BehaviourEvent.Type.CART;
            case "buy":
                return BehaviourEvent.Type.BUY;
            default:
                return null;
        }
    }

    private static boolean digits(String text) {
        String t = text == null ? "" : text.trim();
        return !t.isEmpty() && t.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    @Override
    public WriteResult write(ImportBatch<BehaviourEvent> batch) {
        return batch.core().events(batch.records());
    }
}
