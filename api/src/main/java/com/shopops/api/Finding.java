package com.shopops.api;

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
 * @since 1.0.0
 */
public record Finding(String plugin, Severity severity, String title, String detail, String metric,
                      Double value, Double expected, Unit unit, String suggestion, Role role,
                      String link, long impact) {

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
