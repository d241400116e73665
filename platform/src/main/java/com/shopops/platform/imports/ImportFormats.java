package com.shopops.platform.imports;

import com.shopops.api.ImportFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/** The formats an import can use: the core's and those of the started plugins. */
public final class ImportFormats {

    private final List<ImportFormat<?>> core;
    private final Supplier<List<ImportFormat<?>>> fromPlugins;

    /** The core's {@code core} formats and, asked afresh for each import, the started plugins' ones. */
    public ImportFormats(List<ImportFormat<?>> core, Supplier<List<ImportFormat<?>>> fromPlugins) {
        this.core = List.copyOf(core);
        this.fromPlugins = fromPlugins;
    }

    /** Every format, core first. */
    public List<ImportFormat<?>> all() {
        List<ImportFormat<?>> all = new ArrayList<>(core);
        all.addAll(fromPlugins.get());
        return all;
    }

    /** The formats of {@code kind}. */
    public List<ImportFormat<?>> ofKind(String kind) {
        return all().stream().filter(f -> f.kind().equals(kind)).toList();
    }

    /** The format {@code name} of {@code kind}. */
    public Optional<ImportFormat<?>> find(String kind, String name) {
        return ofKind(kind).stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Every kind some format imports. */
    public List<String> kinds() {
        TreeSet<String> kinds = new TreeSet<>();
        all().forEach(f -> kinds.add(f.kind()));
        return List.copyOf(kinds);
    }
}
