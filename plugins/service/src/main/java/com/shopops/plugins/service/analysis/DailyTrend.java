package com.shopops.plugins.service.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The team's figures day by day, for the trend chart and the rising-response finding: every day from the
 * first to the last asked for is there, a day without chats with zeros and no averages.
 */
public final class DailyTrend {

    private DailyTrend() {
    }

    /** Every day of {@code from}..{@code to}: the team's figures of that day's chats and agent days. */
    public static List<AgentFigures> days(LocalDate from, LocalDate to, Collection<Chat> chats, Collection<AgentDay> agentDays,
                                          Function<String, InquiryOrder> orders) {
        Map<LocalDate, List<Chat>> chatsBy = new TreeMap<>();
        Map<LocalDate, List<AgentDay>> daysBy = new TreeMap<>();
        chats.forEach(c -> chatsBy.computeIfAbsent(c.day(), d -> new ArrayList<>()).add(c));
        agentDays.forEach(a -> daysBy.computeIfAbsent(a.day(), d -> new ArrayList<>()).add(a));
        List<AgentFigures> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            out.add(ServiceFigures.add(d.toString(), chatsBy.getOrDefault(d, List.of()), daysBy.getOrDefault(d, List.of()), orders));
        }
        return out;
    }

    /**
     * The average first response of the last {@code window} days up to {@code last} against the
     * {@code window} days before, pooled over chats.
     *
     * @param recent       the recent window's average seconds, or null without chats
     * @param earlier      the earlier window's, or null
     * @param recentChats  chats in the recent window
     * @param earlierChats chats in the earlier window
     */
    public record ResponseChange(Double recent, Double earlier, long recentChats, long earlierChats) {

        /** recent ÷ earlier − 1, or null without both. */
        public Double rise() {
            return recent == null || earlier == null || earlier == 0 ? null : recent / earlier - 1;
        }
    }

    /** See {@link ResponseChange}. */
    public static ResponseChange responseChange(Collection<Chat> chats, LocalDate last, int window) {
        LocalDate recentFrom = last.minusDays(window - 1L);
        LocalDate earlierFrom = recentFrom.minusDays(window);
        long rs = 0, rn = 0, es = 0, en = 0;
        for (Chat c : chats) {
            if (c.day().isAfter(last) || c.day().isBefore(earlierFrom)) {
                continue;
            }
            if (c.day().isBefore(recentFrom)) {
                es += c.firstResponseSeconds();
                en++;
            } else {
                rs += c.firstResponseSeconds();
                rn++;
            }
        }
        return new ResponseChange(rn == 0 ? null : (double) rs / rn, en == 0 ? null : (double) es / en, rn, en);
    }
}
