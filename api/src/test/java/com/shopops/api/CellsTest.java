package com.shopops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class CellsTest {

    private static final Currency GBP = Currency.getInstance("GBP");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency CNY = Currency.getInstance("CNY");

    private static String reason(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void moneyIsExactMinorUnits() {
        assertEquals(255, Cells.money("2.55", GBP));
        assertEquals(250, Cells.money("2.5", GBP));
        assertEquals(200, Cells.money("2", GBP));
        assertEquals(255, Cells.money("2.550", GBP));
        assertEquals(-465, Cells.money("-4.65", GBP));
        assertEquals(120_050, Cells.money("1,200.50", GBP));
        assertEquals(123_456_789, Cells.money("1,234,567.89", GBP));
        assertEquals(1999, Cells.money("¥19.99", CNY));
        assertEquals(1999, Cells.money("￥19.99", CNY));
        assertEquals(-1999, Cells.money("-£19.99", GBP));
        assertEquals(1999, Cells.money(" £ 19.99 ", GBP));
        assertEquals(1200, Cells.money("1200", JPY));
        assertEquals(0, Cells.money("0.00", GBP));
    }

    @Test
    void moneyRefusesWhatItCannotStoreExactly() {
        assertEquals("'2.555' has more decimals than GBP has (2)", reason(() -> Cells.money("2.555", GBP)));
        assertTrue(reason(() -> Cells.money("12.5", JPY)).contains("more decimals than JPY has (0)"));
        assertEquals("'abc' is not an amount of money", reason(() -> Cells.money("abc", GBP)));
        assertEquals("empty, expected an amount of money", reason(() -> Cells.money(" ", GBP)));
        assertTrue(reason(() -> Cells.money("99999999999999999999", GBP)).contains("too large"));
    }

    @Test
    void aDecimalCommaIsRefusedNotReadAHundredTimesTooLarge() {
        assertTrue(reason(() -> Cells.money("2,55", GBP)).contains("a comma may only separate thousands"));
        assertTrue(reason(() -> Cells.money("1,2345", GBP)).contains("comma"));
        assertTrue(reason(() -> Cells.count("1,20")).contains("comma"));
        assertEquals(1200, Cells.count("1,200"));
    }

    @Test
    void plainNumbersReadTheSameAsBigDecimalReadsThem() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        Currency bhd = Currency.getInstance("BHD"); // three decimals
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "-" : "");
            int whole = 1 + random.nextInt(i % 50 == 0 ? 18 : 6);
            for (int d = 0; d < whole; d++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
            int decimals = random.nextInt(5);
            if (decimals > 0) {
                text.append('.');
                for (int d = 0; d < decimals; d++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
            }
            String t = text.toString();
            for (Currency c : new Currency[] {GBP, JPY, bhd}) {
                java.math.BigDecimal minor = new java.math.BigDecimal(t).movePointRight(c.getDefaultFractionDigits());
                boolean exact = minor.stripTrailingZeros().scale() <= 0 && minor.abs().compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
                if (exact) {
                    assertEquals(minor.longValueExact(), Cells.money(t, c), t + " " + c);
                } else {
                    assertThrows(IllegalArgumentException.class, () -> Cells.money(t, c), t + " " + c);
                }
            }
            java.math.BigDecimal n = new java.math.BigDecimal(t);
            if (n.stripTrailingZeros().scale() <= 0 && n.abs().compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                assertEquals(n.longValueExact(), Cells.count(t), t);
            } else {
                assertThrows(IllegalArgumentException.class, () -> Cells.count(t), t);
            }
        }
        assertEquals(-5, Cells.count("-5"));
        assertEquals(0, Cells.money("-0", GBP));
        assertEquals(200, Cells.money("2.", GBP));
        assertEquals(50, Cells.money(".5", GBP));
        assertEquals(12, Cells.count("0012"));
    }

    @Test
    void countsAreWholeNumbers() {
        assertEquals(6, Cells.count("6"));
        assertEquals(6, Cells.count("6.0"));
        assertEquals(-12, Cells.count("-12"));
        assertEquals(1_200, Cells.count(" 1,200 "));
        assertEquals("'6.5' is not a whole number", reason(() -> Cells.count("6.5")));
        assertEquals("'abc' is not a whole number", reason(() -> Cells.count("abc")));
        assertEquals("empty, expected a whole number", reason(() -> Cells.count("")));
    }

    @Test
    void fractionsFromPercentagesOrPlainNumbers() {
        assertEquals(0.4523, Cells.fraction("45.23%"), 1e-12);
        assertEquals(0.4523, Cells.fraction("0.4523"), 1e-12);
        assertEquals(1.0, Cells.fraction("100%"), 1e-12);
        assertEquals("'abc' is not a percentage", reason(() -> Cells.fraction("abc%")));
        assertEquals("'x' is not a rate", reason(() -> Cells.fraction("x")));
    }

    @Test
    void secondsFromNumbersOrClockTimes() {
        assertEquals(65, Cells.seconds("65"), 1e-12);
        assertEquals(35.5, Cells.seconds("35.5"), 1e-12);
        assertEquals(65, Cells.seconds("00:01:05"), 1e-12);
        assertEquals(65, Cells.seconds("1:05"), 1e-12);
        assertEquals(3725, Cells.seconds("1:02:05"), 1e-12);
        assertTrue(reason(() -> Cells.seconds("1:2:3:4")).contains("not a duration"));
        assertEquals("'abc' is not a duration in seconds", reason(() -> Cells.seconds("abc")));
    }

    @Test
    void localDateTimesInTheLayoutsExportsWrite() {
        LocalDateTime expected = LocalDateTime.of(2010, 12, 1, 8, 26);
        assertEquals(expected, Cells.localDateTime("12/1/2010 8:26"));
        assertEquals(expected, Cells.localDateTime("12/1/10 8:26"));
        assertEquals(expected, Cells.localDateTime("2010-12-01 08:26:00"));
        assertEquals(expected, Cells.localDateTime("2010-12-01T08:26"));
        assertEquals(expected, Cells.localDateTime("2010/12/1 8:26"));
        assertEquals(LocalDateTime.of(2024, 5, 1, 10, 20, 30), Cells.localDateTime("2024-05-01 10:20:30"));
        assertEquals(LocalDateTime.of(2024, 5, 1, 0, 0), Cells.localDateTime("2024-05-01"));
        assertTrue(reason(() -> Cells.localDateTime("31/12/2010 8:26")).contains("is not a date and time"));
        assertTrue(reason(() -> Cells.localDateTime("2010-02-30 08:00")).contains("is not a date and time"));
        assertEquals("the date and time is empty", reason(() -> Cells.localDateTime("")));
    }

    @Test
    void instantsInTheShopZoneOrWithTheirOwnOffset() {
        ZoneId london = ZoneId.of("Europe/London");
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        assertEquals(Instant.parse("2010-12-01T08:26:00Z"), Cells.instant("12/1/10 8:26", london));
        assertEquals(Instant.parse("2024-05-01T02:20:30Z"), Cells.instant("2024-05-01 10:20:30", shanghai));
        assertEquals(Instant.parse("2023-01-15T15:23:45Z"), Cells.instant("2023-01-15 10:23:45 -0500", shanghai));
        assertEquals(Instant.parse("2023-01-15T02:23:45Z"), Cells.instant("2023-01-15T10:23:45+08:00", london));
        assertEquals(Instant.parse("2023-01-15T15:23:45Z"), Cells.instant("2023-01-15 10:23:45 -05:00", london));
    }

    @Test
    void localDates() {
        LocalDate may1 = LocalDate.of(2024, 5, 1);
        assertEquals(may1, Cells.localDate("2024-05-01"));
        assertEquals(may1, Cells.localDate("2024/5/1"));
        assertEquals(may1, Cells.localDate("20240501"));
        assertEquals(may1, Cells.localDate("5/1/2024"));
        assertEquals(may1, Cells.localDate("5/1/24"));
        assertEquals(may1, Cells.localDate("2024-05-01 23:59:59"));
        assertEquals("'2024-13-01' is not a date (expected e.g. 2024-05-01)", reason(() -> Cells.localDate("2024-13-01")));
        assertEquals("the date is empty", reason(() -> Cells.localDate(" ")));
    }

    @Test
    void idsLoseTheirSpreadsheetMangling() {
        assertEquals("17850", Cells.id("17850.0"));
        assertEquals("17850", Cells.id(" 17850 "));
        assertEquals("3712040588812345601", Cells.id("=\"3712040588812345601\""));
        assertEquals("3712040588812345601", Cells.id("'3712040588812345601"));
        assertEquals("3712040588812345601", Cells.id("\t3712040588812345601"));
        assertEquals("3712040588812345601", Cells.id("3712040588812345601\t"));
        assertEquals("C536379", Cells.id("C536379"));
        assertEquals("A1.0", Cells.id("A1.0"));
        assertEquals("", Cells.id(null));
    }
}
