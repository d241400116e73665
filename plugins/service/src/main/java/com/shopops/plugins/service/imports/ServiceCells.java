package com.shopops.plugins.service.imports;

import com.shopops.api.ImportCells;
import com.shopops.api.ImportRow;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * The service reports' cells: {@link ImportCells} (days from 2000 to 2100, texts with a length limit) with
 * the readings both formats share — an agent's or customer's name, a yes/no and a capped count.
 */
final class ServiceCells extends ImportCells {

    /** Longer names are not a back office's: a spoiled cell. */
    static final int MAX_NAME = 200;
    private static final Set<String> YES = Set.of("是", "已跟进", "已跟单", "y", "yes", "true", "1", "✓");
    private static final Set<String> NO = Set.of("否", "未跟进", "未跟单", "n", "no", "false", "0");

    ServiceCells(ImportRow row, Currency currency) {
        super(row, currency);
    }

    /** A name (agent, customer): not empty, not longer than {@link #MAX_NAME}, no control characters. */
    String name(boolean required, String... names) {
        String t = required ? text(MAX_NAME, names) : optionalText(MAX_NAME, names);
        if (t != null && t.codePoints().anyMatch(Character::isISOControl)) {
            throw refused("has control characters", names);
        }
        return t;
    }

    /** A yes/no (是/否, yes/no, 1/0), or null for nothing. */
    Boolean yesNo(String... names) {
        String t = row().text(names).toLowerCase(Locale.ROOT);
        if (nothing(t)) {
            return null;
        }
        if (YES.contains(t)) {
            return true;
        }
        if (NO.contains(t)) {
            return false;
        }
        throw refused(row().text(names) + " is not yes or no (是/否)", names);
    }

    /** A whole count no larger than {@code max}. */
    long count(long max, String... names) {
        long n = count(names);
        if (n > max) {
            throw refused(row().text(names) + " is more than " + max, names);
        }
        return n;
    }
}
