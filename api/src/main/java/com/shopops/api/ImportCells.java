package com.shopops.api;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * Reads one import row's cells by column, each column known by the names the exports give it (its
 * Chinese and English names, or a back office's old and new ones), with {@link Cells}' rules. Back
 * offices write "-", "--", "—" or nothing for an empty figure; those read as nothing (0 or null, as
 * each method says). What cannot be read throws {@link CellRefused} naming the column as this file
 * writes it, e.g. "花费 -1.00 is negative". Formats extend it with their own readings:
 * <pre>{@code
 * ImportCells cells = new ImportCells(row, Currency.getInstance(context.shop().currency()));
 * long clicks = cells.count("点击量", "Clicks");          // 0 for "-"
 * Long cost = cells.optionalMoney("花费", "Cost");          // 1234 for "12.34" in a yuan shop
 * LocalDate day = cells.day("日期", "Date");                // refused "日期 is empty" for "-"
 * String title = cells.text(200, "标题", "Title");          // refused when longer than 200 characters
 * }</pre>
 * Days are read only from {@link #FIRST_YEAR} to {@link #LAST_YEAR} (since 1.4.0).
 *
 * @since 1.2.0
 */
public class ImportCells {

    /**
     * The first year a day may be in. Days are stored as ISO text and compared as text, which orders only
     * four-digit years, and the host's requests ask for no day outside {@code FIRST_YEAR} to {@link #LAST_YEAR}
     * (see {@link ShopRequest}), so a row of another year could never be seen.
     *
     * @since 1.4.0
     */
    public static final int FIRST_YEAR = 2000;

    /**
     * The last year a day may be in; see {@link #FIRST_YEAR}.
     *
     * @since 1.4.0
     */
    public static final int LAST_YEAR = 2100;

    private final ImportRow row;
    private final Currency currency;

    /**
     * @param row      the row to read
     * @param currency the shop's currency, for money
     */
    public ImportCells(ImportRow row, Currency currency) {
        this.row = row;
        this.currency = currency;
    }

    /** The row read. */
    public ImportRow row() {
        return row;
    }

    /** The shop's currency. */
    public Currency currency() {
        return currency;
    }

    /** The header's name for the first of {@code names} it has (ignoring case and spaces), or null. */
    public static String column(List<String> header, String... names) {
        for (String name : names) {
            for (String h : header) {
                if (h.trim().equalsIgnoreCase(name)) {
                    return h.trim();
                }
            }
        }
        return null;
    }

    /** Whether {@code header} has a column of any of {@code names} (ignoring case and spaces). */
    public static boolean has(List<String> header, String... names) {
        return column(header, names) != null;
    }

    /** Whether the text is a back office's "nothing": empty, "-", "--" or "—". */
    public static boolean nothing(String text) {
        return text.isEmpty() || text.equals("-") || text.equals("--") || text.equals("—");
    }

    /** The column's name as this file writes it, for messages (the first name when the file lacks it). */
    public String name(String... names) {
        String c = column(row.header(), names);
        return c != null ? c : names[0];
    }

    /** A refusal of the column's cell: "{@code <column> <reason>}". */
    public CellRefused refused(String reason, String... names) {
        return new CellRefused(name(names), name(names) + " " + reason);
    }

    /**
     * The text, stripped, required: refused "{@code <column> is empty}" when it is nothing (also when the
     * file lacks the column).
     * <pre>{@code
     * String campaign = cells.text("推广计划名称", "Campaign");   // "Summer sale" for " Summer sale "
     * }</pre>
     *
     * @since 1.4.0
     */
    public String text(String... names) {
        String t = row.text(names).strip();
        if (nothing(t)) {
            throw refused("is empty", names);
        }
        return t;
    }

    /**
     * The text, stripped, required and at most {@code maxLength} characters (code points): refused
     * "{@code <column> is empty}" or "{@code <column> is longer than <maxLength> characters}".
     * <pre>{@code
     * String sku = cells.text(64, "SKU", "商家编码");
     * }</pre>
     *
     * @since 1.4.0
     */
    public String text(int maxLength, String... names) {
        return capped(text(names), maxLength, names);
    }

    /**
     * The text, stripped, or null when it is nothing or the file lacks the column.
     * <pre>{@code
     * String tag = cells.optionalText("来源标记", "Source tag");   // null for "-"
     * }</pre>
     *
     * @since 1.4.0
     */
    public String optionalText(String... names) {
        String t = row.text(names).strip();
        return nothing(t) ? null : t;
    }

    /**
     * The text, stripped, or null when it is nothing or the file lacks the column; at most {@code maxLength}
     * characters (code points), else refused "{@code <column> is longer than <maxLength> characters}".
     * <pre>{@code
     * String url = cells.optionalText(2000, "链接", "URL");
     * }</pre>
     *
     * @since 1.4.0
     */
    public String optionalText(int maxLength, String... names) {
        String t = optionalText(names);
        return t == null ? null : capped(t, maxLength, names);
    }

    private String capped(String text, int maxLength, String... names) {
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw refused("is longer than " + maxLength + " characters", names);
        }
        return text;
    }

    /**
     * A day in one of {@link Cells#localDate}'s layouts, or null for nothing. Since 1.4.0 a day outside
     * {@link #FIRST_YEAR} to {@link #LAST_YEAR} is refused as {@link #withinYears} says (before, it was read).
     */
    public LocalDate optionalDay(String... names) {
        String t = row.text(names);
        if (nothing(t)) {
            return null;
        }
        LocalDate day;
        try {
            day = Cells.localDate(t);
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage(), names);
        }
        return withinYears(day, names);
    }

    /**
     * A day as {@link #optionalDay} reads it, required: refused "{@code <column> is empty}" for nothing.
     * <pre>{@code
     * LocalDate day = cells.day("日期", "Date");   // 2024-05-01 for "2024/5/1"; "日期 1999-12-31 is not a day from 2000 to 2100"
     * }</pre>
     *
     * @since 1.4.0
     */
    public LocalDate day(String... names) {
        LocalDate day = optionalDay(names);
        if (day == null) {
            throw refused("is empty", names);
        }
        return day;
    }

    /**
     * {@code day} when its year is from {@link #FIRST_YEAR} to {@link #LAST_YEAR}, else refused
     * "{@code <column> <cell> is not a day from 2000 to 2100}": for a format that reads a layout of its own.
     * <pre>{@code
     * LocalDate day = cells.withinYears(LocalDate.parse(text, GOOGLE_DATE), "Day");
     * }</pre>
     *
     * @since 1.4.0
     */
    public LocalDate withinYears(LocalDate day, String... names) {
        if (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
            throw refused(row.text(names) + " is not a day from " + FIRST_YEAR + " to " + LAST_YEAR, names);
        }
        return day;
    }

    /** A whole count, 0 for nothing; never negative. */
    public long count(String... names) {
        Long n = optionalCount(names);
        return n == null ? 0 : n;
    }

    /** A whole count, or null for nothing; never negative. */
    public Long optionalCount(String... names) {
        String t = row.text(names);
        if (nothing(t)) {
            return null;
        }
        long n;
        try {
            n = Cells.count(t);
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage(), names);
        }
        return nonNegative(n, t, names);
    }

    /** Money in the shop's minor units ({@code 12.34} yuan → 1234 fen), 0 for nothing; never negative. */
    public long money(String... names) {
        Long m = optionalMoney(names);
        return m == null ? 0 : m;
    }

    /** Money in the shop's minor units, or null for nothing; never negative. */
    public Long optionalMoney(String... names) {
        String t = row.text(names);
        if (nothing(t)) {
            return null;
        }
        long m;
        try {
            m = Cells.money(t, currency);
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage(), names);
        }
        return nonNegative(m, t, names);
    }

    /** A decimal number such as an average rank, or null for nothing; never negative. */
    public Double optionalNumber(String... names) {
        String t = row.text(names);
        if (nothing(t)) {
            return null;
        }
        double d;
        try {
            d = Cells.number(t);
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage(), names);
        }
        if (d < 0) {
            throw refused(t + " is negative", names);
        }
        return d;
    }

    private long nonNegative(long n, String text, String... names) {
        if (n < 0) {
            throw refused(text + " is negative", names);
        }
        return n;
    }
}
