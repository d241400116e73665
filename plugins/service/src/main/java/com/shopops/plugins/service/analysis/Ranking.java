package com.shopops.plugins.service.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The agents ranked by inquiry conversion, each against the team average and the target. Agents with
 * fewer inquiries than the minimum are listed after the others, unranked: a handful of inquiries says
 * little about an agent.
 */
public final class Ranking {

    private Ranking() {
    }

    /**
     * One agent's place.
     *
     * @param rank      1 for the best converter; null when the agent has too few inquiries to rank
     * @param figures   the agent's figures
     * @param vsTeam    conversion minus the team's, in fraction points (0.05 = 5 points), or null
     * @param position  {@code above}, {@code below} or {@code at} the team average, or {@code unranked}
     * @param meetsTarget whether the conversion reaches the target, or null
     */
    public record Place(Integer rank, AgentFigures figures, Double vsTeam, String position, Boolean meetsTarget) {
    }

    /** The ranking; ties keep the agents' name order. */
    public static List<Place> of(List<AgentFigures> agents, AgentFigures team, double target, long minInquiries) {
        Double teamRate = team.conversion();
        List<AgentFigures> ranked = agents.stream().filter(a -> a.conversion() != null && a.inquiries() >= minInquiries)
                .sorted(Comparator.comparing(AgentFigures::conversion).reversed().thenComparing(AgentFigures::agent)).toList();
        List<Place> out = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            AgentFigures a = ranked.get(i);
            double vs = a.conversion() - teamRate;
            // Within a hundredth of a point is "at" the average: float sums of the same counts differ in the last bits.
            String position = Math.abs(vs) < 1e-4 ? "at" : vs > 0 ? "above" : "below";
            out.add(new Place(i + 1, a, vs, position, a.conversion() >= target));
        }
        agents.stream().filter(a -> !ranked.contains(a)).sorted(Comparator.comparing(AgentFigures::agent))
                .forEach(a -> out.add(new Place(null, a, a.conversion() == null || teamRate == null ? null : a.conversion() - teamRate,
                        "unranked", a.conversion() == null ? null : a.conversion() >= target)));
        return out;
    }
}
