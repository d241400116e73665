package com.shopops.api;

/**
 * A file that is not what its format expects (wrong header, binary, empty, bad options): the import
 * is refused before any row is read. The message says what was expected.
 *
 * @since 1.0.0
 */
public class ImportRefused extends Exception {

    private static final long serialVersionUID = 1L;

    /** A refusal with a message for the person importing. */
    public ImportRefused(String message) {
        super(message);
    }
}
