package com.shopops.api;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * Money as ShopOps keeps it — whole minor units (fen, cents) of the shop's currency — turned into what
 * people read, exactly (no floating point on the way). For example:
 * <pre>{@code
 * Money.major(123450, "CNY")                 // 1234.50
 * Money.text(123450, "CNY", Locale.CHINA)    // ¥1,234.50
 * Money.text(123450, "USD", Locale.ENGLISH)  // $1,234.50
 * }</pre>
 *
 * @since 1.2.0
 */
public final class Money {

    private Money() {
    }

    /** The amount in major units with the currency's decimals, e.g. 1234.50 for 123450 fen. */
    public static BigDecimal major(long minor, String currency) {
        return BigDecimal.valueOf(minor, digits(Currency.getInstance(currency)));
    }

    /** The amount with the currency's symbol and the reader's grouping, e.g. ¥1,234.50. */
    public static String text(long minor, String currency, Locale locale) {
        Currency c = Currency.getInstance(currency);
        int digits = digits(c);
        NumberFormat f = NumberFormat.getCurrencyInstance(locale);
        f.setCurrency(c);
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(BigDecimal.valueOf(minor, digits));
    }

    private static int digits(Currency c) {
        return Math.max(c.getDefaultFractionDigits(), 0);
    }
}
