package com.shopops.plugins.service.analysis;

/**
 * The customer-service figures of one agent (or of the whole team, {@link #TEAM}) over a period. The rates
 * are fractions, null where their denominator is 0.
 *
 * @param agent                 the agent, or {@link #TEAM}
 * @param chats                 chats handled
 * @param inquiries             pre-sales inquiries among them
 * @param converted             inquiries whose order was paid
 * @param refunded              of those, orders with money given back
 * @param orderAmount           what the converted orders' buyers paid, in minor units
 * @param responseSeconds       the first response times added up, over all chats
 * @param messages              the agent's messages added up
 * @param followKnown           chats whose report says whether the agent followed up
 * @param followedUp            of those, chats the agent followed up
 * @param onlineMinutes         minutes online
 * @param scoreWeight           reviews behind {@link #score} (a day without a count weighs one)
 * @param scoreSum              scores × their reviews, added up
 * @param rated                 reviews on days that say how many were satisfied
 * @param satisfied             satisfied reviews
 */
public record AgentFigures(String agent, long chats, long inquiries, long converted, long refunded, long orderAmount,
                           long responseSeconds, long messages, long followKnown, long followedUp, long onlineMinutes,
                           double scoreWeight, double scoreSum, long rated, long satisfied) {

    /** The name the team's figures go under. */
    public static final String TEAM = "*";

    /** Inquiry conversion (询单转化率): inquiries that became paid orders ÷ inquiries. */
    public Double conversion() {
        return ratio(converted, inquiries);
    }

    /** Refund rate: paid orders of the inquiries that were refunded ÷ paid orders of the inquiries. */
    public Double refundRate() {
        return ratio(refunded, converted);
    }

    /** Average first response time in seconds (平均响应时间), over chats. */
    public Double averageResponseSeconds() {
        return ratio(responseSeconds, chats);
    }

    /** Messages per chat. */
    public Double messagesPerChat() {
        return ratio(messages, chats);
    }

    /** Follow-up rate: chats followed up ÷ chats whose report says. */
    public Double followUpRate() {
        return ratio(followedUp, followKnown);
    }

    /** The review score, each day's score weighted by its reviews. */
    public Double score() {
        return scoreWeight > 0 ? scoreSum / scoreWeight : null;
    }

    /** Satisfied reviews ÷ reviews (满意率). */
    public Double satisfaction() {
        return ratio(satisfied, rated);
    }

    /** Chats per online hour, a measure of load. */
    public Double chatsPerHour() {
        return onlineMinutes > 0 ? chats * 60.0 / onlineMinutes : null;
    }

    /** What a converted order brought on average, in minor units. */
    public Double averageOrder() {
        return ratio(orderAmount, converted);
    }

    private static Double ratio(double part, double whole) {
        return whole > 0 ? part / whole : null;
    }
}
