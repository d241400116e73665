package com.shopops.plugins.traffic;

import com.shopops.plugins.traffic.analysis.Channel;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The traffic plugin's tables: the shop's own source → channel mapping. */
final class TrafficStore {

    private final Jdbi jdbi;
    private final Clock clock;

    TrafficStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The shop's own mappings, by source name. */
    Map<String, Channel> channels(long shopId) {
        Map<String, Channel> out = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery(
                        "SELECT source, channel FROM traffic_source_channels WHERE shop_id = :shop ORDER BY source")
                .bind("shop", shopId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), Channel.valueOf(rs.getString(2))))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** Maps {@code source} to {@code channel} for the shop, replacing an earlier mapping. */
    void put(long shopId, String source, Channel channel) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO traffic_source_channels (shop_id, source, channel, updated_at)
                        VALUES (:shop, :source, :channel, :now)
                        ON CONFLICT (shop_id, source) DO UPDATE SET channel = excluded.channel, updated_at = excluded.updated_at""")
                .bind("shop", shopId).bind("source", source).bind("channel", channel.name()).bind("now", clock.instant())
                .execute());
    }

    /** Forgets the shop's mapping of {@code source}; true when there was one. */
    boolean delete(long shopId, String source) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM traffic_source_channels WHERE shop_id = :shop AND source = :source")
                .bind("shop", shopId).bind("source", source).execute()) > 0;
    }
}
