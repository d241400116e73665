package com.shopops.plugins.service;

import com.shopops.api.data.ShopData;
import com.shopops.api.domain.Order;
import com.shopops.api.domain.Refund;
import com.shopops.plugins.service.analysis.AgentDay;
import com.shopops.plugins.service.analysis.AgentFigures;
import com.shopops.plugins.service.analysis.BestAgents;
import com.shopops.plugins.service.analysis.Chat;
import com.shopops.plugins.service.analysis.DailyTrend;
import com.shopops.plugins.service.analysis.InquiryOrder;
import com.shopops.plugins.service.analysis.Ranking;
import com.shopops.plugins.service.analysis.ServiceFigures;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A period's chats and agent days with what became of their inquiries' orders, read once and then
 * analysed: the team's and each agent's figures, the ranking, the best agents' habits and the days.
 *
 * @param from   the first day
 * @param to     the last day
 * @param chats  the chats of those days
 * @param days   the agent days of those days
 * @param orders the inquiries' orders by the platform's order number
 */
record ServicePeriod(LocalDate from, LocalDate to, List<Chat> chats, List<AgentDay> days, Map<String, InquiryOrder> orders) {

    /**
     * An inquiry's order is looked for from its first day to {@value #ORDER_DAYS} days after the period (a
     * buyer may pay a day or two after asking); a refund up to {@value #REFUND_DAYS} days after.
     */
    static final int ORDER_DAYS = 3;
    static final int REFUND_DAYS = 60;

    /** Reads the period: the plugin's own tables, and the core's orders and refunds through ShopData. */
    static ServicePeriod read(ServiceStore store, ShopData data, long shopId, LocalDate from, LocalDate to) {
        List<Chat> chats = store.chats(shopId, from, to);
        List<AgentDay> days = store.agentDays(shopId, from, to);
        Set<String> wanted = new HashSet<>();
        chats.stream().filter(c -> c.inquiry() && c.orderId() != null).forEach(c -> wanted.add(c.orderId()));
        Map<String, InquiryOrder> orders = new HashMap<>();
        if (!wanted.isEmpty()) {
            // Only the orders the chats name, by number, rather than every order of the period; of those, the
            // ones placed from the first day to ORDER_DAYS after the last.
            LocalDate last = to.plusDays(ORDER_DAYS);
            Map<Long, Order> byId = new HashMap<>();
            for (Order o : data.ordersByExternalId(shopId, wanted)) {
                if (!o.day().isBefore(from) && !o.day().isAfter(last)) {
                    byId.put(o.id(), o);
                }
            }
            Set<Long> refunded = new HashSet<>();
            for (Refund r : data.refunds(shopId, from, to.plusDays(REFUND_DAYS))) {
                if (byId.containsKey(r.orderId())) {
                    refunded.add(r.orderId());
                }
            }
            for (Order o : byId.values()) {
                boolean paid = o.status() != Order.Status.PLACED && o.status() != Order.Status.CANCELLED;
                orders.put(o.externalId(), new InquiryOrder(paid, o.status() == Order.Status.REFUNDED || refunded.contains(o.id()), o.amount()));
            }
        }
        return new ServicePeriod(from, to, chats, days, orders);
    }

    AgentFigures team() {
        return ServiceFigures.team(chats, days, orders::get);
    }

    List<AgentFigures> agents() {
        return ServiceFigures.perAgent(chats, days, orders::get);
    }

    List<Ranking.Place> ranking(ServiceSettings settings) {
        return Ranking.of(agents(), team(), settings.conversionTarget(), settings.minInquiries());
    }

    BestAgents.Comparison best(List<Ranking.Place> ranking) {
        return BestAgents.of(ranking);
    }

    List<AgentFigures> trend() {
        return DailyTrend.days(from, to, chats, days, orders::get);
    }
}
