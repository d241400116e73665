package com.shopops.plugins.listings.imports;

import com.shopops.api.ImportCells;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportRow;
import java.util.Currency;

/**
 * Reads the cells of listings files with the API's {@link ImportCells} rules (texts with a length limit,
 * days from 2000 to 2100), plus counts that fit an int and total lines. What cannot be read throws a
 * refusal naming the column.
 */
final class SheetCells extends ImportCells {

    SheetCells(ImportRow row, ImportContext context) {
        super(row, Currency.getInstance(context.shop().currency()));
    }

    /** A whole number that fits an int, or null for nothing. */
    Integer optionalInt(String... names) {
        Long n = optionalCount(names);
        if (n != null && n > 1_000_000) {
            throw refused(n + " is more than 1,000,000", names);
        }
        return n == null ? null : n.intValue();
    }

    /** Whether the row is a total line (合计, 总计, Total), which is no data. */
    boolean isTotal() {
        String t = row().at(0);
        return t.equalsIgnoreCase("Total") || t.startsWith("Total:") || t.equals("合计") || t.equals("总计");
    }
}
