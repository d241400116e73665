package com.shopops.api.domain;

import com.shopops.api.Role;
import java.time.LocalDate;

/**
 * A piece of work on the task board, often made from a finding.
 *
 * @param id         database id
 * @param shopId     the shop
 * @param title      what to do
 * @param role       the role it is for
 * @param assigneeId the person, or null for the whole role
 * @param due        shop-local due day, or null
 * @param status     where it stands
 * @param plugin     the plugin whose finding it came from, or null
 * @since 1.0.0
 */
public record Task(long id, long shopId, String title, Role role, Long assigneeId, LocalDate due,
                   Status status, String plugin) {

    /** A task's state. */
    public enum Status { OPEN, DOING, DONE, DROPPED }
}
