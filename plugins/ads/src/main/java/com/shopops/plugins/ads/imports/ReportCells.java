package com.shopops.plugins.ads.imports;

import com.shopops.api.CellRefused;
import com.shopops.api.Cells;
import com.shopops.api.ImportCells;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/**
 * Reads the cells of ad reports by column, each column known by the names its exports use: the API's
 * {@link ImportCells} (counts and money as 0 for "-", "--" and empty cells, optional figures as null)
 * and what only ad reports have — Google's English dates, fractional conversions, quality scores,
 * total lines, clicks within impressions, the report's currency. What cannot be read throws
 * {@link CellRefused} with the column as the file names it and a reason such as "花费 -1.00 is negative".
 */
final class ReportCells extends ImportCells {

    ReportCells(ImportRow row, ImportContext context) {
        super(row, Currency.getInstance(context.shop().currency()));
    }

    boolean has(String... names) {
        return has(row().header(), names);
    }

    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH);

    /**
     * A day, required: the layouts of {@link ImportCells#day}, or Google's {@code May 1, 2024} (after an
     * optional weekday); from 2000 to 2100 either way.
     */
    @Override
    public LocalDate day(String... names) {
        String t = text(names);
        String english = t.matches("^[A-Za-z]{3,9}, .*") && t.indexOf(',') < t.lastIndexOf(',') ? t.substring(t.indexOf(',') + 1).trim() : t;
        try {
            return withinYears(LocalDate.parse(english, ENGLISH_DATE), names);
        } catch (DateTimeException notEnglish) {
            return super.day(names);
        }
    }

    /** A decimal number, or null for nothing; never negative, never infinite ("1e309" would be). */
    @Override
    public Double optionalNumber(String... names) {
        Double d = super.optionalNumber(names);
        if (d != null && !Double.isFinite(d)) {
            throw refused(row().text(names) + " is too large a number", names);
        }
        return d;
    }

    /**
     * A count that may come with decimals, rounded half up to whole ({@code 1.5} → 2): Google's
     * conversions, which data-driven attribution splits across clicks. 0 for nothing; never negative.
     */
    long roundedCount(String... names) {
        Double d = optionalNumber(names);
        try {
            return d == null ? 0 : BigDecimal.valueOf(d).setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw refused(row().text(names) + " is too large a count", names);
        }
    }

    /** A quality score, 1–10, or null for nothing. */
    Integer optionalQualityScore(String... names) {
        String t = row().text(names);
        if (nothing(t)) {
            return null;
        }
        long q;
        try {
            q = Cells.count(t);
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage(), names);
        }
        if (q < 1 || q > 10) {
            throw refused(t + " is not a quality score from 1 to 10", names);
        }
        return (int) q;
    }

    /** Direct and indirect figures added up; two huge ones would wrap round to a negative figure. */
    long sum(long direct, long indirect, String... names) {
        try {
            return Math.addExact(direct, indirect);
        } catch (ArithmeticException e) {
            throw refused(direct + " and " + indirect + " add up to more than a figure can be", names);
        }
    }

    /** Rejects clicks above impressions, which no report can have. */
    void clicksWithinImpressions(long clicks, long impressions, String[] clickNames, String[] impressionNames) {
        if (clicks > impressions) {
            throw refused(clicks + " is more than " + name(impressionNames) + " " + impressions, clickNames);
        }
    }

    /** Rejects a row whose currency column names another currency than the shop's. */
    void currency(String... names) {
        String t = row().text(names);
        if (!t.isEmpty() && !t.equalsIgnoreCase(currency().getCurrencyCode())) {
            throw refused(t + " is not the shop's currency " + currency().getCurrencyCode(), names);
        }
    }

    /** Whether the row is a total line (Google's "Total: Account", 直通车's 合计/总计), which is no data. */
    boolean isTotal(String... dayNames) {
        String first = row().at(0);
        String day = row().text(dayNames);
        return isTotalText(first) || isTotalText(day);
    }

    private static boolean isTotalText(String t) {
        // Exactly these shapes: a search term such as "total wireless" or 合计器 is data.
        return t.equalsIgnoreCase("Total") || t.startsWith("Total:") || t.equals("合计") || t.equals("总计")
                || t.startsWith("合计:") || t.startsWith("合计：") || t.startsWith("总计:") || t.startsWith("总计：");
    }
}
