package com.shopops.plugins.service.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Adds chats and agent days up into {@link AgentFigures}, per agent and for the team. An inquiry counts as
 * converted when the order it names is found and paid; its refund counts once per inquiry. Pure: the
 * orders are looked up through the function given (null for an order the shop does not know).
 */
public final class ServiceFigures {

    private ServiceFigures() {
    }

    /** The team's figures: every chat and agent day together, under {@link AgentFigures#TEAM}. */
    public static AgentFigures team(Collection<Chat> chats, Collection<AgentDay> days, Function<String, InquiryOrder> orders) {
        return add(AgentFigures.TEAM, chats, days, orders);
    }

    /** Each agent's figures, by agent name; an agent with only chats or only days is there too. */
    public static List<AgentFigures> perAgent(Collection<Chat> chats, Collection<AgentDay> days, Function<String, InquiryOrder> orders) {
        Map<String, List<Chat>> chatsBy = new TreeMap<>();
        Map<String, List<AgentDay>> daysBy = new TreeMap<>();
        chats.forEach(c -> chatsBy.computeIfAbsent(c.agent(), a -> new ArrayList<>()).add(c));
        days.forEach(d -> daysBy.computeIfAbsent(d.agent(), a -> new ArrayList<>()).add(d));
        TreeSet<String> agents = new TreeSet<>(chatsBy.keySet());
        agents.addAll(daysBy.keySet());
        List<AgentFigures> out = new ArrayList<>();
        for (String a : agents) {
            out.add(add(a, chatsBy.getOrDefault(a, List.of()), daysBy.getOrDefault(a, List.of()), orders));
        }
        return out;
    }

    static AgentFigures add(String agent, Collection<Chat> chats, Collection<AgentDay> days, Function<String, InquiryOrder> orders) {
        long n = 0, inquiries = 0, converted = 0, refunded = 0, amount = 0, response = 0, messages = 0, known = 0, followed = 0;
        for (Chat c : chats) {
            n++;
            response += c.firstResponseSeconds();
            messages += c.messages();
            if (c.followedUp() != null) {
                known++;
                followed += c.followedUp() ? 1 : 0;
            }
            if (c.inquiry()) {
                inquiries++;
                InquiryOrder o = c.orderId() == null ? null : orders.apply(c.orderId());
                if (o != null && o.paid()) {
                    converted++;
                    amount += o.amount();
                    refunded += o.refunded() ? 1 : 0;
                }
            }
        }
        long online = 0, rated = 0, satisfied = 0;
        double weight = 0, scoreSum = 0;
        for (AgentDay d : days) {
            online += d.onlineMinutes();
            if (d.score() != null) {
                double w = d.rated() == null ? 1 : d.rated();
                weight += w;
                scoreSum += d.score() * w;
            }
            if (d.rated() != null && d.satisfied() != null) {
                rated += d.rated();
                satisfied += d.satisfied();
            }
        }
        return new AgentFigures(agent, n, inquiries, converted, refunded, amount, response, messages, known, followed, online,
                weight, scoreSum, rated, satisfied);
    }
}
