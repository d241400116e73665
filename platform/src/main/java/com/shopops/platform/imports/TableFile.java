package com.shopops.platform.imports;

import com.shopops.api.ImportRefused;
import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * An import file read row by row, without holding it in memory: CSV (UTF-8, UTF-8 with BOM, UTF-16,
 * GBK/GB18030; comma, semicolon or tab separated) through FastCSV, or the first sheet of an XLSX
 * workbook through fastexcel-reader. Every cell comes back as text; XLSX numbers as their shortest
 * decimal ({@code 2.55}, not {@code 2.5499999999999998}) and XLSX dates as {@code 2010-12-01 08:26:00}.
 */
abstract class TableFile implements Closeable {

    /** One row: its 1-based line (CSV) or row (XLSX) number and its cells. */
    record RawRow(long line, List<String> cells) {

        boolean isBlank() {
            for (String c : cells) { // a loop, not a stream: this runs for every row
                if (c != null && !c.isBlank()) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The largest cell FastCSV will buffer; a longer one is a broken file, not an export. */
    private static final int MAX_CELL_CHARS = 1024 * 1024;

    /** Opens {@code file} ({@code name} is what the person called it, for messages). */
    static TableFile open(Path file, String name) throws ImportRefused, IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new ImportRefused(name + " is empty");
        }
        byte[] head = new byte[1024 * 1024];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, head.length);
        }
        if (ReadableWorkbook.isOLE2Header(head)) {
            throw new ImportRefused(name + " is an old Excel .xls workbook (or another Office file): save it as .xlsx or CSV");
        }
        if (ReadableWorkbook.isOOXMLZipHeader(head) || length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return new Xlsx(file, name, size);
        }
        TextEncoding encoding = TextEncoding.detect(head, length, length == size);
        if (!TextEncoding.looksLikeText(head, length, encoding)) {
            throw new ImportRefused(name + " is not a CSV or XLSX file (it holds binary data)");
        }
        return new Csv(file, size, encoding, separator(head, length, encoding));
    }

    /** The row after the last one returned, or null at the end of the file. */
    abstract RawRow next() throws IOException, ImportRefused;

    /** How far reading has got, in bytes of the file, for progress. */
    abstract long bytesRead();

    /** True for spreadsheets, whose rows end at their last non-empty cell. */
    boolean omitsTrailingEmptyCells() {
        return this instanceof Xlsx;
    }

    /** The file's size in bytes. */
    abstract long bytesTotal();

    /** What was found, for the summary: e.g. "CSV, GBK/GB18030, ','" or "XLSX, sheet 'Orders'". */
    abstract String describe();

    /** The separator of the first line: the most frequent of comma, tab and semicolon. */
    private static char separator(byte[] head, int length, TextEncoding encoding) {
        String text = new String(head, encoding.bomLength(), Math.max(0, length - encoding.bomLength()), encoding.charset());
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long bestCount = first.chars().filter(c -> c == ',').count();
        for (char c : new char[] {'\t', ';'}) {
            long n = first.chars().filter(x -> x == c).count();
            if (n > bestCount) {
                best = c;
                bestCount = n;
            }
        }
        return best;
    }

    private static final class Csv extends TableFile {
        private final long size;
        private final TextEncoding encoding;
        private final char separator;
        private final Counting counting;
        private final CsvReader<CsvRecord> reader;
        private final CloseableIterator<CsvRecord> rows;

        Csv(Path file, long size, TextEncoding encoding, char separator) throws IOException {
            this.size = size;
            this.encoding = encoding;
            this.separator = separator;
            this.counting = new Counting(Files.newInputStream(file));
            counting.skipNBytes(encoding.bomLength());
            this.reader = CsvReader.builder()
                    .fieldSeparator(separator)
                    .skipEmptyLines(true)
                    .allowExtraFields(true)
                    .allowMissingFields(true)
                    .allowExtraCharsAfterClosingQuote(true)
                    .maxBufferSize(MAX_CELL_CHARS)
                    .ofCsvRecord(new InputStreamReader(counting, encoding.charset()));
            this.rows = reader.iterator();
        }

        @Override
        RawRow next() throws ImportRefused {
            try {
                if (!rows.hasNext()) {
                    return null;
                }
                CsvRecord r = rows.next();
                return new RawRow(r.getStartingLineNumber(), r.getFields());
            } catch (CsvParseException e) {
                throw new ImportRefused("the file cannot be read on: " + e.getMessage()
                        + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
            } catch (UncheckedIOException e) {
                throw new ImportRefused("the file cannot be read: " + e.getCause().getMessage());
            }
        }

        @Override
        long bytesRead() {
            return counting.count;
        }

        @Override
        long bytesTotal() {
            return size;
        }

        @Override
        String describe() {
            return "CSV, " + encoding.describe() + ", separated by " + (separator == '\t' ? "tabs" : "'" + separator + "'");
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    private static final class Xlsx extends TableFile {
        private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
        private final long size;
        private final String sheetName;
        private final ReadableWorkbook workbook;
        private final Stream<Row> stream;
        private final Iterator<Row> rows;
        private boolean done;

        Xlsx(Path file, String name, long size) throws ImportRefused, IOException {
            this.size = size;
            try {
                this.workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
                var sheet = workbook.getFirstSheet();
                this.sheetName = sheet.getName();
                this.stream = sheet.openStream();
                this.rows = stream.iterator();
            } catch (IOException | RuntimeException e) {
                throw new ImportRefused(name + " is a zip file but not a readable XLSX workbook: " + e.getMessage());
            }
        }

        @Override
        RawRow next() throws ImportRefused {
            try {
                if (!rows.hasNext()) {
                    done = true;
                    return null;
                }
                Row row = rows.next();
                List<String> cells = new ArrayList<>(row.getCellCount());
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(text(row.getCell(i)));
                }
                return new RawRow(row.getRowNum(), cells);
            } catch (RuntimeException e) {
                throw new ImportRefused("the workbook cannot be read: " + e.getMessage());
            }
        }

        private static String text(Cell cell) {
            if (cell == null) {
                return "";
            }
            switch (cell.getType()) {
                case NUMBER -> {
                    if (isDateFormat(cell.getDataFormatId(), cell.getDataFormatString())) {
                        LocalDateTime t = cell.asDate();
                        return t == null ? "" : DATE_TIME.format(t);
                    }
                    // Excel stores 2.55 as 2.5499999999999998: the shortest decimal that reads back
                    // as the same double is what the person typed.
                    return BigDecimal.valueOf(Double.parseDouble(cell.getRawValue())).stripTrailingZeros().toPlainString();
                }
                case EMPTY -> {
                    return "";
                }
                case STRING, BOOLEAN, ERROR -> {
                    return cell.getText();
                }
                default -> {
                    String raw = cell.getRawValue();
                    return raw == null ? "" : raw;
                }
            }
        }

        /** Excel's built-in date formats are 14–22 and 45–47; custom ones are recognised by their letters. */
        static boolean isDateFormat(Integer id, String format) {
            if (id != null && (id >= 14 && id <= 22 || id >= 45 && id <= 47)) {
                return true;
            }
            if (format == null) {
                return false;
            }
            String bare = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").toLowerCase();
            return bare.matches(".*[ydhs].*") && !bare.matches(".*[0#].*") || bare.matches(".*(mm|m)/.*");
        }

        @Override
        long bytesRead() {
            return done ? size : 0;
        }

        @Override
        long bytesTotal() {
            return size;
        }

        @Override
        String describe() {
            return "XLSX, sheet '" + sheetName + "'";
        }

        @Override
        public void close() throws IOException {
            stream.close();
            workbook.close();
        }
    }

    /** Counts the bytes read through it, for progress. */
    private static final class Counting extends FilterInputStream {
        volatile long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
