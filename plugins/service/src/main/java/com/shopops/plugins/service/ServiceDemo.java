package com.shopops.plugins.service;

import com.shopops.api.DemoContributor;
import com.shopops.api.domain.Customer;
import com.shopops.api.domain.Order;
import com.shopops.api.domain.Refund;
import com.shopops.plugins.service.analysis.AgentDay;
import com.shopops.plugins.service.analysis.Chat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.pf4j.Extension;

/**
 * The demo shop's customer service: six agents over the last 60 days (or the demo's days, if fewer), each
 * with an online day (a day off a week) and chats — pre-sales inquiries, about two in five of the shop's
 * paid orders coming from one and named by its real order number and buyer, and after-sales chats. The
 * agents differ the way a team does: the best answer fast, follow up and write more; {@value #WEAK} converts
 * about half as well as the others and answers slowly (the briefing's "far below the team"); {@value #REFUNDS}
 * sells what comes back (a high refund rate); and over the last seven days everyone answers about half again
 * as slowly (the briefing's "response time rising"). Same seed, same data.
 */
@Extension
public final class ServiceDemo implements DemoContributor {

    static final int DAYS = 60;
    static final String WEAK = "小林";
    static final String REFUNDS = "大伟";
    /** The last days whose responses are slower. */
    static final int SLOW_DAYS = 7;
    static final double SLOWER = 1.5;

    /** An agent's habits: conversion, mean first response (s), follow-up chance, messages per chat, share of the load, score. */
    private record Agent(String name, double conversion, double response, double followUp, double messages, double load, double score) {
    }

    private static final List<Agent> AGENTS = List.of(
            new Agent("小美", 0.60, 14, 0.70, 11, 1.2, 4.9),
            new Agent("婷婷", 0.56, 18, 0.65, 10, 1.1, 4.8),
            new Agent("阿强", 0.50, 22, 0.50, 8, 1.0, 4.7),
            new Agent(REFUNDS, 0.50, 24, 0.45, 8, 1.0, 4.6),
            new Agent("晓雪", 0.46, 26, 0.40, 7, 1.0, 4.7),
            new Agent(WEAK, 0.24, 48, 0.15, 4, 0.9, 4.3));

    /** Share of a day's paid orders that came from an inquiry. */
    private static final double FROM_INQUIRY = 0.4;

