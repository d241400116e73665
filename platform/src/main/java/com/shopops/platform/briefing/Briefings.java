package com.shopops.platform.briefing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopops.api.Finding;
import com.shopops.api.Role;
import com.shopops.api.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The stored briefings: one per shop, day and language, so tomorrow's can be compared with today's
 * and the team reads the same findings all day. An import marks a shop's briefings outdated.
 */
public final class Briefings {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Double>> NUMBERS = new TypeReference<>() {
    };

    private final Jdbi jdbi;

    public Briefings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * A stored briefing.
     *
     * @param madeAt   when its findings were gathered
     * @param tookMs   how long that took
     * @param outdated whether data was imported since, so it should be made again
     * @param findings its findings, in briefing order with their keys
     */
    public record Stored(Instant madeAt, long tookMs, boolean outdated, List<FindingOrder.Keyed> findings) {
    }

    /** The briefing of {@code shopId} for {@code day} in {@code locale}, if one was stored. */
    public Optional<Stored> load(long shopId, LocalDate day, Locale locale) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, made_at, took_ms, outdated FROM briefings WHERE shop_id = :shop AND day = :day AND lang = :lang""")
                .bind("shop", shopId).bind("day", day).bind("lang", locale.toLanguageTag())
                .map((rs, ctx) -> new Object[] {rs.getLong("id"), Instant.parse(rs.getString("made_at")),
                        rs.getLong("took_ms"), rs.getInt("outdated") != 0})
                .findOne()
                .map(row -> new Stored((Instant) row[1], (long) row[2], (boolean) row[3], findings(h, (long) row[0]))));
    }

    private static List<FindingOrder.Keyed> findings(Handle h, long briefingId) {
        return h.createQuery("SELECT * FROM findings WHERE briefing_id = :id ORDER BY position")
                .bind("id", briefingId)
                .map((rs, ctx) -> {
                    String role = rs.getString("role");
                    String unit = rs.getString("unit");
                    Finding f = new Finding(rs.getString("plugin"), Severity.valueOf(rs.getString("severity")),
                            rs.getString("title"), rs.getString("detail"), rs.getString("metric"),
                            number(rs.getObject("value")), number(rs.getObject("expected")),
                            unit == null ? null : Finding.Unit.valueOf(unit), rs.getString("suggestion"),
                            role == null ? null : Role.valueOf(role), rs.getString("link"), rs.getLong("impact"),
                            trend(rs.getString("trend")));
                    return new FindingOrder.Keyed(rs.getString("finding_key"), f);
                })
                .list();
    }

    /** Stores a briefing, replacing the one stored for the same shop, day and language. */
    public void save(long shopId, LocalDate day, Locale locale, Instant madeAt, long tookMs,
                     List<FindingOrder.Keyed> findings) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM briefings WHERE shop_id = :shop AND day = :day AND lang = :lang")
                    .bind("shop", shopId).bind("day", day).bind("lang", locale.toLanguageTag()).execute();
            long id = h.createQuery("""
                            INSERT INTO briefings (shop_id, day, lang, made_at, took_ms, outdated)
                            VALUES (:shop, :day, :lang, :at, :took, 0) RETURNING id""")
                    .bind("shop", shopId).bind("day", day).bind("lang", locale.toLanguageTag()).bind("at", madeAt)
                    .bind("took", tookMs).mapTo(Long.class).one();
            var batch = h.prepareBatch("""
                    INSERT INTO findings (shop_id, briefing_id, day, position, finding_key, plugin, severity, title, detail,
                        metric, value, expected, unit, suggestion, role, link, impact, trend)
                    VALUES (:shop, :briefing, :day, :position, :key, :plugin, :severity, :title, :detail,
                        :metric, :value, :expected, :unit, :suggestion, :role, :link, :impact, :trend)""");
            int position = 0;
            for (FindingOrder.Keyed k : findings) {
                Finding f = k.finding();
                batch.bind("shop", shopId).bind("briefing", id).bind("day", day).bind("position", position++)
                        .bind("key", k.key()).bind("plugin", f.plugin()).bind("severity", f.severity().name())
                        .bind("title", f.title()).bind("detail", f.detail()).bind("metric", f.metric())
                        .bind("value", f.value()).bind("expected", f.expected())
                        .bind("unit", f.unit() == null ? null : f.unit().name()).bind("suggestion", f.suggestion())
                        .bind("role", f.role() == null ? null : f.role().name()).bind("link", f.link())
                        .bind("impact", f.impact()).bind("trend", f.trend().isEmpty() ? null : json(f.trend()))
                        .add();
            }
            if (position > 0) {
                batch.execute();
            }
        });
    }

    /** The languages the shop's briefings were read in since {@code since}, most used first. */
    public List<Locale> languages(long shopId, LocalDate since) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT lang FROM briefings WHERE shop_id = :shop AND day >= :since
                        GROUP BY lang ORDER BY count(*) DESC, lang""")
                .bind("shop", shopId).bind("since", since).mapTo(String.class).map(Locale::forLanguageTag).list());
    }

    /** Whether the briefing of {@code shopId} for {@code day} in {@code locale} is stored and current. */
    public boolean isCurrent(long shopId, LocalDate day, Locale locale) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM briefings WHERE shop_id = :shop AND day = :day AND lang = :lang AND outdated = 0""")
                .bind("shop", shopId).bind("day", day).bind("lang", locale.toLanguageTag()).mapTo(Integer.class).one()) > 0;
    }

    /** Marks every stored briefing of the shop outdated: its data changed. */
    public void outdate(long shopId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE briefings SET outdated = 1 WHERE shop_id = :shop")
                .bind("shop", shopId).execute());
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static List<Double> trend(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, NUMBERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored finding's trend is not a list of numbers: " + json, e);
        }
    }

    private static String json(List<Double> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
