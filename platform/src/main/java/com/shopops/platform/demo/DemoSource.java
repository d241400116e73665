package com.shopops.platform.demo;

import com.shopops.platform.demo.DemoCalendar.Kind;
import java.time.LocalDate;

/**
 * A traffic source of the demo shop with its profile on an ordinary day: share of visitors, conversion,
 * share of buyers who bought before, and page behaviour. Paid ads and direct visits (cart, favourites,
 * returning customers) convert better; external links worse and with short, shallow visits.
 */
public enum DemoSource {
    //        code         uv share  CR     returning pages bounce stay  peak UV  lead-up UV
    SEARCH("search",       0.40,   0.030, 0.18,     3.0,  0.55, 72,   2.2,     1.25),
    PAID("paid",           0.15,   0.045, 0.15,     2.7,  0.58, 58,   2.5,     1.40),
    RECOMMEND("recommend", 0.20,   0.020, 0.20,     2.4,  0.63, 46,   2.0,     1.20),
    CAMPAIGN("campaign",   0.05,   0.038, 0.12,     3.3,  0.50, 80,   14.0,    4.00),
    DIRECT("direct",       0.13,   0.065, 0.60,     3.8,  0.46, 105,  4.0,     1.30),
    EXTERNAL("external",   0.07,   0.012, 0.08,     2.1,  0.68, 34,   2.0,     1.20);

    /** The source code written to traffic rows and orders. */
    public final String code;
    final double uvShare;
    final double conversion;
    final double returning;
    final double pagesPerVisit;
    final double bounce;
    final double staySeconds;
    private final double peakUv;
    private final double leadUpUv;

    DemoSource(String code, double uvShare, double conversion, double returning, double pagesPerVisit,
               double bounce, double staySeconds, double peakUv, double leadUpUv) {
        this.code = code;
        this.uvShare = uvShare;
        this.conversion = conversion;
        this.returning = returning;
        this.pagesPerVisit = pagesPerVisit;
        this.bounce = bounce;
        this.staySeconds = staySeconds;
        this.peakUv = peakUv;
        this.leadUpUv = leadUpUv;
    }

    /** Visitors from this source over the shop's smooth demand on the day, before campaign effects. */
    double uvFactor(LocalDate day) {
        return switch (DemoCalendar.kind(day)) {
            case PEAK -> peakUv;
            case LEAD_UP -> leadUpUv * (DemoCalendar.firstWave(day) ? 1.6 : 1.0);
            case AFTER -> 1 + (leadUpUv - 1) * 0.6;
            case MINOR -> this == CAMPAIGN ? 5.0 : 1.2;
            case ORDINARY, SPRING_FESTIVAL -> 1.0;
        };
    }

    /** Conversion on the day over the ordinary conversion. */
    static double conversionFactor(LocalDate day) {
        Kind kind = DemoCalendar.kind(day);
        return switch (kind) {
            case PEAK -> 1.7;
            case LEAD_UP -> DemoCalendar.firstWave(day) ? 1.3 : 0.95;
            case AFTER -> 1.05;
            case MINOR -> 1.25;
            case SPRING_FESTIVAL -> Math.abs(DemoCalendar.springFestivalOffset(day)) <= 6 ? 0.85 : 1.0;
            case ORDINARY -> 1.0;
        };
    }
}
