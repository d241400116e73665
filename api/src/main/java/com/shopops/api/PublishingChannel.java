package com.shopops.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.pf4j.ExtensionPoint;

/**
 * Somewhere the content plugin can publish a post: a webhook, an outbox folder, a social platform.
 * The host keeps each channel's settings per shop; those marked secret are never shown back in full.
 *
 * @since 1.0.0
 */
public interface PublishingChannel extends ExtensionPoint {

    /**
     * The entry of the settings given to {@link #publish} that names a folder of the host's data folder
     * kept for this channel and shop (created before the call): where a channel that writes files writes
     * them. A channel's own settings never start with {@code shopops.}.
     *
     * @since 1.3.0
     */
    String FOLDER = "shopops.folder";

    /** Stable id, e.g. {@code webhook}. */
    String id();

    /** The settings the channel needs, e.g. a URL and a signing secret. */
    List<Setting> settings();

    /**
     * Publishes {@code post}. Must be idempotent on {@link Post#idempotencyKey()}: the same key
     * published twice is one post on the other side.
     *
     * @param settings the shop's values for {@link #settings()}, and (since 1.3.0) {@link #FOLDER}
     * @return the result; throw or return a failure for the scheduler to retry
     */
    Result publish(Post post, Map<String, String> settings) throws Exception;

    /**
     * A setting a channel needs.
     *
     * @param key    name
     * @param secret true when it must never be shown back in full (tokens, signing keys)
     */
    record Setting(String key, boolean secret) {
    }

    /**
     * A post to publish.
     *
     * @param shopId         the shop
     * @param postId         the post's id in ShopOps
     * @param title          title
     * @param body           plain text or Markdown
     * @param images         image files
     * @param scheduledAt    when it was due
     * @param idempotencyKey the same for every attempt at this post on this channel
     */
    record Post(long shopId, long postId, String title, String body, List<Path> images,
                Instant scheduledAt, String idempotencyKey) {
    }

    /**
     * What publishing did.
     *
     * @param published  true when the other side took the post
     * @param externalId the other side's id, or null
     * @param error      why it failed, or null
     */
    record Result(boolean published, String externalId, String error) {
    }
}
