package com.shopops.plugins.content;

import com.shopops.plugins.content.analysis.PostKind;
import com.shopops.plugins.content.analysis.PostStatus;
import java.time.Instant;
import java.util.List;

/**
 * A post as kept, with its products, images and one delivery per target channel.
 *
 * @param scheduledAt when it should go out (UTC), or null while unplanned
 * @param campaign    the campaign it belongs to as the team names it, or null
 */
record Post(long id, long shopId, String title, String body, PostKind kind, PostStatus status, Instant scheduledAt,
            String campaign, List<String> products, List<Image> images, List<Delivery> deliveries, String createdBy,
            Instant createdAt, String updatedBy, Instant updatedAt, String approvedBy, Instant approvedAt) {

    /** An uploaded image, stored under the plugin's files folder as {@code storedName}. */
    record Image(long id, String storedName, String originalName, String contentType, long size, String sha256) {
    }

    /**
     * The post on one channel: waiting (not approved or not planned yet), pending (due at
     * {@code nextAttemptAt}), claimed (a host is publishing it), published or failed.
     */
    record Delivery(String channel, String state, int attempts, Instant dueAt, Instant nextAttemptAt, String externalId,
                    String lastError, Instant publishedAt, String idempotencyKey) {
    }
}
