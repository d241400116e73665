package com.shopops.platform.testing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.shopops.api.ImportRefused;
import com.shopops.api.Shop;
import com.shopops.platform.imports.ImportRunner;
import com.shopops.platform.imports.ImportSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Hostile and broken files (issue #11) for any import format, core or plugin, made from the format's own
 * sample file: random bytes, the file cut off anywhere, a huge cell, the wrong encoding, control
 * characters, formulas, dates and numbers out of range, a column missing, an unclosed quote, the header
 * twice, a line twice, the lines shuffled, nothing. Each spoiled file goes through the real
 * {@link ImportRunner} into a real database, and each import must:
 * <ul>
 * <li>be refused up front ({@link ImportRefused} with a reason) and change nothing, or account for every
 *     row it read (imported, updated, unchanged, skipped or rejected), each rejected row with its line
 *     and reason;</li>
 * <li>throw nothing else, reject no row because the format itself threw ("could not read this row"),
 *     and fail no write, except with a refusal the format documents;</li>
 * <li>finish within the bound;</li>
 * <li>write only what it counts: with nothing imported or updated the watched tables are as they were,
 *     a sample's table gains the rows counted imported, and the watched tables keep every rule given;</li>
 * <li>when asked, change nothing when the same file is imported again (the formats' write contract).</li>
 * </ul>
 * Problems are collected over all files and reported together, each with the seed that reproduces the
 * run ({@code -Dshopops.fuzz.seed=…}). The files come from a seeded generator rather than a
 * property-testing library: jqwik, the usual one, runs only on JUnit Platform 1 and this build is on 6.
 *
 * <p>It lives in the platform's test classes because every plugin's tests already depend on them (for
 * {@link TestDatabases}); a plugin test gives its formats' samples, tables and rules.
 */
public final class HostileFiles {

    /** The seed of this JVM's runs; set it to repeat one. */
    public static final long SEED = Long.getLong("shopops.fuzz.seed", System.nanoTime());

    private static final Charset GBK = Charset.forName("GBK");
    private static final List<String> FORMULAS = List.of("=cmd|' /C calc'!A0", "@SUM(1+1)", "+1+1", "-2+3", "=HYPERLINK(\"http://x\")");
    private static final List<String> ODD_DATES = List.of("0001-01-01 00:00:00", "9999-12-31 23:59:59", "2024-13-45 25:61:00",
            "+99999-01-01", "31/02/2024", "1/1/1 0:0", "2024-05-01T10:00:00+25:00", "");
    private static final List<String> ODD_NUMBERS = List.of("1e309", "99999999999999999999999", "-0", "NaN", "１２３", "1,2,3",
            "0x1F", "-9223372036854775809", "12.345.678", "¥", "");
    /** Reasons the runner gives when a format threw: a crash of the format, not a rejection it chose. */
    private static final String FORMAT_THREW = "format could not read this row";
    private static final String WRITE_FAILED = "could not be written";
    /** The start of the reason of rows whose write the format refused (the other rows were written). */
    private static final String WRITE_REFUSED = "not written: ";

    /**
     * A sample file of one format and what an import of it adds.
     *
     * @param kind     the import's kind
     * @param format   the format's name (named in the request, as a person would with {@code --format})
     * @param text     the sample's text
     * @param charset  the sample's encoding
     * @param options  the import's options
     * @param table    the table whose rows are this format's records, or null
     * @param oneRowPerImported whether {@code table} gains exactly the rows counted imported; otherwise at
     *                 most those (a format that counts replaced rows as imported)
     */
    public record Sample(String kind, String format, String text, Charset charset, Map<String, String> options, String table,
                         boolean oneRowPerImported) {

        /** A sample without a table to count. */
        public Sample(String kind, String format, String text, Charset charset, Map<String, String> options) {
            this(kind, format, text, charset, options, null, false);
        }

        /** A UTF-8 sample without options. */
        public Sample(String kind, String format, String text) {
            this(kind, format, text, StandardCharsets.UTF_8, Map.of());
        }

        /** This sample with {@code table} gaining exactly the rows an import counts imported. */
        public Sample adding(String table) {
            return new Sample(kind, format, text, charset, options, table, true);
        }

        /** This sample with {@code table} gaining at most the rows an import counts imported. */
        public Sample addingAtMost(String table) {
            return new Sample(kind, format, text, charset, options, table, false);
        }

        byte[] bytes(String t) {
            return t.getBytes(charset);
        }
    }

    /** The text of the class-path resource {@code name} of {@code owner}'s module. */
    public static String resource(Class<?> owner, String name, Charset charset) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no sample " + name);
            }
            return new String(in.readAllBytes(), charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A way to spoil a file: the sample and a random source in, the bytes to import out. */
    private record Spoiler(String name, BiFunction<Sample, SplittableRandom, byte[]> spoil) {
    }

    // A list, not a Map.of: its order must not change between JVMs, or a seed would not repeat a run.
    private static final List<Spoiler> SPOILERS = List.of(
            new Spoiler("random bytes", (s, r) -> {
                byte[] b = new byte[1 + r.nextInt(4_000)];
                r.nextBytes(b);
                return b;
            }),
            new Spoiler("cut off", (s, r) -> {
                byte[] b = s.bytes(s.text());
                return Arrays.copyOf(b, r.nextInt(b.length));
            }),
            new Spoiler("a huge cell", (s, r) -> s.bytes(replaceCells(s.text(), r, 1, () -> "长".repeat(300_000)))),
            new Spoiler("the wrong encoding", (s, r) -> s.text().getBytes(r.nextBoolean() ? StandardCharsets.UTF_16LE
                    : s.charset().equals(GBK) ? StandardCharsets.UTF_8 : GBK)),
            new Spoiler("control characters", (s, r) -> s.bytes(replaceCells(s.text(), r, 5, () -> "a\u0000b\u001Bc\u007F"))),
            new Spoiler("formulas", (s, r) -> s.bytes(replaceCells(s.text(), r, 8, () -> pick(FORMULAS, r)))),
            new Spoiler("dates out of range", (s, r) -> s.bytes(replaceCells(s.text(), r, 8, HostileFiles::date,
                    () -> pick(ODD_DATES, r)))),
            new Spoiler("numbers out of range", (s, r) -> s.bytes(replaceCells(s.text(), r, 8, HostileFiles::number,
                    () -> pick(ODD_NUMBERS, r)))),
            new Spoiler("a column missing", (s, r) -> {
                int column = r.nextInt(4);
                List<String> out = new ArrayList<>();
                for (String line : lines(s.text())) {
                    List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
                    if (cells.size() > column) {
                        cells.remove(column);
                    }
                    out.add(String.join(",", cells));
                }
                return s.bytes(String.join("\n", out));
            }),
            new Spoiler("an unclosed quote", (s, r) -> {
                List<String> lines = new ArrayList<>(lines(s.text()));
                int at = r.nextInt(lines.size());
                lines.set(at, "\"" + lines.get(at));
                return s.bytes(String.join("\n", lines));
            }),
            new Spoiler("the header twice", (s, r) -> {
                List<String> lines = new ArrayList<>(lines(s.text()));
                lines.add(r.nextInt(lines.size()), lines.get(0));
                return s.bytes(String.join("\n", lines));
            }),
            // The same key twice in one batch, which a writer must not insert twice.
            new Spoiler("a line twice", (s, r) -> {
                List<String> lines = new ArrayList<>(lines(s.text()));
                if (lines.size() > 1) {
                    int at = 1 + r.nextInt(lines.size() - 1);
                    lines.add(1 + r.nextInt(lines.size() - 1), lines.get(at));
                }
                return s.bytes(String.join("\n", lines));
            }),
            // Groups (an order's lines, a campaign's products) torn apart and keys in another order.
            new Spoiler("the lines shuffled", (s, r) -> {
                List<String> lines = new ArrayList<>(lines(s.text()));
                for (int i = lines.size() - 1; i > 1; i--) {
                    int j = 1 + r.nextInt(i);
                    String t = lines.get(i);
                    lines.set(i, lines.get(j));
                    lines.set(j, t);
                }
                return s.bytes(String.join("\n", lines));
            }),
            new Spoiler("empty", (s, r) -> new byte[0]));

    /** What a run tried. */
    public record Tally(int imports, int refused, long rejectedRows) {
        @Override
        public String toString() {
            return imports + " imports, " + refused + " refused up front, " + rejectedRows + " rows rejected, seed " + SEED;
        }
    }

    private final Jdbi jdbi;
    private final ImportRunner runner;
    private final Shop shop;
    private final Path dir;
    private final List<String> watched = new ArrayList<>();
    private final Map<String, String> rules = new LinkedHashMap<>();
    private final List<String> writeRefusals = new ArrayList<>();
    private final Set<String> uncounted = new HashSet<>();
    private Set<String> changing = Set.of();
    private boolean twice;
    private int rounds = 3;
    private Duration bound = Duration.ofSeconds(30);

    /**
     * @param jdbi   the database the runner writes
     * @param runner the real import engine with the formats under test
     * @param shop   the shop to import into
     * @param dir    where to write the spoiled files
     */
    public HostileFiles(Jdbi jdbi, ImportRunner runner, Shop shop, Path dir) {
        this.jdbi = jdbi;
        this.runner = runner;
        this.shop = shop;
        this.dir = dir;
    }

    /** The tables the imports write: a refused import, or one that imports and updates nothing, leaves them as they were. */
    public HostileFiles watching(String... tables) {
        watched.addAll(List.of(tables));
        return this;
    }

    /** A rule the stored rows keep after every import: {@code violations} counts the rows that break it. */
    public HostileFiles keeping(String rule, String violations) {
        rules.put(rule, violations);
        return this;
    }

    /** A write refusal the format documents (its reason contains {@code reason}): the rows refused rejected, not a crash. */
    public HostileFiles allowingWriteRefusal(String reason) {
        writeRefusals.add(reason);
        return this;
    }

    /**
     * Tables a known fault lets an import change while it counts no row imported or updated; they are
     * left out of that check (and only that one). Name the fault where this is called.
     */
    public HostileFiles changingUncounted(String... tables) {
        uncounted.addAll(List.of(tables));
        return this;
    }

    /**
     * Imports each file that was not refused a second time, which must change nothing in the watched
     * tables but the columns named (a time the writer stamps on every write).
     */
    public HostileFiles importingTwice(String... changingColumns) {
        twice = true;
        changing = Set.of(changingColumns);
        return this;
    }

    /**
     * Spoiled files per sample and spoiler: 3 unless set, and {@code -Dshopops.fuzz.rounds} over both (for
     * a longer run than CI's).
     */
    public HostileFiles rounds(int n) {
        rounds = n;
        return this;
    }

    /** The longest an import may take (30 s unless set: the machine may be busy). */
    public HostileFiles within(Duration d) {
        bound = d;
        return this;
    }

    /**
     * Imports every spoiled file of every sample and checks each import as the class comment says.
     *
     * @throws AssertionError listing every problem found, with the seed
     */
    public Tally run(List<Sample> samples) throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        int rounds = Integer.getInteger("shopops.fuzz.rounds", this.rounds);
        List<String> problems = new ArrayList<>();
        AssertionError first = null;
        int tried = 0;
        int refused = 0;
        long rejectedRows = 0;
        for (Sample sample : samples) {
            for (Spoiler spoiler : SPOILERS) {
                for (int round = 0; round < rounds; round++) {
                    String what = sample.format() + ", " + spoiler.name() + ", round " + round;
                    Path file = dir.resolve("spoiled-" + tried + ".csv");
                    Files.write(file, spoiler.spoil().apply(sample, random));
                    tried++;
                    try {
                        ImportSummary summary = check(sample, file);
                        if (summary == null) {
                            refused++;
                        } else {
                            rejectedRows += summary.rejected();
                        }
                    } catch (AssertionError e) {
                        problems.add(what + ": " + e.getMessage() + " [" + kept(file, what) + "]");
                        first = first == null ? e : first;
                    }
                    Files.delete(file); // a huge cell's file is 900 kB
                }
            }
        }
        Tally tally = new Tally(tried, refused, rejectedRows);
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " of " + tried + " spoiled files went wrong (seed " + SEED
                    + ", repeat with -Dshopops.fuzz.seed=" + SEED + "):\n  " + String.join("\n  ", problems), first);
        }
        if (refused == 0 || rejectedRows == 0) {
            throw new AssertionError("the spoiled files were not spoiled: " + tally);
        }
        return tally;
    }

    /** A copy of a file that went wrong, under the module's target/ (the temporary folder goes away), or why not. */
    private static String kept(Path file, String what) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "hostile-files"));
            Path copy = dir.resolve(what.replaceAll("[^A-Za-z0-9-]+", "_") + ".csv");
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy.toString();
        } catch (IOException e) {
            return "not kept: " + e;
        }
    }

    /** Imports one file and checks it; null when it was refused up front. */
    private ImportSummary check(Sample sample, Path file) {
        Map<String, List<String>> before = snapshot(Set.of());
        long rowsBefore = rows(sample.table());
        Map<String, Long> brokenBefore = broken();
        ImportSummary summary = importOnce(sample, file);
        Map<String, List<String>> after = snapshot(Set.of());
        if (summary == null) {
            same(before, after, "a refused file changed ");
            keepsRules(brokenBefore);
            return null;
        }
        long accounted = summary.imported() + summary.updated() + summary.unchanged() + summary.skipped() + summary.rejected();
        if (summary.read() != accounted) {
            throw new AssertionError("every row is accounted for: " + summary);
        }
        for (ImportSummary.RowError e : summary.errors()) {
            if (e.line() < 1 || e.reason() == null || e.reason().isBlank()) {
                throw new AssertionError("a rejected row says where and why: " + e);
            }
            if (e.reason().contains(FORMAT_THREW)) {
                throw new AssertionError("the format threw instead of rejecting: " + e);
            }
            if ((e.reason().contains(WRITE_FAILED) || e.reason().startsWith(WRITE_REFUSED))
                    && writeRefusals.stream().noneMatch(e.reason()::contains)) {
                throw new AssertionError("a write failed or was refused, for no reason the format documents: " + e);
            }
        }
        if (summary.imported() + summary.updated() == 0) {
            before.keySet().removeAll(uncounted);
            same(before, after, "nothing was imported or updated (" + summary + ") but the import changed ");
        }
        if (sample.table() != null) {
            long added = rows(sample.table()) - rowsBefore;
            if (sample.oneRowPerImported() ? added != summary.imported() : added > summary.imported()) {
                throw new AssertionError(sample.table() + " gained " + added + " rows for " + summary.imported() + " imported: "
                        + summary);
            }
        }
        keepsRules(brokenBefore);
        if (twice) {
            Map<String, List<String>> once = snapshot(changing);
            long rowsOnce = rows(sample.table());
            importOnce(sample, file);
            same(once, snapshot(changing), "importing the same file again changed ");
            if (rows(sample.table()) != rowsOnce) {
                throw new AssertionError("importing the same file again added rows to " + sample.table());
            }
        }
        return summary;
    }

    private ImportSummary importOnce(Sample sample, Path file) {
        ImportRunner.Request request = new ImportRunner.Request(shop, sample.kind(), sample.format(), file,
                file.getFileName().toString(), sample.options(), false);
        return assertTimeoutPreemptively(bound, () -> {
            try {
                return runner.run(request, ImportRunner.Progress.NONE);
            } catch (ImportRefused e) {
                if (e.getMessage() == null || e.getMessage().isBlank()) {
                    throw new AssertionError("a refusal says why", e);
                }
                return null;
            } catch (IOException | RuntimeException e) {
                throw new AssertionError("an import may refuse a file or reject rows, not fail: " + e, e);
            }
        }, () -> "an import takes at most " + bound.toSeconds() + " s");
    }

    /** How many stored rows break each rule. */
    private Map<String, Long> broken() {
        return jdbi.withHandle(h -> {
            Map<String, Long> broken = new LinkedHashMap<>();
            for (var rule : rules.entrySet()) {
                broken.put(rule.getKey(), h.createQuery(rule.getValue()).mapTo(Long.class).one());
            }
            return broken;
        });
    }

    /** The import stored no row that breaks a rule (rows an earlier import stored are reported with that one). */
    private void keepsRules(Map<String, Long> before) {
        for (var rule : broken().entrySet()) {
            long more = rule.getValue() - before.get(rule.getKey());
            if (more > 0) {
                throw new AssertionError(more + " stored rows more break the rule '" + rule.getKey() + "'");
            }
        }
    }

    private long rows(String table) {
        return table == null ? 0 : jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    /** The watched tables' rows, as sorted text, without the {@code leftOut} columns. */
    private Map<String, List<String>> snapshot(Set<String> leftOut) {
        return jdbi.withHandle(h -> {
            Map<String, List<String>> tables = new TreeMap<>();
            for (String table : watched) {
                List<String> rows = new ArrayList<>();
                h.createQuery("SELECT * FROM " + table).mapToMap().forEach(row -> {
                    row.keySet().removeIf(c -> leftOut.contains(c.toLowerCase(Locale.ROOT)));
                    rows.add(row.toString());
                });
                rows.sort(null);
                tables.put(table, rows);
            }
            return tables;
        });
    }

    private static void same(Map<String, List<String>> before, Map<String, List<String>> after, String message) {
        List<String> changed = new ArrayList<>();
        for (String table : before.keySet()) {
            List<String> was = before.get(table);
            List<String> is = after.get(table);
            if (!Objects.equals(was, is)) {
                String gone = was.stream().filter(r -> !is.contains(r)).findFirst().map(HostileFiles::shortened).orElse("-");
                String come = is.stream().filter(r -> !was.contains(r)).findFirst().map(HostileFiles::shortened).orElse("-");
                changed.add(table + ": " + was.size() + " rows before, " + is.size() + " after; gone e.g. " + gone + ", new e.g. " + come);
            }
        }
        if (!changed.isEmpty()) {
            throw new AssertionError(message + String.join("; ", changed));
        }
    }

    private static String shortened(String row) {
        return row.length() > 200 ? row.substring(0, 200) + "…" : row;
    }

    private static final Pattern DATE = Pattern.compile(
            "\\d{4}[-/]\\d{1,2}[-/]\\d{1,2}.*|\\d{1,2}/\\d{1,2}/\\d{2,4}.*|\\d{8}|\"?[A-Z][a-z]{2} \\d{1,2}");
    private static final Pattern NUMBER = Pattern.compile("[-+]?[¥$]?\\d+(\\.\\d+)?%?");

    /** Whether a cell holds a date (or its start, where a quoted date was cut at its comma). */
    private static boolean date(String cell) {
        return DATE.matcher(cell).matches();
    }

    /** Whether a cell holds a plain number, an amount or a percentage. */
    private static boolean number(String cell) {
        return NUMBER.matcher(cell).matches() && !date(cell);
    }

    private static String pick(List<String> from, SplittableRandom r) {
        return from.get(r.nextInt(from.size()));
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\r?\n"));
    }

    /** {@code text} with {@code n} random cells of its data lines (not the first line) replaced by {@code cell}'s. */
    private static String replaceCells(String text, SplittableRandom r, int n, Supplier<String> cell) {
        return replaceCells(text, r, n, c -> true, cell);
    }

    /**
     * {@code text} with {@code n} random cells of its data lines that {@code aimed} accepts replaced by
     * {@code cell}'s (any cells when none is accepted): an odd date lands where a date was, so that it
     * reaches the format's reading of dates rather than a name column.
     */
    private static String replaceCells(String text, SplittableRandom r, int n, Predicate<String> aimed, Supplier<String> cell) {
        List<String> lines = new ArrayList<>(lines(text));
        List<String[]> rows = new ArrayList<>();
        List<int[]> targets = new ArrayList<>();
        for (int at = 0; at < lines.size(); at++) {
            String[] cells = lines.get(at).split(",", -1);
            rows.add(cells);
            for (int c = 0; at > 0 && c < cells.length; c++) {
                if (aimed.test(cells[c].strip())) {
                    targets.add(new int[] {at, c});
                }
            }
        }
        for (int i = 0; i < n && lines.size() > 1; i++) {
            int[] target;
            if (targets.isEmpty()) {
                int at = 1 + r.nextInt(lines.size() - 1);
                target = new int[] {at, r.nextInt(rows.get(at).length)};
            } else {
                target = targets.get(r.nextInt(targets.size()));
            }
            rows.get(target[0])[target[1]] = cell.get();
        }
        List<String> out = new ArrayList<>();
        rows.forEach(cells -> out.add(String.join(",", cells)));
        return String.join("\n", out);
    }
}
