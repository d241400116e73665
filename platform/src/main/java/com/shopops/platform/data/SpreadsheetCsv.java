package com.shopops.platform.data;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * CSV files the shop team opens in a spreadsheet: every table export of the host and of the plugins
 * goes through here, so they all keep user text from running as a formula and all open as UTF-8.
 */
public final class SpreadsheetCsv {

    private SpreadsheetCsv() {
    }

    /**
     * A text cell a spreadsheet will not run as a formula: text starting with {@code = + - @} (or a tab
     * or carriage return) is kept as text with a leading apostrophe; null is an empty cell.
     */
    public static String cell(String s) {
        if (s == null) {
            return "";
        }
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    /**
     * A cell of any value: numbers as they are (so {@code -5} stays a number), decimals without an
     * exponent, everything else as text through {@link #cell(String)}.
     */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "" : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Float f) {
            return cell((Object) f.doubleValue());
        }
        if (value instanceof Number n) {
            return n instanceof BigDecimal b ? b.toPlainString() : n.toString();
        }
        return cell(value.toString());
    }

    /** Writes a header row and the rows, each value through {@link #cell(Object)}. */
    public static void write(Writer out, List<String> header, Iterable<? extends List<?>> rows) {
        try (CsvWriter csv = CsvWriter.builder().build(out)) {
            csv.writeRecord(header.stream().map(SpreadsheetCsv::cell).toList());
            for (List<?> row : rows) {
                List<String> cells = new ArrayList<>(row.size());
                for (Object value : row) {
                    cells.add(cell(value));
                }
                csv.writeRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Answers a request with a CSV download named {@code fileName}, its body written by {@code body}.
     * The byte-order mark lets spreadsheet programs read the file as UTF-8 (Chinese titles and names).
     */
    public static void send(Context ctx, String fileName, Consumer<Writer> body) {
        StringWriter out = new StringWriter();
        body.accept(out);
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[\"\\\\\\r\\n/]", "_") + "\"");
        ctx.contentType("text/csv; charset=utf-8");
        ctx.result("\uFEFF" + out);
    }
}
