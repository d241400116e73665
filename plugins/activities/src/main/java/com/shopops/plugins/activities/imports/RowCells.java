package com.shopops.plugins.activities.imports;

import com.shopops.api.CellRefused;
import com.shopops.api.ImportCells;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportRow;
import java.time.LocalDate;
import java.util.Currency;

/**
 * Reads the cells of campaign files by column, each column known by its Chinese and English names: the
 * API's {@link ImportCells}, where "-", "--" and empty cells are nothing (0 for counts, null for
 * optional values), and here also for text. What cannot be read throws {@link CellRefused} with the
 * column as the file names it and the reason.
 */
final class RowCells extends ImportCells {

    RowCells(ImportRow row, ImportContext context) {
        super(row, Currency.getInstance(context.shop().currency()));
    }

    /** The trimmed text, required. */
    String text(String... names) {
        String t = row().text(names);
        if (nothing(t)) {
            throw refused("is empty", names);
        }
        return t;
    }

    /** The trimmed text, or null when the column is missing or the cell empty. */
    String optionalText(String... names) {
        String t = row().text(names);
        return nothing(t) ? null : t;
    }

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    /**
     * A day, or null for nothing; a day of another year than 2000 to 2100 is refused: days are stored and
     * compared as text, which orders only four-digit years, and no one can ask for a day outside the
     * years the host's requests take (ShopRequest).
     */
    @Override
    public LocalDate optionalDay(String... names) {
        LocalDate d = super.optionalDay(names);
        if (d != null && (d.getYear() < FIRST_YEAR || d.getYear() > LAST_YEAR)) {
            throw refused(row().text(names) + " is not a day from " + FIRST_YEAR + " to " + LAST_YEAR, names);
        }
        return d;
    }

    /** A day, required. */
    LocalDate day(String... names) {
        LocalDate d = optionalDay(names);
        if (d == null) {
            throw refused("is empty", names);
        }
        return d;
    }

    /** Whether the row is a total line (合计, 总计, Total), which is no data. */
    boolean isTotal() {
        String t = row().at(0);
        return t.equalsIgnoreCase("Total") || t.startsWith("Total:") || t.equals("合计") || t.equals("总计");
    }
}
