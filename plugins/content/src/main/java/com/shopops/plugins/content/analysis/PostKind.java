package com.shopops.plugins.content.analysis;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of content DOMAIN.md names: marketing copy (banner, push, SMS), product recommendation, a
 * rules or how-to explanation, a story or scene article.
 */
public enum PostKind {
    COPY, RECOMMENDATION, RULES, STORY;

    /** The kind as the API and the database write it, e.g. {@code story}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind written {@code id}; an unknown one is refused naming the valid ones. */
    public static PostKind byId(String id) {
        for (PostKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a kind of post; the kinds are "
                + Arrays.stream(values()).map(PostKind::id).collect(Collectors.joining(", ")));
    }
}
