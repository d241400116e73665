package com.shopops.plugins.content.analysis;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a post is in its workflow: draft → review → approved → scheduled → published | failed. A post is
 * scheduled once approved with a time and at least one channel; published when every channel took it;
 * failed when a channel gave up on it (retry puts it back to scheduled).
 */
public enum PostStatus {
    DRAFT, REVIEW, APPROVED, SCHEDULED, PUBLISHED, FAILED;

    /** The status as the API and the database write it, e.g. {@code review}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status written {@code id}; an unknown one is refused naming the valid ones. */
    public static PostStatus byId(String id) {
        for (PostStatus s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a post status; the statuses are "
                + Arrays.stream(values()).map(PostStatus::id).collect(Collectors.joining(", ")));
    }
}
