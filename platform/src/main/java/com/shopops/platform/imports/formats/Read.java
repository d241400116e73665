package com.shopops.platform.imports.formats;

import com.shopops.api.CellRefused;
import com.shopops.api.Cells;
import com.shopops.api.ImportContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * The formats' cell reading: {@link Cells} with the column's name in front of its reason, thrown as
 * {@link CellRefused}. Reasons read like "Quantity 'abc' is not a whole number" or "UnitPrice is empty".
 */
final class Read {

    private Read() {
    }

    static Currency currency(ImportContext context) {
        return Currency.getInstance(context.shop().currency());
    }

    /** The trimmed text, or a rejection "{@code column} is empty". */
    static String required(String column, String text) {
        if (text == null || text.isBlank()) {
            throw new CellRefused(column, column + " is empty");
        }
        return text.trim();
    }

    /** The text, or null when blank. */
    static String orNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    static long count(String column, String text) {
        required(column, text);
        try {
            return Cells.count(text);
        } catch (IllegalArgumentException e) {
            throw new CellRefused(column, column + " " + e.getMessage());
        }
    }

    /** A count that must not be negative. */
    static long nonNegativeCount(String column, String text) {
        long n = count(column, text);
        if (n < 0) {
            throw new CellRefused(column, column + " " + n + " is negative");
        }
        return n;
    }

    /** A count, or {@code otherwise} when blank; never negative. */
    static long nonNegativeCount(String column, String text, long otherwise) {
        return text == null || text.isBlank() ? otherwise : nonNegativeCount(column, text);
    }

    static long money(String column, String text, Currency currency) {
        required(column, text);
        try {
            return Cells.money(text, currency);
        } catch (IllegalArgumentException e) {
            throw new CellRefused(column, column + " " + e.getMessage());
        }
    }

    /** Money, or {@code otherwise} when blank. */
    static Long money(String column, String text, Currency currency, Long otherwise) {
        return text == null || text.isBlank() ? otherwise : Long.valueOf(money(column, text, currency));
    }

    static Instant instant(String column, String text, ZoneId zone) {
        required(column, text);
        try {
            return Cells.instant(text, zone);
        } catch (IllegalArgumentException e) {
            throw new CellRefused(column, column + " " + e.getMessage());
        }
    }

    /** A point in time, or null when blank. */
    static Instant instantOrNull(String column, String text, ZoneId zone) {
        return text == null || text.isBlank() ? null : instant(column, text, zone);
    }

    static LocalDate date(String column, String text) {
        required(column, text);
        try {
            return Cells.localDate(text);
        } catch (IllegalArgumentException e) {
            throw new CellRefused(column, column + " " + e.getMessage());
        }
    }

    /** A date, or null when blank. */
    static LocalDate dateOrNull(String column, String text) {
        return text == null || text.isBlank() ? null : date(column, text);
    }

    /** A rate between 0 and 1 ({@code 45.2%} or {@code 0.452}), or null when blank. */
    static Double rateOrNull(String column, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        double rate;
        try {
            rate = Cells.fraction(text);
        } catch (IllegalArgumentException e) {
            throw new CellRefused(column, column + " " + e.getMessage());
        }
        if (rate < 0 || rate > 1) {
            throw new CellRefused(column, column + " '" + text.trim() + "' is not between 0 and 1 (0% and 100%)");
        }
        return rate;
    }

    /** A duration in seconds ({@code 65}, {@code 00:01:05}), or null when blank; never negative. */
    static Double secondsOrNull(String column, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        double seconds;
        try {
            seconds = Cells.seconds(text);
        } catch (IllegalArgumentException e) {
            throw new CellRefused(column, column + " " + e.getMessage());
        }
        if (seconds < 0) {
            throw new CellRefused(column, column + " '" + text.trim() + "' is negative");
        }
        return seconds;
    }

    /** quantity × unit price, exactly. */
    static long times(String column, long quantity, long unitPrice) {
        try {
            return Math.multiplyExact(quantity, unitPrice);
        } catch (ArithmeticException e) {
            throw new CellRefused(column, "quantity " + quantity + " × unit price is too large an amount");
        }
    }

    /** The header's own spelling of the first of {@code names} it has, or {@code names[0]}. */
    static String column(List<String> header, String... names) {
        for (String name : names) {
            for (String h : header) {
                if (h != null && h.trim().equalsIgnoreCase(name)) {
                    return h.trim();
                }
            }
        }
        return names[0];
    }

    /** Whether the header has a column {@code name} (ignoring case and surrounding spaces). */
    static boolean has(List<String> header, String name) {
        for (String h : header) {
            if (h != null && h.trim().equalsIgnoreCase(name.trim())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the header has one of {@code names}. */
    static boolean hasAny(List<String> header, String... names) {
        for (String name : names) {
            if (has(header, name)) {
                return true;
            }
        }
        return false;
    }

    static String lower(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }
}
