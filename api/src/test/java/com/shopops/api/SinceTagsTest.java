package com.shopops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public type of the API says in its Javadoc since which API version it exists, and no {@code @since}
 * names a version newer than the API's own: a plugin author reads there what the range in
 * {@code plugin.requires} must start at.
 */
class SinceTagsTest {

    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public (?:final |abstract |sealed |non-sealed )*(?:class|interface|record|enum|@interface) (\\w+)", Pattern.MULTILINE);
    private static final Pattern SINCE = Pattern.compile("@since (\\d+)\\.(\\d+)\\.(\\d+)");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java")).sorted().toList();
        }
    }

    @Test
    void everyPublicTypeSaysSinceWhen() throws IOException {
        List<String> missing = new ArrayList<>();
        int types = 0;
        for (Path file : sources()) {
            String text = Files.readString(file);
            Matcher type = PUBLIC_TYPE.matcher(text);
            if (!type.find()) {
                continue;
            }
            types++;
            int docEnd = text.lastIndexOf("*/", type.start());
            int docStart = text.lastIndexOf("/**", type.start());
            if (docStart < 0 || docEnd < docStart || !SINCE.matcher(text.substring(docStart, docEnd)).find()) {
                missing.add(type.group(1));
            }
        }
        assertTrue(types > 40, "the API's public types were found: " + types);
        assertEquals(List.of(), missing, "public types without @since in their Javadoc");
    }

    @Test
    void noSinceIsNewerThanTheApi() throws IOException {
        String[] api = ShopOpsApi.VERSION.split("\\.");
        long current = Long.parseLong(api[0]) * 1_000_000 + Long.parseLong(api[1]) * 1_000 + Long.parseLong(api[2]);
        List<String> ahead = new ArrayList<>();
        for (Path file : sources()) {
            Matcher since = SINCE.matcher(Files.readString(file));
            while (since.find()) {
                long v = Long.parseLong(since.group(1)) * 1_000_000 + Long.parseLong(since.group(2)) * 1_000
                        + Long.parseLong(since.group(3));
                if (v > current) {
                    ahead.add(file.getFileName() + ": " + since.group());
                }
            }
        }
        assertEquals(List.of(), ahead, "@since newer than the API's version " + ShopOpsApi.VERSION);
    }
}
