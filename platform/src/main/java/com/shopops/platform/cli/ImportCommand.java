package com.shopops.platform.cli;

import com.shopops.api.ImportRefused;
import com.shopops.api.Shop;
import com.shopops.platform.Installation;
import com.shopops.platform.imports.ImportRunner;
import com.shopops.platform.imports.formats.CoreFormats;
import com.shopops.platform.imports.MappingFile;
import com.shopops.platform.imports.ImportSummary;
import com.shopops.platform.server.Json;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shopops import KIND FILE}: imports an export into a shop. Exit codes: 0 all rows imported (or
 * skipped by rule), 1 rows were rejected or the import stopped, 2 usage error, 3 the file was refused.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import an export (CSV or XLSX) into a shop.",
                "KIND: orders, products, traffic, events, reviews, refunds, targets, or a plugin's kind (e.g. ads).",
                "Formats: orders online-retail|shopify|taobao|generic, traffic sycm-traffic|generic, "
                        + "events user-behavior|generic, others generic; detected from the header when not named.",
                "Exit code: 0 imported, 1 rows rejected, 2 usage error, 3 file refused."})
final class ImportCommand implements Callable<Integer> {

    /** Rejected rows the text summary lists; {@code --json} lists more. */
    static final int SHOWN_ERRORS = 20;

    /** Exit code of a refused file. */
    static final int REFUSED = 3;

    @Mixin
    Locations locations;

    @Parameters(index = "0", paramLabel = "KIND", description = "What the file holds: orders, traffic, events, …")
    String kind;

    @Parameters(index = "1", paramLabel = "FILE", description = "The CSV or XLSX file.")
    Path file;

    @Option(names = "--shop", paramLabel = "CODE", description = "The shop to import into (default: the only shop).")
    String shop;

    @Option(names = "--format", paramLabel = "FORMAT", description = "The file's format (default: detected from the header).")
    String format;

    @Option(names = "--mapping", paramLabel = "FILE", description = "Column mapping for --format generic (properties: column.FIELD=Header).")
    Path mapping;

    @Option(names = "--option", paramLabel = "NAME=VALUE", description = "A format option; may be repeated.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--dry-run", description = "Check the file and count what would change, writing nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Option(names = "--progress", negatable = true, description = "Show a progress bar (default: when run in a terminal).")
    Boolean progress;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            System.err.println("shopops: " + file + " is not a file");
            return 2;
        }
        Map<String, String> all = new LinkedHashMap<>();
        if (mapping != null) {
            try (var reader = Files.newBufferedReader(mapping, java.nio.charset.StandardCharsets.UTF_8)) {
                all.putAll(MappingFile.read(reader));
            }
        }
        all.putAll(options);
        // A core format named outright needs no plugin: their formats only matter when one is named or the
        // header decides, and nothing of theirs listens to an import in this short-lived process.
        boolean coreFormat = format != null && CoreFormats.all().stream()
                .anyMatch(f -> f.name().equals(format) && f.kind().equals(kind));
        var config = locations.config(Map.of());
        try (Installation installation = coreFormat ? Installation.openCore(config) : Installation.open(config)) {
            Shop target = installation.shop(shop);
            ImportRunner.Request request = new ImportRunner.Request(target, kind, format, file,
                    file.getFileName().toString(), all, dryRun);
            ImportSummary summary;
            boolean bar = progress != null ? progress : System.console() != null;
            try (ProgressBar progressBar = bar ? progressBar(Files.size(file)) : null) {
                summary = installation.imports().run(request, (read, total, rows) -> {
                    if (progressBar != null) {
                        progressBar.stepTo(read);
                        progressBar.setExtraMessage(rows + " rows");
                    }
                });
            } catch (ImportRefused e) {
                System.err.println("shopops: " + e.getMessage());
                return REFUSED;
            }
            if (json) {
                System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary));
            } else {
                print(summary, target, System.out);
            }
            return summary.clean() ? 0 : 1;
        }
    }

    private static ProgressBar progressBar(long bytes) {
        return new ProgressBarBuilder().setTaskName("Importing").setInitialMax(bytes).setUnit(" MB", 1024 * 1024)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    static void print(ImportSummary s, Shop shop, PrintStream out) {
        out.printf("%s %s from %s into shop %s: format %s (%s), %.1f s%n", s.dryRun() ? "Checked (dry run, nothing written)"
                : "Imported", s.kind(), s.file(), shop.code(), s.format(), s.source(), s.seconds());
        out.printf("  read      %,d%n", s.read());
        out.printf("  imported  %,d%n", s.imported());
        out.printf("  updated   %,d%n", s.updated());
        out.printf("  unchanged %,d%n", s.unchanged());
        out.printf("  skipped   %,d%n", s.skipped());
        s.skippedReasons().forEach((reason, n) -> out.printf("    %,d × %s%n", n, reason));
        out.printf("  rejected  %,d%n", s.rejected());
        List<ImportSummary.RowError> shown = s.errors().subList(0, Math.min(SHOWN_ERRORS, s.errors().size()));
        for (ImportSummary.RowError e : shown) {
            out.printf("    line %d%s: %s%n", e.line(), e.column().isEmpty() ? "" : ", " + e.column(), e.reason());
        }
        if (s.rejected() > shown.size()) {
            out.printf("    … and %,d more (--json lists up to %d)%n", s.rejected() - shown.size(), s.errors().size());
        }
        if (s.stopped() != null) {
            out.println("  stopped: " + s.stopped());
        }
    }
}
