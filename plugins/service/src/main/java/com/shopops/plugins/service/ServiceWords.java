package com.shopops.plugins.service;

import com.shopops.api.Messages;
import com.shopops.plugins.service.analysis.BestAgents;
import com.shopops.plugins.service.analysis.BestAgents.Difference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the best agents do differently, in the reader's language: the groups' conversion, then the habits
 * that differ by {@value #NOTABLE} or more (the largest first, at most three).
 */
final class ServiceWords {

    /** A smaller relative difference is not named: habits of a few agents differ by that much anyway. */
    static final double NOTABLE = 0.10;

    private ServiceWords() {
    }

    /** One sentence per difference, the largest first: those that are notable. */
    static List<String> differences(Messages messages, Locale l, BestAgents.Comparison c) {
        List<String> out = new ArrayList<>();
        for (Difference d : c.differences()) {
            if (Math.abs(d.relative()) >= NOTABLE) {
                out.add(difference(messages, l, d));
            }
        }
        return out;
    }

    static String difference(Messages messages, Locale l, Difference d) {
        String key = "best." + d.habit().name().toLowerCase(Locale.ROOT) + (d.relative() > 0 ? ".more" : ".less");
        return messages.text(l, key, Math.abs(d.relative()), d.best(), d.rest());
    }

    /** The whole story: who the best are, how they convert, and their habits; or why there is no comparison. */
    static String summary(Messages messages, Locale l, BestAgents.Comparison c) {
        if (c == null) {
            return messages.text(l, "best.few");
        }
        StringBuilder s = new StringBuilder(messages.text(l, "best.summary", String.join(messages.text(l, "best.and"), c.best()),
                c.bestConversion(), c.restConversion()));
        List<String> named = differences(messages, l, c);
        if (named.isEmpty()) {
            s.append(messages.text(l, "best.none"));
        }
        for (String n : named) {
            s.append(n);
        }
        return s.toString().strip();
    }
}
