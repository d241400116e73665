package com.shopops.platform.imports.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.ImportContext;
import com.shopops.api.ImportFormat;
import com.shopops.api.ImportRow;
import com.shopops.api.ParsedRow;
import com.shopops.api.Shop;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Test helpers: shops, rows, outcomes, and reading a file the way the engine does. */
final class Rows {

    static final Shop UK = new Shop(1, "uk-gifts", "UK gifts", "other", "GBP", ZoneId.of("Europe/London"));
    static final Shop TMALL = new Shop(2, "tmall", "女装旗舰店", "tmall", "CNY", ZoneId.of("Asia/Shanghai"));
    static final Shop US = new Shop(3, "us-tea", "Teahouse Goods", "shopify", "USD", ZoneId.of("America/New_York"));

    private Rows() {
    }

    static List<String> header(String csvLine) {
        return Arrays.stream(csvLine.split(",", -1)).map(String::trim).toList();
    }

    static ImportContext context(Shop shop, List<String> header) {
        return new ImportContext(shop, "test.csv", header, Map.of());
    }

    static ImportContext context(Shop shop, List<String> header, Map<String, String> options) {
        return new ImportContext(shop, "test.csv", header, options);
    }

    /** A row of {@code header} from a comma-separated line (no quoting; -1 keeps trailing empty cells). */
    static ImportRow row(List<String> header, String csvLine) {
        return new ImportRow(2, header, Arrays.asList(csvLine.split(",", -1)));
    }

    @SuppressWarnings("unchecked")
    static <R> R accepted(ParsedRow<R> parsed) {
        assertInstanceOf(ParsedRow.Accepted.class, parsed, () -> "expected accepted, got " + parsed);
        return ((ParsedRow.Accepted<R>) parsed).record();
    }

    static void rejected(ParsedRow<?> parsed, String column, String reason) {
        ParsedRow.Rejected<?> r = assertInstanceOf(ParsedRow.Rejected.class, parsed, () -> "expected rejected, got " + parsed);
        assertEquals(column, r.column(), () -> "column of " + r);
        assertTrue(r.reason().contains(reason), () -> "reason '" + r.reason() + "' should contain '" + reason + "'");
    }

    static void skipped(ParsedRow<?> parsed, String reason) {
        ParsedRow.Skipped<?> s = assertInstanceOf(ParsedRow.Skipped.class, parsed, () -> "expected skipped, got " + parsed);
        assertTrue(s.reason().contains(reason), () -> "reason '" + s.reason() + "' should contain '" + reason + "'");
    }

    /** A test resource read with FastCSV: every record's fields and starting line. */
    static List<CsvRecord> csv(String resource, Charset charset) {
        InputStream in = Rows.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no resource " + resource);
        }
        try (in; CsvReader<CsvRecord> reader = CsvReader.builder().allowMissingFields(true).allowExtraFields(true)
                .detectBomHeader(true).ofCsvRecord(in, charset)) {
            List<CsvRecord> records = new ArrayList<>();
            reader.forEach(records::add);
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one row of a file became, with its line and group. */
    record Outcome<R>(long line, String group, ParsedRow<R> parsed) {
    }

    /**
     * Parses a file as the engine would: the header is the first record at index {@code headerAt}
     * (cells trimmed; none for a headerless format), every later record one row.
     */
    static <R> List<Outcome<R>> parse(ImportFormat<R> format, Shop shop, String resource, Charset charset, int headerAt,
                                      Map<String, String> options) {
        List<CsvRecord> records = csv(resource, charset);
        List<String> header = format.hasHeader()
                ? records.get(headerAt).getFields().stream().map(String::trim).toList() : List.of();
        ImportContext context = new ImportContext(shop, resource, format.hasHeader() ? header : records.get(0).getFields(),
                options);
        List<Outcome<R>> out = new ArrayList<>();
        for (int i = format.hasHeader() ? headerAt + 1 : 0; i < records.size(); i++) {
            CsvRecord rec = records.get(i);
            ImportRow row = new ImportRow(rec.getStartingLineNumber(), header, rec.getFields());
            out.add(new Outcome<>(rec.getStartingLineNumber(), format.group(row, context), format.parse(row, context)));
        }
        return out;
    }

    /**
     * The outcomes after the group rule of {@link ImportFormat#group}: when one row of a run of rows with the
     * same group is rejected, all of them are.
     */
    static <R> List<Outcome<R>> applyGroups(List<Outcome<R>> rows) {
        List<Outcome<R>> out = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            int j = i + 1;
            String g = rows.get(i).group();
            while (g != null && j < rows.size() && g.equals(rows.get(j).group())) {
                j++;
            }
            List<Outcome<R>> run = rows.subList(i, j);
            boolean bad = run.stream().anyMatch(o -> o.parsed() instanceof ParsedRow.Rejected);
            for (Outcome<R> o : run) {
                out.add(bad && !(o.parsed() instanceof ParsedRow.Rejected)
                        ? new Outcome<>(o.line(), o.group(), ParsedRow.reject("row", "another row of its group is bad"))
                        : o);
            }
            i = j;
        }
        return out;
    }

    static <R> List<R> records(List<Outcome<R>> rows) {
        List<R> out = new ArrayList<>();
        for (Outcome<R> o : rows) {
            if (o.parsed() instanceof ParsedRow.Accepted<R> a) {
                out.add(a.record());
            }
        }
        return out;
    }

    static long count(List<? extends Outcome<?>> rows, Class<?> outcome) {
        return rows.stream().filter(o -> outcome.isInstance(o.parsed())).count();
    }
}
