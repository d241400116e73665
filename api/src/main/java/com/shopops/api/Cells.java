package com.shopops.api;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the cells of exports as ShopOps stores them: money as exact minor units, counts as whole
 * numbers, rates as fractions, local dates and times in the layouts back offices write. Every method
 * throws {@link IllegalArgumentException} with a reason a person can act on; an import format turns it
 * into a row rejection:
 * <pre>{@code
 * long price;
 * try {
 *     price = Cells.money(row.text("UnitPrice"), currency);
 * } catch (IllegalArgumentException e) {
 *     return ParsedRow.reject("UnitPrice", e.getMessage());
 * }
 * }</pre>
 *
 * @since 1.0.0
 */
public final class Cells {

    private Cells() {
    }

    /**
     * Money in minor units, exactly: {@code "2.55"} → 255 for a currency with two decimals. Accepts a
     * leading minus, thousands separators, spaces and a currency sign (¥ ￥ $ £ €); refuses more decimals
     * than the currency has (no rounding), a decimal comma ({@code "2,55"}: commas only separate
     * thousands) and anything that is not a number.
     */
    public static long money(String text, Currency currency) {
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        long plain = plainMinorUnits(text, digits);
        if (plain != NOT_PLAIN) {
            return plain;
        }
        BigDecimal amount = decimal(text, "an amount of money");
        BigDecimal minor = amount.movePointRight(digits);
        try {
            return minor.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            if (minor.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                throw new IllegalArgumentException("'" + text.trim() + "' is too large an amount");
            }
            throw new IllegalArgumentException("'" + text.trim() + "' has more decimals than " + currency.getCurrencyCode()
                    + " has (" + digits + ")");
        }
    }

    /** A whole number such as a quantity or a visitor count: {@code "6"}, {@code "1,200"}, {@code "6.0"}. */
    public static long count(String text) {
        long plain = plainMinorUnits(text, 0);
        if (plain != NOT_PLAIN) {
            return plain;
        }
        BigDecimal value = decimal(text, "a whole number");
        try {
            return value.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a whole number");
        }
    }

    /** A decimal number, e.g. an average stay in seconds or pages per visit. */
    public static double number(String text) {
        return decimal(text, "a number").doubleValue();
    }

    /**
     * A rate as a fraction: {@code "45.2%"} → 0.452; a plain number is taken as the fraction itself
     * ({@code "0.452"}).
     */
    public static double fraction(String text) {
        String t = text == null ? "" : text.trim();
        if (t.endsWith("%")) {
            return decimal(t.substring(0, t.length() - 1), "a percentage").movePointLeft(2).doubleValue();
        }
        return decimal(t, "a rate").doubleValue();
    }

