package com.shopops.api;

/**
 * How urgent a {@link Finding} is; the briefing lists the most urgent first.
 *
 * @since 1.0.0
 */
public enum Severity {
    /** Losing money or missing the target now: act today. */
    CRITICAL,
    /** Drifting the wrong way: look at it today. */
    WARNING,
    /** Worth knowing. */
    INFO,
    /** Went well: keep doing it, copy it elsewhere. */
    GOOD
}
