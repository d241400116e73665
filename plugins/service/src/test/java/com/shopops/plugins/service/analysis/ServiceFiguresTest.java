package com.shopops.plugins.service.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.shopops.plugins.service.analysis.BestAgents.Difference;
import com.shopops.plugins.service.analysis.BestAgents.Habit;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The figures, the ranking, the best agents' habits and the days on hand-made chats whose every expected
 * figure is worked out in the comments: agents A, B, C with chats, and D with only an online day.
 */
class ServiceFiguresTest {

    static final LocalDate D1 = LocalDate.of(2024, 5, 1);
    static final LocalDate D2 = D1.plusDays(1);
    static final double EPS = 1e-12;

    /** o1 paid ¥100, o2 paid ¥200 and refunded, o3 placed but never paid, o4 paid ¥50; o5 unknown to the shop. */
    static final Map<String, InquiryOrder> ORDERS = Map.of(
            "o1", new InquiryOrder(true, false, 10_000),
            "o2", new InquiryOrder(true, true, 20_000),
            "o3", new InquiryOrder(false, false, 8_000),
            "o4", new InquiryOrder(true, false, 5_000));
    static final Function<String, InquiryOrder> LOOKUP = ORDERS::get;

    static Chat chat(LocalDate day, String agent, int n, long response, long messages, boolean inquiry, String order, Boolean followed) {
        return new Chat(day, agent, "c" + n, day.atTime(9, n), response, messages, inquiry, order, followed);
    }

    static final List<Chat> CHATS = List.of(
            // A: 4 chats, 3 inquiries, o1 and o2 paid (2), o2 refunded (1), ¥300; response 10+20+30+40 = 100 → 25 s;
            // messages 8+12+4+6 = 30 → 7.5 a chat; follow-up known for 3, done on 2.
            chat(D1, "A", 1, 10, 8, true, "o1", true),
            chat(D1, "A", 2, 20, 12, true, "o2", true),
            chat(D2, "A", 3, 30, 4, true, null, false),
            chat(D2, "A", 4, 40, 6, false, null, null),
            // B: 3 inquiries, only o4 paid (o3 unpaid, o5 unknown): 1 of 3; response 60+80+40 = 180 → 60 s;
            // messages 3+2+5 = 10; follow-up 1 of 3.
            chat(D1, "B", 5, 60, 3, true, "o3", false),
            chat(D2, "B", 6, 80, 2, true, "o5", false),
            chat(D2, "B", 7, 40, 5, true, "o4", true),
            // C: one inquiry, no order, response 100 s, one message, follow-up not reported.
            chat(D1, "C", 8, 100, 1, true, null, null));

    static final List<AgentDay> DAYS = List.of(
            // A: 480 + 420 = 900 minutes; score (4.8 × 10 + 4.5 × 20) ÷ 30 = 138 ÷ 30 = 4.6; satisfied 25 of 30.
            new AgentDay(D1, "A", 480, 4.8, 10L, 9L),
            new AgentDay(D2, "A", 420, 4.5, 20L, 16L),
            // B: 300 + 360 = 660 minutes; one score without a count weighs 1: 4.0; no satisfaction.
            new AgentDay(D1, "B", 300, 4.0, null, null),
            new AgentDay(D2, "B", 360, null, null, null),
            // D: online an hour, no chats.
            new AgentDay(D1, "D", 60, null, null, null));

    @Test
    void eachAgentsFigures() {
        Map<String, AgentFigures> by = ServiceFigures.perAgent(CHATS, DAYS, LOOKUP).stream()
                .collect(java.util.stream.Collectors.toMap(AgentFigures::agent, f -> f));
        assertEquals(List.of("A", "B", "C", "D"), by.keySet().stream().sorted().toList());
        AgentFigures a = by.get("A");
        assertEquals(List.of(4L, 3L, 2L, 1L, 30_000L, 900L), List.of(a.chats(), a.inquiries(), a.converted(), a.refunded(), a.orderAmount(),
                a.onlineMinutes()));
        assertEquals(2.0 / 3, a.conversion(), EPS);
        assertEquals(0.5, a.refundRate(), EPS);
        assertEquals(25.0, a.averageResponseSeconds(), EPS);
        assertEquals(7.5, a.messagesPerChat(), EPS);
        assertEquals(2.0 / 3, a.followUpRate(), EPS);
        assertEquals(4.6, a.score(), EPS);
        assertEquals(25.0 / 30, a.satisfaction(), EPS);
        assertEquals(4 * 60.0 / 900, a.chatsPerHour(), EPS);
        assertEquals(15_000.0, a.averageOrder(), EPS);

        AgentFigures b = by.get("B");
        assertEquals(1.0 / 3, b.conversion(), EPS, "an unpaid and an unknown order do not convert");
        assertEquals(0.0, b.refundRate(), EPS);
        assertEquals(60.0, b.averageResponseSeconds(), EPS);
        assertEquals(10.0 / 3, b.messagesPerChat(), EPS);
        assertEquals(4.0, b.score(), EPS);
        assertNull(b.satisfaction());

        AgentFigures c = by.get("C");
        assertEquals(0.0, c.conversion(), EPS);
        assertNull(c.refundRate(), "no paid order: no refund rate");
        assertNull(c.followUpRate(), "not reported");
        assertNull(c.score());

        AgentFigures d = by.get("D");
        assertEquals(0, d.chats());
        assertEquals(60, d.onlineMinutes());
        assertNull(d.conversion());
        assertNull(d.averageResponseSeconds());
    }

