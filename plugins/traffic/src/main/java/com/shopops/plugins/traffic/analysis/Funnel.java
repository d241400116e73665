package com.shopops.plugins.traffic.analysis;

import java.util.Optional;

/**
 * The shopping funnel from behaviour events: view → favourite or add to cart ("intent") → buy
 * (DOMAIN.md, "Funnel: … find the stage that leaks"). Events are counted as events; {@code visitors}
 * and {@code buyers} are distinct shoppers.
 *
 * <p>The two stage rates are ratios of event counts, not of shoppers, on purpose: a shopper-based rate
 * climbs with the length of the period (over nine days most viewers have carted something once), an
 * event ratio does not, so a day, a week and a product can all be held against the same benchmark.
 *
 * @param visitors   distinct shoppers with any event
 * @param views      VIEW events
 * @param favourites FAVOURITE events
 * @param carts      CART events
 * @param buys       BUY events
 * @param buyers     distinct shoppers with a BUY event
 */
public record Funnel(long visitors, long views, long favourites, long carts, long buys, long buyers) {

    public Funnel {
        if (visitors < 0 || views < 0 || favourites < 0 || carts < 0 || buys < 0 || buyers < 0) {
            throw new IllegalArgumentException("funnel counts cannot be negative");
        }
    }

    /** A funnel with nothing in it. */
    public static final Funnel EMPTY = new Funnel(0, 0, 0, 0, 0, 0);

    /** The stages whose drop is judged, in funnel order. */
    public enum Stage {
        /** From a product view to a favourite or an add-to-cart: title, images, price and reviews at work. */
        VIEW_TO_INTENT,
        /** From a favourite or add-to-cart to a purchase: price, coupons, stock, customer service at work. */
        INTENT_TO_BUY;

        /** The stage's name in JSON: {@code viewToIntent}, {@code intentToBuy}. */
        public String json() {
            return this == VIEW_TO_INTENT ? "viewToIntent" : "intentToBuy";
        }

        /** The stage for its JSON name. */
        public static Stage parse(String json) {
            for (Stage s : values()) {
                if (s.json().equals(json)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("stage: viewToIntent or intentToBuy, not '" + json + "'");
        }
    }

    /**
     * What a healthy shop's stage rates look like. The defaults are the rates of Taobao's whole
     * UserBehavior data set (about 100 million events, 25 Nov – 3 Dec 2017: 89.7M views, 2.9M favourites,
     * 5.5M carts, 2.0M buys), so 9.4% view → intent and 24% intent → buy; they match the usual e-commerce
     * add-to-cart rate (6–10%) and cart-to-order rate (about 30% after abandonment).
     *
     * @param viewToIntent favourites + carts per view
     * @param intentToBuy  buys per favourite + cart
     */
    public record Benchmarks(double viewToIntent, double intentToBuy) {

        /** 9% view → intent, 24% intent → buy. */
        public static final Benchmarks DEFAULT = new Benchmarks(0.09, 0.24);

        public Benchmarks {
            if (!(viewToIntent > 0) || !(intentToBuy > 0)) {
                throw new IllegalArgumentException("benchmarks must be positive");
            }
        }

        /** The benchmark of {@code stage}. */
        public double of(Stage stage) {
            return stage == Stage.VIEW_TO_INTENT ? viewToIntent : intentToBuy;
        }
    }

    /** Favourites and add-to-carts together: the shopper showed intent to buy. */
    public long intents() {
        return favourites + carts;
    }

    /** (favourites + carts) ÷ views, or null without views. */
    public Double viewToIntent() {
        return ratio(intents(), views);
    }

    /** buys ÷ (favourites + carts), or null without either; above 1 when shoppers buy straight from the page. */
    public Double intentToBuy() {
        return ratio(buys, intents());
    }

    /** buys ÷ views, or null without views. */
    public Double viewToBuy() {
        return ratio(buys, views);
    }

    /** buyers ÷ visitors (distinct shoppers), or null without visitors. */
    public Double conversionRate() {
        return ratio(buyers, visitors);
    }

    /** The rate of {@code stage}, or null when its starting count is zero. */
    public Double rate(Stage stage) {
        return stage == Stage.VIEW_TO_INTENT ? viewToIntent() : intentToBuy();
    }

    /**
     * The rate of {@code stage} as a share of its benchmark (1 = on benchmark, 0.5 = half), or null when
     * the rate is undefined.
     */
    public Double index(Stage stage, Benchmarks benchmarks) {
        Double rate = rate(stage);
        return rate == null ? null : rate / benchmarks.of(stage);
    }

    /**
     * The leaking stage: of the stages whose rate is below its benchmark, the one furthest below it
     * (lowest rate ÷ benchmark; on a tie the earlier stage, since what leaks there never reaches the
     * next). Empty when no stage has a rate, or every stage meets its benchmark.
     */
    public Optional<Stage> leak(Benchmarks benchmarks) {
        Stage worst = null;
        double worstIndex = 1;
        for (Stage stage : Stage.values()) {
            Double index = index(stage, benchmarks);
            if (index != null && index < worstIndex) {
                worst = stage;
                worstIndex = index;
            }
        }
        return Optional.ofNullable(worst);
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
