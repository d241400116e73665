package com.shopops.platform.imports;

import com.shopops.api.CurrentUser;
import com.shopops.api.ImportFormat;
import com.shopops.platform.core.CorePermissions;
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

    /**
     * Whether {@code user} may import {@code kind} in {@code format} (null: the format is detected): with the
     * host's {@code data.import}, or with the permission each format that may be used names
     * ({@link ImportFormat#permission}).
     */
    public boolean mayImport(CurrentUser user, String kind, String format) {
        if (user.can(CorePermissions.DATA_IMPORT.name())) {
            return true;
        }
        List<ImportFormat<?>> used = format == null ? ofKind(kind)
                : find(kind, format).map(List::<ImportFormat<?>>of).orElse(List.of());
        return !used.isEmpty() && used.stream().allMatch(f -> f.permission() != null && user.can(f.permission()));
    }

    /** Whether {@code user} may import anything: the import page is theirs to open. */
    public boolean mayImportAny(CurrentUser user) {
        return user.can(CorePermissions.DATA_IMPORT.name()) || kinds().stream().anyMatch(kind -> mayImport(user, kind, null));
    }
}
