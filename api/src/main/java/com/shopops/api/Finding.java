package com.shopops.api;

import java.util.List;

/**
 * One thing the morning briefing tells the team: what was seen, its figure against what was
 * expected, what to do and who should do it.
 *
 * <pre>{@code
 * new Finding("traffic", Severity.WARNING, "Paid search visitors fell 18%",
 *     "1,240 visitors yesterday against 1,512 the same weekday last week.",
 *     "uv.paid", 1240, 1512, Unit.COUNT, "Check keyword bids and the main image's CTR.",
 *     Role.PROMOTION, "/ui/traffic/index.html#sources", 27200)
 * }</pre>
 *
 * @param plugin     id of the plugin that found it
 * @param severity   how urgent
 * @param title      one line, in the user's language
 * @param detail     the explanation with its figures
 * @param metric     machine name of the figure, e.g. {@code conversionRate}
 * @param value      the figure seen (money in minor units, rates as fractions), or null
 * @param expected   what it should have been, or null
 * @param unit       how to read {@code value} and {@code expected}
 * @param suggestion the suggested action
 * @param role       the role that should act, or null
 * @param link       a UI path that explains it, or null
 * @param impact     estimated effect in the shop's minor currency units, for ordering within a severity
 * @param trend      the metric's recent daily values, oldest first, ending with {@code value}, when a
 *                   trend explains the finding (the briefing draws it as a small chart); else empty
 * @since 1.0.0 ({@code trend} since 1.1.0)
 */
public record Finding(String plugin, Severity severity, String title, String detail, String metric,
                      Double value, Double expected, Unit unit, String suggestion, Role role,
                      String link, long impact, List<Double> trend) {

    public Finding {
        trend = trend == null ? List.of() : List.copyOf(trend);
    }

    /** A finding without a trend, as plugins written for API 1.0 make them. */
    public Finding(String plugin, Severity severity, String title, String detail, String metric,
                   Double value, Double expected, Unit unit, String suggestion, Role role,
                   String link, long impact) {
        this(plugin, severity, title, detail, metric, value, expected, unit, suggestion, role, link, impact, List.of());
    }

    /** This finding with {@code values} (oldest first) as its trend. */
    public Finding withTrend(List<Double> values) {
        return new Finding(plugin, severity, title, detail, metric, value, expected, unit, suggestion, role, link,
                impact, values);
    }

    /** How a finding's value is to be read. */
    public enum Unit {
        /** Money in minor units (fen, cents). */
        MONEY,
        /** A fraction, shown as a percentage. */
        RATE,
        /** A count. */
        COUNT,
        /** A duration in seconds. */
        SECONDS,
        /** A plain number, e.g. pages per visit or ROI. */
        NUMBER
    }
}
