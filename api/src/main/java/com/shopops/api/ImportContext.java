package com.shopops.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a format knows about the import it takes part in.
 *
 * @param shop     the shop imported into; its currency sets the minor units, its time zone reads local times
 * @param fileName the file's name, for messages
 * @param header   the header row (cells trimmed), or for a format without a header, the first row
 * @param options  options given with the import, e.g. a column mapping ({@code --mapping FILE} on the
 *                 CLI, read as properties, or {@code --option NAME=VALUE})
 * @since 1.0.0
 */
public record ImportContext(Shop shop, String fileName, List<String> header, Map<String, String> options) {

    /** The option {@code name}, if given. */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }
}