    /**
     * A duration in seconds: {@code "35"}, {@code "35.5"}, {@code "00:01:05"} or {@code "1:05"}
     * (minutes and seconds).
     */
    public static double seconds(String text) {
        String t = text == null ? "" : text.trim();
        if (t.contains(":")) {
            String[] parts = t.split(":");
            if (parts.length > 3) {
                throw new IllegalArgumentException("'" + t + "' is not a duration (use seconds or HH:MM:SS)");
            }
            double total = 0;
            for (String part : parts) {
                total = total * 60 + decimal(part, "a duration").doubleValue();
            }
            return total;
        }
        return decimal(t, "a duration in seconds").doubleValue();
    }

    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            pattern("uuuu-M-d H:mm[:ss][.SSSSSS][.SSS]"),
            pattern("uuuu-M-d'T'H:mm[:ss][.SSSSSS][.SSS]"),
            pattern("uuuu/M/d H:mm[:ss]"),
            pattern("M/d/uuuu H:mm[:ss]"),
            new DateTimeFormatterBuilder().appendPattern("M/d/")
                    .appendValueReduced(ChronoField.YEAR, 2, 2, 2000)
                    .appendPattern(" H:mm[:ss]").toFormatter(Locale.ROOT));

    private static volatile DateTimeFormatter lastDateTime = DATE_TIMES.get(0);

    private static final List<DateTimeFormatter> DATES = List.of(
            pattern("uuuu-M-d"), pattern("uuuu/M/d"), pattern("uuuuMMdd"), pattern("M/d/uuuu"),
            new DateTimeFormatterBuilder().appendPattern("M/d/")
                    .appendValueReduced(ChronoField.YEAR, 2, 2, 2000).toFormatter(Locale.ROOT));

    private static DateTimeFormatter pattern(String p) {
        return DateTimeFormatter.ofPattern(p, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    /**
     * A local date and time as exports write them: {@code 2010-12-01 08:26:00}, {@code 2010-12-01T08:26},
     * {@code 2010/12/1 8:26}, US month-first {@code 12/1/2010 8:26} and {@code 12/1/10 8:26} (20yy).
     * A date alone is midnight.
     */
    public static LocalDateTime localDateTime(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("the date and time is empty");
        }
        // A file writes all its times one way: the layout that read the last one is tried first, as a
        // layout that does not fit costs an exception.
        DateTimeFormatter last = lastDateTime;
        try {
            return LocalDateTime.parse(t, last);
        } catch (DateTimeException e) {
            // another layout
        }
        for (DateTimeFormatter f : DATE_TIMES) {
            if (f == last) {
                continue;
            }
            try {
                LocalDateTime parsed = LocalDateTime.parse(t, f);
                lastDateTime = f;
                return parsed;
            } catch (DateTimeException e) {
                // try the next layout
            }
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(t, f).atStartOfDay();
            } catch (DateTimeException e) {
                // try the next layout
            }
        }
        throw new IllegalArgumentException("'" + t + "' is not a date and time (expected e.g. 2010-12-01 08:26:00 or 12/1/2010 8:26)");
    }

    /**
     * A point in time: a local date and time read in {@code zone} (see {@link #localDateTime}), or a
     * time with its own offset such as {@code 2023-01-15 10:23:45 -0500} or {@code 2023-01-15T10:23:45+08:00}.
     */
    public static Instant instant(String text, ZoneId zone) {
        String t = text == null ? "" : text.trim();
        // The lines of one order repeat its time: the last answer is kept.
        LastInstant last = lastInstant;
        if (last != null && last.text().equals(t) && last.zone().equals(zone)) {
            return last.instant();
        }
        Instant parsed = parseInstant(t, zone);
        lastInstant = new LastInstant(t, zone, parsed);
        return parsed;
    }

    private record LastInstant(String text, ZoneId zone, Instant instant) {
    }

    private static volatile LastInstant lastInstant;

    private static Instant parseInstant(String t, ZoneId zone) {
        if (hasOffset(t)) {
            for (DateTimeFormatter f : OFFSET_TIMES) {
                try {
                    return OffsetDateTime.parse(t, f).toInstant();
                } catch (DateTimeException e) {
                    // not a time with an offset
                }
            }
        }
        return localDateTime(t).atZone(zone).toInstant();
    }

    /** Whether a time ends in an offset: {@code Z}, {@code +08:00}, or a minus after the time's first colon. */
    private static boolean hasOffset(String t) {
        int colon = t.indexOf(':');
        return t.endsWith("Z") || t.indexOf('+') > 0 || colon > 0 && t.lastIndexOf('-') > colon;
    }

    private static final List<DateTimeFormatter> OFFSET_TIMES = List.of(
            pattern("uuuu-M-d H:mm[:ss] xx"), pattern("uuuu-M-d H:mm[:ss] xxx"),
            DateTimeFormatter.ISO_OFFSET_DATE_TIME);

    /**
     * A local date: {@code 2024-05-01}, {@code 2024/5/1}, {@code 20240501}, {@code 5/1/2024}, {@code 5/1/24};
     * a date and time counts as its date.
     */
    public static LocalDate localDate(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("the date is empty");
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeException e) {
                // try the next layout
            }
        }
        try {
            return localDateTime(t).toLocalDate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + t + "' is not a date (expected e.g. 2024-05-01)");
        }
    }

    /**
     * An id as spreadsheets mangle it: surrounding spaces, a leading apostrophe or tab, Excel's
     * {@code ="123"} and a float's {@code .0} on a whole number ({@code "17850.0"} → {@code "17850"}).
     */
    public static String id(String text) {
        String t = text == null ? "" : text.strip();
        if (t.startsWith("=\"") && t.endsWith("\"") && t.length() >= 3) {
            t = t.substring(2, t.length() - 1).strip();
        }
        if (t.startsWith("'")) {
            t = t.substring(1).strip();
        }
        if (t.endsWith(".0") && t.length() > 2 && t.substring(0, t.length() - 2).chars().allMatch(Character::isDigit)) {
            t = t.substring(0, t.length() - 2);
        }
        return t;
    }

    /** What {@link #plainMinorUnits} answers for text it leaves to the general reading. */
    private static final long NOT_PLAIN = Long.MIN_VALUE;

    /**
     * The common case read without BigDecimal, as most cells of a large file are: an optional minus and
     * up to 13 digits with at most {@code digits} decimals ({@code 6}, {@code -4.65}), in units of
     * 10^-{@code digits}. Anything else, including every malformed cell, is {@link #NOT_PLAIN} and goes
     * the general way, which gives the same value or the reason it has none.
     */
    private static long plainMinorUnits(String text, int digits) {
        if (text == null) {
            return NOT_PLAIN;
        }
        int length = text.length();
        int i = length > 0 && text.charAt(0) == '-' ? 1 : 0;
        int start = i;
        long value = 0;
        int decimals = -1; // digits after the point; -1 before it
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (decimals >= digits || i - start > 12) {
                    return NOT_PLAIN;
                }
                value = value * 10 + (c - '0');
                if (decimals >= 0) {
                    decimals++;
                }
            } else if (c == '.' && decimals < 0 && i > start && i < length - 1) {
                decimals = 0;
            } else {
                return NOT_PLAIN;
            }
        }
        if (i == start) {
            return NOT_PLAIN;
        }
        for (int d = Math.max(decimals, 0); d < digits; d++) {
            value *= 10;
        }
        return start == 1 ? -value : value;
    }

    private static final Pattern THOUSANDS = Pattern.compile("[-+]?[¥￥$£€]?[-+]?\\s*\\d{1,3}(,\\d{3})+(\\.\\d*)?");

    private static BigDecimal decimal(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty, expected " + what);
        }
        StringBuilder digits = new StringBuilder(text.length());
        String t = text.strip();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ',' || c == ' ' || c == '\u00a0' || (i == 0 || i == 1) && "¥￥$£€".indexOf(c) >= 0) {
                continue;
            }
            digits.append(c);
        }
        if (t.indexOf(',') >= 0 && !THOUSANDS.matcher(t).matches()) {
            // "2,55" is a decimal comma, not 255: refuse rather than read it a hundred times too large
            throw new IllegalArgumentException("'" + t + "' is not " + what
                    + " (a comma may only separate thousands, as in 1,200.50; decimals take a point)");
        }
        try {
            return new BigDecimal(digits.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + t + "' is not " + what);
        }
    }
}
