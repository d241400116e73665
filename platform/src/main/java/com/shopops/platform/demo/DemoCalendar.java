package com.shopops.platform.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The demo shop's calendar: which days are ordinary, which belong to a sales festival (618, Double 11,
 * smaller platform days) or to the Spring Festival lull, and the smooth factors (season, weekday,
 * growth) that shape demand. Pure functions of the date: no randomness, no clock.
 */
public final class DemoCalendar {

    /** What kind of day a date is for the shop's demand. */
    public enum Kind {
        /** A day with no campaign and no holiday effect. */
        ORDINARY,
        /** The run-up to a big festival (June 1–17, November 1–10): pre-sales, campaign traffic, carts filled. */
        LEAD_UP,
        /** The festival day itself (June 18, November 11). */
        PEAK,
        /** The two days after a peak. */
        AFTER,
        /** A smaller platform day (March 8, September 9, December 12). */
        MINOR,
        /** Twenty days either side of the Spring Festival: logistics stop, demand dips. */
        SPRING_FESTIVAL
    }

    /** Lunar new year's day by Gregorian year; outside the table February 5 stands in. */
    private static final Map<Integer, LocalDate> SPRING_FESTIVAL = Map.ofEntries(
            Map.entry(2018, LocalDate.of(2018, 2, 16)), Map.entry(2019, LocalDate.of(2019, 2, 5)),
            Map.entry(2020, LocalDate.of(2020, 1, 25)), Map.entry(2021, LocalDate.of(2021, 2, 12)),
            Map.entry(2022, LocalDate.of(2022, 2, 1)), Map.entry(2023, LocalDate.of(2023, 1, 22)),
            Map.entry(2024, LocalDate.of(2024, 2, 10)), Map.entry(2025, LocalDate.of(2025, 1, 29)),
            Map.entry(2026, LocalDate.of(2026, 2, 17)), Map.entry(2027, LocalDate.of(2027, 2, 6)),
            Map.entry(2028, LocalDate.of(2028, 1, 26)), Map.entry(2029, LocalDate.of(2029, 2, 13)),
            Map.entry(2030, LocalDate.of(2030, 2, 3)), Map.entry(2031, LocalDate.of(2031, 1, 23)),
            Map.entry(2032, LocalDate.of(2032, 2, 11)), Map.entry(2033, LocalDate.of(2033, 1, 31)),
            Map.entry(2034, LocalDate.of(2034, 2, 19)), Map.entry(2035, LocalDate.of(2035, 2, 8)));

    /** Days either side of the Spring Festival that it affects. */
    static final int SPRING_FESTIVAL_REACH = 20;

    /** Spring Festival demand by days from the festival (piecewise linear between these points). */
    private static final int[] SF_OFFSETS = {-20, -10, -6, -2, 4, 8, 14, 20};
    private static final double[] SF_FACTORS = {1.0, 0.85, 0.55, 0.35, 0.35, 0.6, 0.9, 1.0};

    /** Growth of the shop per year (the demand a year before the last day is 1 / 1.15 of it). */
    static final double YEARLY_GROWTH = 1.15;

    /** Orders by hour of the day, shop-local: late morning, afternoon and the 20–23h evening peak. */
    private static final double[] HOURS = {
            1.6, 0.8, 0.4, 0.25, 0.2, 0.3, 0.8, 1.6, 2.8, 4.0, 5.2, 5.0,
            4.2, 4.4, 5.0, 5.2, 4.8, 4.0, 3.8, 4.8, 6.5, 7.2, 6.8, 3.8};

    private DemoCalendar() {
    }

    /** The Spring Festival (lunar new year's day) of a Gregorian year. */
    public static LocalDate springFestival(int year) {
        return SPRING_FESTIVAL.getOrDefault(year, LocalDate.of(year, 2, 5));
    }

    /** What kind of day this is. */
    public static Kind kind(LocalDate day) {
        Month m = day.getMonth();
        int d = day.getDayOfMonth();
        if (m == Month.NOVEMBER && d <= 13 || m == Month.JUNE && d <= 20) {
            int peak = m == Month.NOVEMBER ? 11 : 18;
            return d < peak ? Kind.LEAD_UP : d == peak ? Kind.PEAK : Kind.AFTER;
        }
        if (m == Month.MARCH && d == 8 || m == Month.SEPTEMBER && d == 9 || m == Month.DECEMBER && d == 12) {
            return Kind.MINOR;
        }
        if (Math.abs(springFestivalOffset(day)) <= SPRING_FESTIVAL_REACH) {
            return Kind.SPRING_FESTIVAL;
        }
        return Kind.ORDINARY;
    }

