package com.shopops.platform.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Saving uploaded files: every upload has a size limit, checked while copying, not after. */
public final class Uploads {

    private Uploads() {
    }

    /**
     * Copies {@code in} to {@code target} and closes it; refuses with {@code what} ("the plugin file",
     * "the file") named once more than {@code limit} bytes have arrived.
     *
     * @return the bytes copied
     */
    public static long copyAtMost(InputStream in, Path target, long limit, String what) throws IOException {
        try (in; OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > limit) {
                    throw new IllegalArgumentException(what + " is larger than " + limit / (1024 * 1024) + " MB");
                }
                out.write(buffer, 0, n);
            }
            return total;
        }
    }
}
