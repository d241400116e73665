package com.shopops.plugins.service;

import com.shopops.api.ImportFormat.WriteResult;
import com.shopops.plugins.service.analysis.AgentDay;
import com.shopops.plugins.service.analysis.Chat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The service plugin's tables: chats ({@code service_chats}) and agent days ({@code service_agent_days}).
 * Writing a row that is there already with the same figures changes nothing and counts as neither new nor
 * updated, so importing a report twice changes nothing.
 */
public final class ServiceStore {

    private final Jdbi jdbi;

    public ServiceStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Writes chats in the caller's transaction: new ones inserted, changed ones replaced. */
    public static WriteResult writeChats(Handle h, long shopId, List<Chat> chats) {
        long imported = 0;
        long updated = 0;
        for (Chat c : chats) {
            int inserted = h.createUpdate("""
                            INSERT INTO service_chats (shop_id, agent, customer, started_at, day, first_response_seconds, messages,
                                                       inquiry, order_id, followed_up)
                            VALUES (:shop, :agent, :customer, :at, :day, :response, :messages, :inquiry, :order, :followed)
                            ON CONFLICT (shop_id, agent, customer, started_at) DO NOTHING""")
                    .bindMap(chatValues(shopId, c)).execute();
            if (inserted > 0) {
                imported++;
                continue;
            }
            updated += h.createUpdate("""
                            UPDATE service_chats SET day = :day, first_response_seconds = :response, messages = :messages,
                                   inquiry = :inquiry, order_id = :order, followed_up = :followed
                            WHERE shop_id = :shop AND agent = :agent AND customer = :customer AND started_at = :at
                              AND (day <> :day OR first_response_seconds <> :response OR messages <> :messages
                                   OR inquiry <> :inquiry OR order_id IS DISTINCT FROM :order OR followed_up IS DISTINCT FROM :followed)""")
                    .bindMap(chatValues(shopId, c)).execute();
        }
        return new WriteResult(imported, updated);
    }

    private static java.util.Map<String, Object> chatValues(long shopId, Chat c) {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        m.put("shop", shopId);
        m.put("agent", c.agent());
        m.put("customer", c.customer());
        m.put("at", c.startedAt().toString());
        m.put("day", c.day().toString());
        m.put("response", c.firstResponseSeconds());
        m.put("messages", c.messages());
        m.put("inquiry", c.inquiry() ? 1 : 0);
        m.put("order", c.orderId());
        m.put("followed", c.followedUp() == null ? null : c.followedUp() ? 1 : 0);
        return m;
    }

    /** Writes agent days in the caller's transaction: new ones inserted, changed ones replaced. */
    public static WriteResult writeAgentDays(Handle h, long shopId, List<AgentDay> days) {
        long imported = 0;
        long updated = 0;
        for (AgentDay d : days) {
            java.util.Map<String, Object> m = new java.util.HashMap<>();
            m.put("shop", shopId);
            m.put("day", d.day().toString());
            m.put("agent", d.agent());
            m.put("online", d.onlineMinutes());
            m.put("score", d.score());
            m.put("rated", d.rated());
            m.put("satisfied", d.satisfied());
            int inserted = h.createUpdate("""
                            INSERT INTO service_agent_days (shop_id, day, agent, online_minutes, score, rated, satisfied)
                            VALUES (:shop, :day, :agent, :online, :score, :rated, :satisfied)
                            ON CONFLICT (shop_id, day, agent) DO NOTHING""")
                    .bindMap(m).execute();
            if (inserted > 0) {
                imported++;
                continue;
            }
            updated += h.createUpdate("""
                            UPDATE service_agent_days SET online_minutes = :online, score = :score, rated = :rated, satisfied = :satisfied
                            WHERE shop_id = :shop AND day = :day AND agent = :agent
                              AND (online_minutes <> :online OR score IS DISTINCT FROM :score OR rated IS DISTINCT FROM :rated
                                   OR satisfied IS DISTINCT FROM :satisfied)""")
                    .bindMap(m).execute();
        }
        return new WriteResult(imported, updated);
    }

    /** The shop's chats of the days {@code from}..{@code to}, by start. */
    public List<Chat> chats(long shopId, LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT day, agent, customer, started_at, first_response_seconds, messages, inquiry, order_id, followed_up
                        FROM service_chats WHERE shop_id = :shop AND day >= :from AND day <= :to
                        ORDER BY started_at, agent, customer""")
                .bind("shop", shopId).bind("from", from.toString()).bind("to", to.toString())
                .map((rs, ctx) -> {
                    int followed = rs.getInt("followed_up");
                    Boolean f = rs.wasNull() ? null : followed == 1;
                    return new Chat(LocalDate.parse(rs.getString("day")), rs.getString("agent"), rs.getString("customer"),
                            LocalDateTime.parse(rs.getString("started_at")), rs.getLong("first_response_seconds"), rs.getLong("messages"),
                            rs.getInt("inquiry") == 1, rs.getString("order_id"), f);
                }).list());
    }

    /** The shop's agent days of the days {@code from}..{@code to}, by day and agent. */
    public List<AgentDay> agentDays(long shopId, LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT day, agent, online_minutes, score, rated, satisfied FROM service_agent_days
                        WHERE shop_id = :shop AND day >= :from AND day <= :to ORDER BY day, agent""")
                .bind("shop", shopId).bind("from", from.toString()).bind("to", to.toString())
                .map((rs, ctx) -> {
                    double score = rs.getDouble("score");
                    Double s = rs.wasNull() ? null : score;
                    long rated = rs.getLong("rated");
                    Long r = rs.wasNull() ? null : rated;
                    long satisfied = rs.getLong("satisfied");
                    Long sat = rs.wasNull() ? null : satisfied;
                    return new AgentDay(LocalDate.parse(rs.getString("day")), rs.getString("agent"), rs.getLong("online_minutes"), s, r, sat);
                }).list());
    }

    /** The last day with a chat or an agent day, if any: the default period ends there. */
    public Optional<LocalDate> lastDay(long shopId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT MAX(d) FROM (SELECT MAX(day) AS d FROM service_chats WHERE shop_id = :shop
                                            UNION ALL SELECT MAX(day) FROM service_agent_days WHERE shop_id = :shop) x""")
                .bind("shop", shopId).mapTo(String.class).findOne().map(LocalDate::parse));
    }
}
