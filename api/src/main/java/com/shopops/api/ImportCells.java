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
 * }</pre>
 *
 * @since 1.2.0
 */
public class ImportCells {

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

    /** A day in one of {@link Cells#localDate}'s layouts, or null for nothing. */
    public LocalDate optionalDay(String... names) {
        String t = row.text(names);
        if (nothing(t)) {
            return null;
        }
        try {
            return Cells.localDate(t);
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage(), names);
        }
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