    @Override
    public void contribute(DemoContext context) {
        long shopId = context.shop().id();
        ZoneId zone = context.shop().timeZone();
        LocalDate last = context.to();
        LocalDate from = last.minusDays(DAYS - 1L).isBefore(context.from()) ? context.from() : last.minusDays(DAYS - 1L);
        SplittableRandom rnd = new SplittableRandom(context.seed() * 1_000_003L + 0x5E7L);

        Map<Long, String> buyers = new HashMap<>();
        for (Customer c : context.data().customers(shopId)) {
            buyers.put(c.id(), c.externalId());
        }
        Set<Long> refunded = new HashSet<>();
        for (Refund r : context.data().refunds(shopId, from, last)) {
            refunded.add(r.orderId());
        }
        Map<LocalDate, List<Order>> paidBy = new HashMap<>();
        for (Order o : context.data().orders(shopId, from, last)) {
            if (o.status() != Order.Status.CANCELLED && o.status() != Order.Status.PLACED) {
                paidBy.computeIfAbsent(o.day(), d -> new ArrayList<>()).add(o);
                if (o.status() == Order.Status.REFUNDED) {
                    refunded.add(o.id());
                }
            }
        }

        List<Chat> chats = new ArrayList<>();
        List<AgentDay> agentDays = new ArrayList<>();
        long serial = 0;
        for (LocalDate day = from; !day.isAfter(last); day = day.plusDays(1)) {
            double slow = day.isAfter(last.minusDays(SLOW_DAYS)) ? SLOWER : 1.0;
            // Each agent has one day off a week, on their own weekday from Monday (all work on Sundays); the others
            // share the chats by their load.
            List<Agent> onDuty = new ArrayList<>();
            for (int i = 0; i < AGENTS.size(); i++) {
                Agent a = AGENTS.get(i);
                if (day.getDayOfWeek().getValue() - 1 == i) {
                    continue;
                }
                onDuty.add(a);
                long rated = 4 + rnd.nextInt(12);
                double score = Math.min(5.0, Math.round((a.score() + (rnd.nextDouble() - 0.5) * 0.3) * 100) / 100.0);
                long satisfied = Math.min(rated, Math.round(rated * (score - 3.2) / 1.8));
                agentDays.add(new AgentDay(day, a.name(), 420 + rnd.nextInt(121), score, rated, Math.max(0, satisfied)));
            }
            List<Order> paid = paidBy.getOrDefault(day, List.of());
            LinkedList<Order> plain = new LinkedList<>();
            LinkedList<Order> returned = new LinkedList<>();
            for (Order o : paid) {
                if (rnd.nextDouble() < FROM_INQUIRY) {
                    (refunded.contains(o.id()) ? returned : plain).add(o);
                }
            }
            // About as many inquiries as make the converted ones at the agents' rates; each ends in an order only
            // while the day's orders from inquiries last.
            long inquiries = Math.round((plain.size() + returned.size()) / 0.48);
            double load = onDuty.stream().mapToDouble(Agent::load).sum();
            for (long n = 0; n < inquiries; n++) {
                Agent a = pick(onDuty, load, rnd);
                Order o = null;
                if (rnd.nextDouble() < a.conversion()) {
                    boolean wantsReturned = a.name().equals(REFUNDS) ? rnd.nextDouble() < 0.5 : rnd.nextDouble() < 0.02;
                    o = wantsReturned && !returned.isEmpty() ? returned.poll() : !plain.isEmpty() ? plain.poll() : null;
                }
                LocalDateTime start;
                String customer;
                if (o != null) {
                    customer = o.customerId() == null ? "guest-" + o.externalId() : buyers.getOrDefault(o.customerId(), "buyer-" + o.customerId());
                    start = o.createdAt().atZone(zone).toLocalDateTime().minusMinutes(3 + rnd.nextInt(40)).withNano(0);
                    if (!start.toLocalDate().equals(day)) {
                        start = day.atStartOfDay().plusSeconds(rnd.nextInt(600));
                    }
                } else {
                    customer = "tb_" + (100_000 + serial++);
                    start = day.atTime(8, 0).plusSeconds(rnd.nextInt(15 * 3600 + 1800));
                }
                chats.add(new Chat(day, a.name(), customer, start, response(a, slow, rnd), messages(a, rnd), true,
                        o == null ? null : o.externalId(), rnd.nextDouble() < a.followUp()));
            }
            // After-sales chats: about one for every five paid orders.
            for (int n = 0; n < paid.size() / 5; n++) {
                Agent a = pick(onDuty, load, rnd);
                chats.add(new Chat(day, a.name(), "tb_" + (100_000 + serial++), day.atTime(9, 0).plusSeconds(rnd.nextInt(13 * 3600)),
                        response(a, slow, rnd), messages(a, rnd), false, null, null));
            }
        }
        context.jdbi().useTransaction(h -> {
            ServiceStore.writeAgentDays(h, shopId, agentDays);
            ServiceStore.writeChats(h, shopId, chats);
        });
    }

    private static Agent pick(List<Agent> agents, double load, SplittableRandom rnd) {
        double x = rnd.nextDouble() * load;
        for (Agent a : agents) {
            x -= a.load();
            if (x < 0) {
                return a;
            }
        }
        return agents.get(agents.size() - 1);
    }

    /** Around the agent's mean, from half to one and a half times it. */
    private static long response(Agent a, double slow, SplittableRandom rnd) {
        return Math.max(2, Math.round(a.response() * slow * (0.5 + rnd.nextDouble())));
    }

    private static long messages(Agent a, SplittableRandom rnd) {
        return Math.max(1, Math.round(a.messages() * (0.6 + 0.8 * rnd.nextDouble())));
    }
}
