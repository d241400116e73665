package com.shopops.platform.imports.formats;

import com.shopops.api.ImportFormat;
import java.util.List;

/** The import formats the core ships. */
public final class CoreFormats {

    private CoreFormats() {
    }

    /** Every core format. */
    public static List<ImportFormat<?>> all() {
        return List.of();
    }
}