    @Test
    void theTeamIsEveryChatAndDayTogether() {
        AgentFigures t = ServiceFigures.team(CHATS, DAYS, LOOKUP);
        assertEquals(AgentFigures.TEAM, t.agent());
        // 8 chats, 7 inquiries, 3 paid (o1, o2, o4), 1 refunded, ¥350; response 100 + 180 + 100 = 380 → 47.5 s;
        // messages 30 + 10 + 1 = 41; follow-up 3 of 6; online 900 + 660 + 60 = 1,620; score (138 + 4) ÷ 31.
        assertEquals(List.of(8L, 7L, 3L, 1L, 35_000L, 1_620L), List.of(t.chats(), t.inquiries(), t.converted(), t.refunded(),
                t.orderAmount(), t.onlineMinutes()));
        assertEquals(3.0 / 7, t.conversion(), EPS);
        assertEquals(1.0 / 3, t.refundRate(), EPS);
        assertEquals(47.5, t.averageResponseSeconds(), EPS);
        assertEquals(41.0 / 8, t.messagesPerChat(), EPS);
        assertEquals(0.5, t.followUpRate(), EPS);
        assertEquals(142.0 / 31, t.score(), EPS);
        assertEquals(25.0 / 30, t.satisfaction(), EPS);

        // Independently: the team is the agents' figures pooled, and its conversion counted straight from the chats.
        AgentFigures pooled = BestAgents.pooled(ServiceFigures.perAgent(CHATS, DAYS, LOOKUP));
        assertEquals(t, pooled);
        long paid = CHATS.stream().filter(c -> c.inquiry() && c.orderId() != null && ORDERS.containsKey(c.orderId())
                && ORDERS.get(c.orderId()).paid()).count();
        assertEquals((double) paid / CHATS.stream().filter(Chat::inquiry).count(), t.conversion(), EPS);
    }

    @Test
    void theRankingAgainstTheTeamAndTheTarget() {
        List<AgentFigures> agents = ServiceFigures.perAgent(CHATS, DAYS, LOOKUP);
        AgentFigures team = ServiceFigures.team(CHATS, DAYS, LOOKUP);
        List<Ranking.Place> places = Ranking.of(agents, team, 0.5, 2);
        // Ranked with ≥ 2 inquiries: A 2/3, B 1/3. A is 2/3 − 3/7 = 5/21 above the team, B 1/3 − 3/7 = −2/21 below.
        // C (one inquiry) and D (none) are unranked, by name.
        assertEquals(List.of("A", "B", "C", "D"), places.stream().map(p -> p.figures().agent()).toList());
        assertEquals(java.util.Arrays.asList(1, 2, null, null), places.stream().map(Ranking.Place::rank).toList());
        assertEquals(List.of("above", "below", "unranked", "unranked"), places.stream().map(Ranking.Place::position).toList());
        assertEquals(5.0 / 21, places.get(0).vsTeam(), EPS);
        assertEquals(-2.0 / 21, places.get(1).vsTeam(), EPS);
        assertEquals(-3.0 / 7, places.get(2).vsTeam(), EPS);
        assertNull(places.get(3).vsTeam());
        assertEquals(java.util.Arrays.asList(true, false, false, null), places.stream().map(Ranking.Place::meetsTarget).toList());
    }

