package com.shopops.platform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Shop;
import com.shopops.platform.imports.ImportSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text summary of an import: the first rejected rows, then how many more there are. */
class ImportCommandTest {

    @Test
    void listsTheFirstRejectedRowsAndCountsTheRestExactly() {
        List<ImportSummary.RowError> errors = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            errors.add(new ImportSummary.RowError(i + 2, "Quantity", "'x' is not a whole number"));
        }
        ImportSummary s = new ImportSummary("orders", "online-retail", "o.csv", "CSV, UTF-8", false, 300, 50, 0, 0, 0, 250,
                Map.of(), errors, true, null, 1.0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        ImportCommand.print(s, new Shop(1, "s", "S", "other", "CNY", ZoneId.of("Asia/Shanghai")),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(ImportCommand.SHOWN_ERRORS, out.lines().filter(l -> l.startsWith("    line ")).count());
        assertTrue(out.contains("line 21, Quantity"), out);
        assertTrue(out.contains("… and 230 more (--json lists up to 100)"), out);
    }
}
