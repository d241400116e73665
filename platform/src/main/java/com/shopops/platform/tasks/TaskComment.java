package com.shopops.platform.tasks;

import java.time.Instant;

/**
 * A comment on a task: what someone said about it, or what ShopOps did to it (a recurring check
 * reopened), kept as plain text and shown as text, never as markup.
 *
 * @param id       database id
 * @param taskId   the task it is on
 * @param userId   who wrote it; null for ShopOps' own notes
 * @param userName the writer's login name then, or {@link #SYSTEM}
 * @param text     what was said
 * @param at       when (UTC)
 */
public record TaskComment(long id, long taskId, Long userId, String userName, String text, Instant at) {

    /** The name ShopOps' own comments carry. */
    public static final String SYSTEM = "ShopOps";
}
