package com.shopops.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.platform.imports.ImportSummary;
import com.shopops.platform.imports.ImportSummary.RowError;
import java.util.List;

/**
 * What an import test asserts of an import's summary: its counts, and its rejected rows by line, column and
 * the words each reason must hold.
 *
 * <pre>{@code
 * ImportChecks.counts(summary, 5, 3, 0, 0, 0, 2);
 * ImportChecks.errors(summary, 4, "日期", "not a day", 6, "价格", "negative");
 * }</pre>
 */
public final class ImportChecks {

    private ImportChecks() {
    }

    /** The summary's read, imported, updated, unchanged, skipped and rejected rows, in that order. */
    public static void counts(ImportSummary s, long read, long imported, long updated, long unchanged, long skipped, long rejected) {
        assertEquals(List.of(read, imported, updated, unchanged, skipped, rejected),
                List.of(s.read(), s.imported(), s.updated(), s.unchanged(), s.skipped(), s.rejected()), s.toString());
    }

    /** The summary's errors, each as its line, its column and words its reason must contain, in that order. */
    public static void errors(ImportSummary s, Object... lineColumnReason) {
        assertEquals(lineColumnReason.length / 3, s.errors().size(), s.errors().toString());
        for (int i = 0; i < s.errors().size(); i++) {
            RowError e = s.errors().get(i);
            assertEquals(((Number) lineColumnReason[3 * i]).longValue(), e.line(), e.toString());
            assertEquals(lineColumnReason[3 * i + 1], e.column(), e.toString());
            assertTrue(e.reason().contains((String) lineColumnReason[3 * i + 2]), e + " should say " + lineColumnReason[3 * i + 2]);
        }
    }
}
