package com.shopops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingValuesTest {

    private static Map<String, Object> body(String key, Object value) {
        Map<String, Object> m = new HashMap<>();
        m.put(key, value);
        return m;
    }

    private static String refusal(Runnable read) {
        return assertThrows(IllegalArgumentException.class, read::run).getMessage();
    }

    @Test
    void wholeReadsAWholeNumberOrTheFallbackWhenAbsent() {
        assertEquals(30, SettingValues.whole(body("minSales", 30), "minSales", 7));
        assertEquals(30, SettingValues.whole(body("minSales", 30.0), "minSales", 7));
        assertEquals(30, SettingValues.whole(body("minSales", 30L), "minSales", 7));
        assertEquals(-4, SettingValues.whole(body("minSales", -4), "minSales", 7));
        assertEquals(7, SettingValues.whole(Map.of(), "minSales", 7));
        assertEquals(7, SettingValues.whole(body("other", 1), "minSales", 7));
        assertEquals(999_999_999, SettingValues.whole(body("n", 999_999_999), "n", 0));
    }

    @Test
    void wholeRefusesWhatIsNotAWholeNumber() {
        assertEquals("minSales: a whole number, not 2.5", refusal(() -> SettingValues.whole(body("minSales", 2.5), "minSales", 7)));
        assertEquals("minSales: a whole number, not 30", refusal(() -> SettingValues.whole(body("minSales", "30"), "minSales", 7)));
        assertEquals("minSales: a whole number, not null", refusal(() -> SettingValues.whole(body("minSales", null), "minSales", 7)));
        assertEquals("minSales: a whole number, not true", refusal(() -> SettingValues.whole(body("minSales", true), "minSales", 7)));
        assertEquals("minSales: a whole number, not [1]", refusal(() -> SettingValues.whole(body("minSales", List.of(1)), "minSales", 7)));
        assertEquals("n: a whole number, not NaN", refusal(() -> SettingValues.whole(body("n", Double.NaN), "n", 7)));
        assertEquals("n: a whole number, not Infinity", refusal(() -> SettingValues.whole(body("n", Double.POSITIVE_INFINITY), "n", 7)));
        assertEquals("n: a whole number, not 1000000000", refusal(() -> SettingValues.whole(body("n", 1_000_000_000), "n", 7)));
        assertEquals("n: a whole number, not -1.0E12", refusal(() -> SettingValues.whole(body("n", -1e12), "n", 7)));
    }

    @Test
    void wholeInARangeTakesItsEdgesAndRefusesBeyondNamingTheRange() {
        assertEquals(1, SettingValues.whole(body("maxAttempts", 1), "maxAttempts", 5, 1, 20));
        assertEquals(20, SettingValues.whole(body("maxAttempts", 20), "maxAttempts", 5, 1, 20));
        assertEquals("maxAttempts: 1 to 20, not 0", refusal(() -> SettingValues.whole(body("maxAttempts", 0), "maxAttempts", 5, 1, 20)));
        assertEquals("maxAttempts: 1 to 20, not 21", refusal(() -> SettingValues.whole(body("maxAttempts", 21), "maxAttempts", 5, 1, 20)));
        assertEquals("maxAttempts: a whole number, not 1.5",
                refusal(() -> SettingValues.whole(body("maxAttempts", 1.5), "maxAttempts", 5, 1, 20)));
        // absent: the fallback, even when it lies outside (the range checks what the user sent)
        assertEquals(50, SettingValues.whole(Map.of(), "maxAttempts", 50, 1, 20));
    }

    @Test
    void decimalReadsAFiniteNumberOrTheFallbackWhenAbsent() {
        assertEquals(0.25, SettingValues.decimal(body("weakGap", 0.25), "weakGap", 0.1));
        assertEquals(3.0, SettingValues.decimal(body("weakGap", 3), "weakGap", 0.1));
        assertEquals(-0.5, SettingValues.decimal(body("weakGap", -0.5), "weakGap", 0.1));
        assertEquals(0.1, SettingValues.decimal(Map.of(), "weakGap", 0.1));
        assertEquals(1e12, SettingValues.decimal(body("weakGap", 1e12), "weakGap", 0.1));
    }

    @Test
    void decimalRefusesWhatIsNotAFiniteNumber() {
        assertEquals("weakGap: a number, not NaN", refusal(() -> SettingValues.decimal(body("weakGap", Double.NaN), "weakGap", 0.1)));
        assertEquals("weakGap: a number, not Infinity",
                refusal(() -> SettingValues.decimal(body("weakGap", Double.POSITIVE_INFINITY), "weakGap", 0.1)));
        assertEquals("weakGap: a number, not -Infinity",
                refusal(() -> SettingValues.decimal(body("weakGap", Double.NEGATIVE_INFINITY), "weakGap", 0.1)));
        assertEquals("weakGap: a number, not 0.2", refusal(() -> SettingValues.decimal(body("weakGap", "0.2"), "weakGap", 0.1)));
        assertEquals("weakGap: a number, not null", refusal(() -> SettingValues.decimal(body("weakGap", null), "weakGap", 0.1)));
        assertEquals("weakGap: a number, not false", refusal(() -> SettingValues.decimal(body("weakGap", false), "weakGap", 0.1)));
    }

    @Test
    void decimalInARangeTakesItsEdgesAndRefusesBeyondNamingTheRange() {
        assertEquals(0.01, SettingValues.decimal(body("holdoutShare", 0.01), "holdoutShare", 0.1, 0.01, 0.5));
        assertEquals(0.5, SettingValues.decimal(body("holdoutShare", 0.5), "holdoutShare", 0.1, 0.01, 0.5));
        assertEquals("holdoutShare: 0.01 to 0.5, not 0.0099",
                refusal(() -> SettingValues.decimal(body("holdoutShare", 0.0099), "holdoutShare", 0.1, 0.01, 0.5)));
        assertEquals("holdoutShare: 0.01 to 0.5, not 0.51",
                refusal(() -> SettingValues.decimal(body("holdoutShare", 0.51), "holdoutShare", 0.1, 0.01, 0.5)));
        assertEquals("holdoutShare: a number, not NaN",
                refusal(() -> SettingValues.decimal(body("holdoutShare", Double.NaN), "holdoutShare", 0.1, 0.01, 0.5)));
        assertEquals(0.9, SettingValues.decimal(Map.of(), "holdoutShare", 0.9, 0.01, 0.5));
    }

    @Test
    void storedWholeReadsTextOrGivesTheFallback() {
        Map<String, String> stored = Map.of("a", "12", "b", " 7 ", "c", "2.5", "d", "many", "e", "", "f", "99999999999");
        assertEquals(12, SettingValues.storedWhole(stored, "a", 3));
        assertEquals(7, SettingValues.storedWhole(stored, "b", 3));
        assertEquals(3, SettingValues.storedWhole(stored, "c", 3));
        assertEquals(3, SettingValues.storedWhole(stored, "d", 3));
        assertEquals(3, SettingValues.storedWhole(stored, "e", 3));
        assertEquals(3, SettingValues.storedWhole(stored, "f", 3));
        assertEquals(3, SettingValues.storedWhole(stored, "absent", 3));
    }

    @Test
    void storedDecimalReadsFiniteTextOrGivesTheFallback() {
        Map<String, String> stored = Map.of("a", "0.25", "b", " 3 ", "c", "NaN", "d", "Infinity", "e", "-Infinity",
                "f", "high", "g", "");
        assertEquals(0.25, SettingValues.storedDecimal(stored, "a", 0.1));
        assertEquals(3.0, SettingValues.storedDecimal(stored, "b", 0.1));
        for (String key : Arrays.asList("c", "d", "e", "f", "g", "absent")) {
            assertEquals(0.1, SettingValues.storedDecimal(stored, key, 0.1), key);
        }
    }

    @Test
    void decimalOfTextReadsAFiniteNumberOrRefusesQuotingTheText() {
        assertEquals(0.7, SettingValues.decimal("bounce-rate", "0.7"));
        assertEquals(12.0, SettingValues.decimal("bounce-rate", " 12 "));
        assertEquals(-1.5e3, SettingValues.decimal("bounce-rate", "-1.5e3"));
        assertEquals("bounce-rate: a number, not 'NaN'", refusal(() -> SettingValues.decimal("bounce-rate", "NaN")));
        assertEquals("bounce-rate: a number, not 'Infinity'", refusal(() -> SettingValues.decimal("bounce-rate", "Infinity")));
        assertEquals("bounce-rate: a number, not '-Infinity'", refusal(() -> SettingValues.decimal("bounce-rate", "-Infinity")));
        assertEquals("bounce-rate: a number, not '1e999'", refusal(() -> SettingValues.decimal("bounce-rate", "1e999")));
        assertEquals("bounce-rate: a number, not 'high'", refusal(() -> SettingValues.decimal("bounce-rate", "high")));
        assertEquals("bounce-rate: a number, not ''", refusal(() -> SettingValues.decimal("bounce-rate", "")));
    }
}
