package com.shopops.plugins.activities.imports;

import com.shopops.api.CellRefused;
import com.shopops.api.ImportCells;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportRow;
import java.util.Currency;

/**
 * Reads the cells of campaign files by column, each column known by its Chinese and English names: the
 * API's {@link ImportCells}, where "-", "--" and empty cells are nothing (0 for counts, null for
 * optional values, "is empty" for required texts and days) and days are from 2000 to 2100. What cannot
 * be read throws {@link CellRefused} with the column as the file names it and the reason.
 */
final class RowCells extends ImportCells {

    RowCells(ImportRow row, ImportContext context) {
        super(row, Currency.getInstance(context.shop().currency()));
    }

    /** Whether the row is a total line (合计, 总计, Total), which is no data. */
    boolean isTotal() {
        String t = row().at(0);
        return t.equalsIgnoreCase("Total") || t.startsWith("Total:") || t.equals("合计") || t.equals("总计");
    }
}
