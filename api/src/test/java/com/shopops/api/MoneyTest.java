package com.shopops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void minorUnitsBecomeMajorExactly() {
        assertEquals(new BigDecimal("1234.50"), Money.major(123_450, "CNY"));
        assertEquals(new BigDecimal("-0.01"), Money.major(-1, "USD"));
        assertEquals(new BigDecimal("500"), Money.major(500, "JPY"), "yen has no minor unit");
        assertEquals(new BigDecimal("92233720368547758.07"), Money.major(Long.MAX_VALUE, "CNY"), "no float on the way");
    }

    @Test
    void textHasTheSymbolAndTheReadersGrouping() {
        assertEquals("¥1,234.50", Money.text(123_450, "CNY", Locale.CHINA));
        assertEquals("$1,234.50", Money.text(123_450, "USD", Locale.US));
        assertEquals("€0.05", Money.text(5, "EUR", Locale.US));
    }
}
