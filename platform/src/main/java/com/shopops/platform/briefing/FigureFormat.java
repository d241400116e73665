package com.shopops.platform.briefing;

import com.shopops.api.Finding;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * A finding's figures as people read them: money in major units with the currency, rates as
 * percentages, counts with thousands separators, durations in minutes and seconds.
 */
public final class FigureFormat {

    private FigureFormat() {
    }

    /** {@code value} read as {@code unit}, in {@code locale}; "—" for no value. */
    public static String of(Double value, Finding.Unit unit, String currency, Locale locale) {
        if (value == null) {
            return "—";
        }
        if (unit == null) {
            unit = Finding.Unit.NUMBER;
        }
        switch (unit) {
            case MONEY -> {
                return money(Math.round(value), currency, locale);
            }
            case RATE -> {
                NumberFormat f = NumberFormat.getPercentInstance(locale);
                f.setMaximumFractionDigits(2);
                return f.format(value);
            }
            case COUNT -> {
                return NumberFormat.getIntegerInstance(locale).format(Math.round(value));
            }
            case SECONDS -> {
                long s = Math.round(value);
                return s < 60 ? s + " s" : (s / 60) + " min " + String.format(Locale.ROOT, "%02d", s % 60) + " s";
            }
            default -> {
                NumberFormat f = NumberFormat.getNumberInstance(locale);
                f.setMaximumFractionDigits(2);
                return f.format(value);
            }
        }
    }

    /** An amount in minor units as major units with the currency's symbol, exactly (no float rounding). */
    public static String money(long minor, String currency, Locale locale) {
        return com.shopops.api.Money.text(minor, currency, locale);
    }

    /** How far {@code value} is from {@code expected}, signed, e.g. "−23.4%"; empty when it cannot be said. */
    public static String gap(Double value, Double expected, Locale locale) {
        if (value == null || expected == null || expected == 0) {
            return "";
        }
        double gap = (value - expected) / Math.abs(expected);
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMaximumFractionDigits(1);
        return (gap > 0 ? "+" : gap < 0 ? "−" : "±") + f.format(Math.abs(gap));
    }
}
