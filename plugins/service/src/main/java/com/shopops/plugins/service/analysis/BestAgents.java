package com.shopops.plugins.service.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the best agents do differently (DOMAIN.md: share what the best agents do): the top third of the
 * ranked agents by inquiry conversion against the rest, on response time, follow-up rate and messages per
 * chat. Each group's figure is pooled over its chats (not an average of agents), so a busy agent weighs as
 * much as their chats.
 */
public final class BestAgents {

    private BestAgents() {
    }

    /** The habits compared. */
    public enum Habit {
        /** Average first response time, seconds; lower is faster. */
        RESPONSE_SECONDS,
        /** Chats followed up ÷ chats whose report says. */
        FOLLOW_UP_RATE,
        /** The agent's messages per chat. */
        MESSAGES_PER_CHAT
    }

    /**
     * One habit of the best agents against the rest's.
     *
     * @param habit    the habit
     * @param best     the top third's figure
     * @param rest     the others' figure
     * @param relative (best − rest) ÷ rest: −0.4 is 40% less
     */
    public record Difference(Habit habit, double best, double rest, double relative) {
    }

    /**
     * The comparison.
     *
     * @param best           the top third's agents, best first
     * @param rest           the others
     * @param bestConversion the top third's inquiry conversion, pooled
     * @param restConversion the others'
     * @param differences    the habits whose figure both groups have, the largest relative difference first
     */
    public record Comparison(List<String> best, List<String> rest, double bestConversion, double restConversion,
                             List<Difference> differences) {
    }

    /**
     * Compares the top third (rounded up) of the ranked places with the others; null with fewer than two
     * ranked agents.
     */
    public static Comparison of(List<Ranking.Place> ranking) {
        List<AgentFigures> ranked = ranking.stream().filter(p -> p.rank() != null).map(Ranking.Place::figures).toList();
        if (ranked.size() < 2) {
            return null;
        }
        int top = (ranked.size() + 2) / 3;
        AgentFigures best = pooled(ranked.subList(0, top));
        AgentFigures rest = pooled(ranked.subList(top, ranked.size()));
        List<Difference> diffs = new ArrayList<>();
        add(diffs, Habit.RESPONSE_SECONDS, best.averageResponseSeconds(), rest.averageResponseSeconds());
        add(diffs, Habit.FOLLOW_UP_RATE, best.followUpRate(), rest.followUpRate());
        add(diffs, Habit.MESSAGES_PER_CHAT, best.messagesPerChat(), rest.messagesPerChat());
        diffs.sort(Comparator.comparingDouble((Difference d) -> -Math.abs(d.relative())).thenComparing(Difference::habit));
        return new Comparison(ranked.subList(0, top).stream().map(AgentFigures::agent).toList(),
                ranked.subList(top, ranked.size()).stream().map(AgentFigures::agent).toList(),
                best.conversion(), rest.conversion(), diffs);
    }

    private static void add(List<Difference> out, Habit habit, Double best, Double rest) {
        if (best != null && rest != null && rest > 0) {
            out.add(new Difference(habit, best, rest, (best - rest) / rest));
        }
    }

    /** Several agents' figures as one: the sums added. */
    static AgentFigures pooled(List<AgentFigures> agents) {
        long[] s = new long[12];
        double weight = 0, scoreSum = 0;
        for (AgentFigures a : agents) {
            s[0] += a.chats();
            s[1] += a.inquiries();
            s[2] += a.converted();
            s[3] += a.refunded();
            s[4] += a.orderAmount();
            s[5] += a.responseSeconds();
            s[6] += a.messages();
            s[7] += a.followKnown();
            s[8] += a.followedUp();
            s[9] += a.onlineMinutes();
            s[10] += a.rated();
            s[11] += a.satisfied();
            weight += a.scoreWeight();
            scoreSum += a.scoreSum();
        }
        return new AgentFigures(AgentFigures.TEAM, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], weight, scoreSum,
                s[10], s[11]);
    }
}