    /** Whether the day has no campaign and no holiday effect. */
    public static boolean ordinary(LocalDate day) {
        return kind(day) == Kind.ORDINARY;
    }

    /** Whether the day opens a festival's run-up (June 1, November 1: the first sales wave). */
    static boolean firstWave(LocalDate day) {
        return day.getDayOfMonth() == 1 && (day.getMonth() == Month.JUNE || day.getMonth() == Month.NOVEMBER);
    }

    /** Days from the nearest Spring Festival (negative before it). */
    static long springFestivalOffset(LocalDate day) {
        long best = Long.MAX_VALUE;
        for (int year = day.getYear() - 1; year <= day.getYear() + 1; year++) {
            long offset = ChronoUnit.DAYS.between(springFestival(year), day);
            if (Math.abs(offset) < Math.abs(best)) {
                best = offset;
            }
        }
        return best;
    }

    /** Demand factor of the Spring Festival lull, 1 outside it. */
    public static double springFestivalFactor(LocalDate day) {
        long offset = springFestivalOffset(day);
        if (offset <= SF_OFFSETS[0] || offset >= SF_OFFSETS[SF_OFFSETS.length - 1]) {
            return 1.0;
        }
        for (int i = 1; i < SF_OFFSETS.length; i++) {
            if (offset <= SF_OFFSETS[i]) {
                double t = (offset - SF_OFFSETS[i - 1]) / (double) (SF_OFFSETS[i] - SF_OFFSETS[i - 1]);
                return SF_FACTORS[i - 1] + t * (SF_FACTORS[i] - SF_FACTORS[i - 1]);
            }
        }
        return 1.0;
    }

    /**
     * The yearly curve of a home and kitchen shop: high in late autumn and winter (moving house, new
     * year, gifts), a smaller bump in spring, low in mid-summer. Between about 0.85 and 1.15.
     */
    public static double season(LocalDate day) {
        double doy = day.getDayOfYear();
        return 1 + 0.10 * StrictMath.cos(2 * Math.PI * (doy - 345) / 365.25) + 0.05 * StrictMath.cos(4 * Math.PI * (doy - 70) / 365.25);
    }

    /** The weekday pattern: Sunday highest, Friday lowest. */
    public static double weekday(DayOfWeek day) {
        return switch (day) {
            case MONDAY -> 1.02;
            case TUESDAY -> 1.00;
            case WEDNESDAY -> 0.98;
            case THURSDAY -> 0.96;
            case FRIDAY -> 0.90;
            case SATURDAY -> 1.03;
            case SUNDAY -> 1.11;
        };
    }

    /** The shop's growth: 1 on the last day, 1 / {@value #YEARLY_GROWTH} a year before it. */
    public static double trend(LocalDate day, LocalDate lastDay) {
        return StrictMath.pow(YEARLY_GROWTH, ChronoUnit.DAYS.between(lastDay, day) / 365.0);
    }

    /** Season × weekday × Spring Festival × growth: the smooth part of a day's demand. */
    public static double demand(LocalDate day, LocalDate lastDay) {
        return season(day) * weekday(day.getDayOfWeek()) * springFestivalFactor(day) * trend(day, lastDay);
    }

    /** The share of the list price charged on the day (campaign discounts). */
    public static double priceFactor(LocalDate day) {
        return switch (kind(day)) {
            case LEAD_UP, PEAK -> day.getMonth() == Month.NOVEMBER ? 0.85 : 0.88;
            case MINOR -> 0.90;
            default -> 1.0;
        };
    }

    /** Relative order weights by shop-local hour; festival peaks add a midnight rush of paid pre-sales. */
    static double[] hourWeights(LocalDate day) {
        double[] w = HOURS.clone();
        if (kind(day) == Kind.PEAK) {
            w[0] *= 12;
            w[1] *= 4;
        }
        return w;
    }
}
