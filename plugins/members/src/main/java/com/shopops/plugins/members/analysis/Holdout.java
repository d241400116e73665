package com.shopops.plugins.members.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * The random holdout (对照组) of an action: a share of its audience that gets nothing, so that what the
 * others buy can be compared with what they would have bought anyway. The split depends only on the set of
 * ids and the seed, so an action's split can be made again from its stored seed.
 */
public final class Holdout {

    private Holdout() {
    }

    /**
     * An audience split in two.
     *
     * @param treated the customers who get the action, ascending
     * @param holdout the customers held out, ascending
     */
    public record Split(List<Long> treated, List<Long> holdout) {

        public Split {
            treated = List.copyOf(treated);
            holdout = List.copyOf(holdout);
        }
    }

    /**
     * Splits {@code customerIds}: de-duplicated and sorted (so their order does not matter), shuffled with
     * {@code new Random(seed)}, the first {@code Math.round(share × n)} held out and the rest treated.
     *
     * @param share the held-out share, 0 to 0.5: holding out more than half would withhold the action from most
     * @throws IllegalArgumentException when the share is outside 0 to 0.5
     */
    public static Split split(Collection<Long> customerIds, double share, long seed) {
        if (!(share >= 0 && share <= 0.5)) {
            throw new IllegalArgumentException("the holdout share is 0 to 0.5, not " + share);
        }
        List<Long> ids = new ArrayList<>(new TreeSet<>(customerIds));
        Collections.shuffle(ids, new Random(seed));
        int held = (int) Math.round(share * ids.size());
        List<Long> holdout = new ArrayList<>(ids.subList(0, held));
        List<Long> treated = new ArrayList<>(ids.subList(held, ids.size()));
        Collections.sort(holdout);
        Collections.sort(treated);
        return new Split(treated, holdout);
    }
}
