package com.shopops.platform.tasks;

import com.shopops.api.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One piece of work on a shop's task board: what to do, for which role or person, by when, and how far
 * it got. A task made from a briefing finding keeps a copy of the finding's figures, so the link back
 * still says what was seen after the briefing is made again.
 *
 * @param id           database id, shown as "task #12"
 * @param shopId       the shop it belongs to
 * @param title        one line
 * @param detail       what exactly to do, or null
 * @param role         the role that should act, or null
 * @param assigneeId   the person who should act, or null
 * @param assigneeName that person's login name, or null
 * @param due          the shop-local day it should be done by, or null
 * @param status       how far it got
 * @param findingDay   the briefing day of the finding it came from, or null
 * @param findingKey   that finding's key (stable across days), or null
 * @param figures      the finding's fields as they were (plugin, severity, title, detail, metric, value,
 *                     expected, unit, suggestion, link); empty when it came from no finding
 * @param recurrence   for a recurring check, when it reopens after being closed; else null
 * @param checkKey     for a recurring check, which one (see {@link RecurringChecks}); else null
 * @param createdBy    the login name of whoever made it; null for the system's own checks
 * @param createdAt    when it was made (UTC)
 * @param updatedAt    when it last changed (UTC)
 * @param doneAt       when it was closed, done or dropped (UTC); null while open
 * @param comments     how many comments it has
 */
public record Task(long id, long shopId, String title, String detail, Role role, Long assigneeId, String assigneeName,
                   LocalDate due, Status status, LocalDate findingDay, String findingKey, Map<String, Object> figures,
                   Recurrence recurrence, String checkKey, String createdBy, Instant createdAt, Instant updatedAt,
                   Instant doneAt, int comments) {

    public Task {
        figures = figures == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    /** Where a task stands; the board has one column for each. */
    public enum Status {
        OPEN, DOING, DONE, DROPPED;

        /** True for the statuses still waiting for work (open, doing). */
        public boolean active() {
            return this == OPEN || this == DOING;
        }

        /** Reads a status in any case, with an error naming the ones there are. */
        public static Status parse(String text) {
            return parseEnum(Status.class, "status", text);
        }
    }

    /** When a recurring check reopens after it was closed. */
    public enum Recurrence {
        /** The next shop-local day. */
        DAILY,
        /** The next ISO week (Monday to Sunday). */
        WEEKLY;

        public static Recurrence parse(String text) {
            return parseEnum(Recurrence.class, "recurrence", text);
        }
    }

    /** True when the task is still open or being done after {@code day} ended though it was due by then. */
    public boolean lateAfter(LocalDate day) {
        return status.active() && due != null && !due.isAfter(day);
    }

    /** Reads a role in any case, with an error naming the roles there are. */
    public static Role parseRole(String text) {
        return parseEnum(Role.class, "role", text);
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String field, String text) {
        String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ", not '" + text + "'");
        }
    }
}
