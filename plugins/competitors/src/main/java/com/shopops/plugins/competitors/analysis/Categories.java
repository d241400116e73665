package com.shopops.plugins.competitors.analysis;

import java.util.Locale;

/**
 * Categories as peers' and our exports write them: a path such as {@code 厨房用具/厨房小工具} or
 * {@code 厨房用具 > 厨房小工具}, or its last part alone. Two categories are the same when their last parts
 * are, ignoring case and spaces, since one export writes the path and another only the leaf.
 */
public final class Categories {

    private Categories() {
    }

    /** The category's last part, lower-cased, without spaces; "" for none. */
    public static String leaf(String category) {
        if (category == null) {
            return "";
        }
        String[] parts = category.split("[/>›＞|]");
        for (int i = parts.length - 1; i >= 0; i--) {
            String p = parts[i].replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
            if (!p.isEmpty()) {
                return p;
            }
        }
        return "";
    }

    /** Whether {@code a} and {@code b} name the same category (both given). */
    public static boolean same(String a, String b) {
        String x = leaf(a);
        return !x.isEmpty() && x.equals(leaf(b));
    }
}
