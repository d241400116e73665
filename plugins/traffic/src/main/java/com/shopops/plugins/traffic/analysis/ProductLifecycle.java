package com.shopops.plugins.traffic.analysis;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A product's lifecycle stage read from its sales curve (DOMAIN.md, "Products: lifecycle (new, growth,
 * mature, decline) from the sales curve; clearance plans"). The rules are deliberately simple, so an
 * operator can check them by hand:
 * <ol>
 *   <li><b>new</b>: on sale for fewer than {@value #NEW_DAYS} days on the day judged — counted from its
 *       listing day, or from its first sale when the listing day is unknown;</li>
 *   <li>otherwise the units sold in the last {@value #WEEKS} weeks (7-day weeks ending on the day judged)
 *       are split into the {@value #HALF} most recent weeks and the {@value #HALF} before them:
 *       <b>inactive</b> when both are zero; <b>growing</b> when the recent half sold at least
 *       {@value #GROWING} × the earlier one (or the earlier one sold nothing); <b>declining</b> when it
 *       sold at most {@value #DECLINING} × the earlier one; <b>mature</b> in between.</li>
 * </ol>
 * Units rather than money, so a price change does not look like growth or decline.
 *
 * @param stage         the stage
 * @param recentUnits   units sold in the recent {@value #HALF} weeks
 * @param earlierUnits  units sold in the {@value #HALF} weeks before
 * @param trend         recent ÷ earlier, or null when earlier is zero
 * @param weeklyUnits   units per week, oldest first, {@value #WEEKS} weeks ending on the day judged
 */
public record ProductLifecycle(Stage stage, long recentUnits, long earlierUnits, Double trend, List<Long> weeklyUnits) {

    /** Weeks of sales read. */
    public static final int WEEKS = 8;
    /** Weeks in each half compared. */
    public static final int HALF = WEEKS / 2;
    /** A product younger than this many days is new. */
    public static final int NEW_DAYS = 28;
    /** Recent ÷ earlier at or above this is growth. */
    public static final double GROWING = 1.2;
    /** Recent ÷ earlier at or below this is decline. */
    public static final double DECLINING = 0.8;

    public ProductLifecycle {
        weeklyUnits = List.copyOf(weeklyUnits);
    }

    /** A lifecycle stage. */
    public enum Stage {
        NEW, GROWING, MATURE, DECLINING, INACTIVE;

        /** The stage's name in JSON, e.g. {@code growing}. */
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The stage of a product on {@code asOf}.
     *
     * @param asOf        the day judged (the last day of the weeks read)
     * @param listedOn    the day the product was listed, or null when unknown
     * @param firstSale   the day of its first sale ever, or null when it never sold
     * @param weeklyUnits {@value #WEEKS} weeks of units sold, oldest first, the last ending on {@code asOf}
     */
    public static ProductLifecycle of(LocalDate asOf, LocalDate listedOn, LocalDate firstSale, long[] weeklyUnits) {
        if (weeklyUnits.length != WEEKS) {
            throw new IllegalArgumentException("weekly units: " + WEEKS + " weeks, not " + weeklyUnits.length);
        }
        long earlier = 0;
        long recent = 0;
        for (int w = 0; w < WEEKS; w++) {
            if (weeklyUnits[w] < 0) {
                throw new IllegalArgumentException("weekly units cannot be negative");
            }
            if (w < HALF) {
                earlier += weeklyUnits[w];
            } else {
                recent += weeklyUnits[w];
            }
        }
        Double trend = earlier == 0 ? null : (double) recent / earlier;
        List<Long> weeks = Arrays.stream(weeklyUnits).boxed().toList();
        LocalDate since = listedOn != null ? listedOn : firstSale;
        Stage stage;
        if (since != null && !since.isAfter(asOf) && ChronoUnit.DAYS.between(since, asOf) < NEW_DAYS) {
            stage = Stage.NEW;
        } else if (recent == 0 && earlier == 0) {
            stage = Stage.INACTIVE;
        } else if (trend == null || trend >= GROWING) {
            stage = Stage.GROWING;
        } else if (trend <= DECLINING) {
            stage = Stage.DECLINING;
        } else {
            stage = Stage.MATURE;
        }
        return new ProductLifecycle(stage, recent, earlier, trend, weeks);
    }

    /** The first and last day of week {@code w} (0 = oldest) of the {@value #WEEKS} weeks ending on {@code asOf}. */
    public static LocalDate[] week(LocalDate asOf, int w) {
        LocalDate end = asOf.minusDays(7L * (WEEKS - 1 - w));
        return new LocalDate[] {end.minusDays(6), end};
    }
}