    @Test
    void theBestThirdAgainstTheRest() {
        List<AgentFigures> agents = ServiceFigures.perAgent(CHATS, DAYS, LOOKUP);
        AgentFigures team = ServiceFigures.team(CHATS, DAYS, LOOKUP);
        // Two ranked agents: the top third rounded up is A alone, against B.
        // Response 25 against 60 s: (25 − 60) ÷ 60 = −7/12; follow-up 2/3 against 1/3: +1; messages 7.5 against 10/3: +1.25.
        BestAgents.Comparison c = BestAgents.of(Ranking.of(agents, team, 0.5, 2));
        assertEquals(List.of("A"), c.best());
        assertEquals(List.of("B"), c.rest());
        assertEquals(2.0 / 3, c.bestConversion(), EPS);
        assertEquals(1.0 / 3, c.restConversion(), EPS);
        assertEquals(List.of(Habit.MESSAGES_PER_CHAT, Habit.FOLLOW_UP_RATE, Habit.RESPONSE_SECONDS),
                c.differences().stream().map(Difference::habit).toList(), "largest first");
        assertEquals(1.25, c.differences().get(0).relative(), EPS);
        assertEquals(1.0, c.differences().get(1).relative(), EPS);
        assertEquals(-7.0 / 12, c.differences().get(2).relative(), EPS);
        assertEquals(25.0, c.differences().get(2).best(), EPS);
        assertEquals(60.0, c.differences().get(2).rest(), EPS);

        // With C ranked too (one inquiry is enough): A against B and C pooled — response (180 + 100) ÷ 4 = 70 s,
        // follow-up 1 of 3 (C reports none), messages 11 ÷ 4 = 2.75.
        BestAgents.Comparison three = BestAgents.of(Ranking.of(agents, team, 0.5, 1));
        assertEquals(List.of("B", "C"), three.rest());
        Map<Habit, Difference> d = three.differences().stream().collect(java.util.stream.Collectors.toMap(Difference::habit, x -> x));
        assertEquals(70.0, d.get(Habit.RESPONSE_SECONDS).rest(), EPS);
        assertEquals(1.0 / 3, d.get(Habit.FOLLOW_UP_RATE).rest(), EPS);
        assertEquals(2.75, d.get(Habit.MESSAGES_PER_CHAT).rest(), EPS);
        assertEquals(1.0 / 4, three.restConversion(), EPS, "1 paid of B's 3 and C's 1 inquiries");

        // With 4 inquiries needed nobody is ranked (A and B have 3): no comparison.
        assertNull(BestAgents.of(Ranking.of(agents, team, 0.5, 4)));
    }

    @Test
    void everyDayOfThePeriod() {
        List<AgentFigures> days = DailyTrend.days(D1, D2.plusDays(1), CHATS, DAYS, LOOKUP);
        assertEquals(List.of("2024-05-01", "2024-05-02", "2024-05-03"), days.stream().map(AgentFigures::agent).toList());
        // 1 May: A1, A2, B5, C8 — 4 inquiries, o1 and o2 paid; response 10 + 20 + 60 + 100 = 190 → 47.5; online 480 + 300 + 60.
        assertEquals(0.5, days.get(0).conversion(), EPS);
        assertEquals(47.5, days.get(0).averageResponseSeconds(), EPS);
        assertEquals(840, days.get(0).onlineMinutes());
        // 2 May: A3, A4 (after-sales), B6, B7 — 3 inquiries, o4 paid; response 30 + 40 + 80 + 40 = 190 → 47.5.
        assertEquals(1.0 / 3, days.get(1).conversion(), EPS);
        assertEquals(47.5, days.get(1).averageResponseSeconds(), EPS);
        // 3 May: nothing.
        assertEquals(0, days.get(2).chats());
        assertNull(days.get(2).conversion());
    }

    @Test
    void theResponseOfTheLastDaysAgainstTheDaysBefore() {
        LocalDate d0 = D1.minusDays(1);
        List<Chat> chats = List.of(
                chat(d0, "A", 1, 1_000, 1, true, null, null),      // before both windows: left out
                chat(D1, "A", 2, 10, 1, true, null, null),          // earlier window (1–2 May): (10 + 20) ÷ 2 = 15
                chat(D2, "B", 3, 20, 1, true, null, null),
                chat(D2.plusDays(1), "A", 4, 30, 1, true, null, null), // recent window (3–4 May): (30 + 50) ÷ 2 = 40
                chat(D2.plusDays(2), "B", 5, 50, 1, false, null, null),
                chat(D2.plusDays(3), "A", 6, 9_000, 1, true, null, null)); // after the last day: left out
        DailyTrend.ResponseChange c = DailyTrend.responseChange(chats, D2.plusDays(2), 2);
        assertEquals(40.0, c.recent(), EPS);
        assertEquals(15.0, c.earlier(), EPS);
        assertEquals(List.of(2L, 2L), List.of(c.recentChats(), c.earlierChats()));
        assertEquals(40.0 / 15 - 1, c.rise(), EPS);
        assertNull(DailyTrend.responseChange(chats, D1.minusDays(10), 2).rise(), "no chats: no rise");
    }
}
