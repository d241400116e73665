package com.shopops.api;

import java.util.List;

/**
 * The publishing channels every started plugin offers ({@link PublishingChannel} extensions), with each
 * shop's settings for them, which the host keeps and shows back with secrets masked. A plugin that
 * publishes (content posts, a member offer) asks the host, so it needs no other plugin's classes:
 * <pre>{@code
 * Channels channels = context.channels();
 * for (Channels.ChannelState c : channels.list(shop.id())) {
 *     if (c.configured()) {
 *         PublishingChannel.Result r = channels.publish(shop.id(), c.id(), post);
 *     }
 * }
 * }</pre>
 *
 * @since 1.3.0
 */
public interface Channels {

    /** The installed channels with the shop's state of each, ordered by id. */
    List<ChannelState> list(long shopId);

    /**
     * Publishes {@code post} on channel {@code channelId} with the shop's settings for it. A channel's
     * failure, thrown or returned, comes back as a result with {@code published} false and the error in
     * words (never a secret); the caller decides about retrying.
     *
     * @throws IllegalArgumentException when no started plugin offers {@code channelId}
     */
    PublishingChannel.Result publish(long shopId, String channelId, PublishingChannel.Post post);

    /**
     * A channel as a shop has it.
     *
     * @param id         the channel's id, e.g. {@code webhook}
     * @param plugin     the plugin that offers it
     * @param settings   the settings it needs
     * @param configured whether the shop has a value for every setting
     */
    record ChannelState(String id, String plugin, List<PublishingChannel.Setting> settings, boolean configured) {
        public ChannelState {
            settings = List.copyOf(settings);
        }
    }
}
