package com.shopops.api;

/**
 * What one import row became: a record, a skip (not an error — e.g. an accounting line that is no
 * sale) or a rejection (bad data, reported with its column and reason).
 *
 * @param <R> the record type
 * @since 1.0.0
 */
public sealed interface ParsedRow<R> {

    /** The row became {@code record}. */
    record Accepted<R>(R record) implements ParsedRow<R> {
    }

    /** The row is not imported, by rule, and counted as skipped. */
    record Skipped<R>(String reason) implements ParsedRow<R> {
    }

    /** The row is bad: {@code column} holds what is wrong. */
    record Rejected<R>(String column, String reason) implements ParsedRow<R> {
    }

    /** A row that became {@code record}. */
    static <R> ParsedRow<R> accept(R record) {
        return new Accepted<>(record);
    }

    /** A row skipped by rule. */
    static <R> ParsedRow<R> skip(String reason) {
        return new Skipped<>(reason);
    }

    /** A bad row. */
    static <R> ParsedRow<R> reject(String column, String reason) {
        return new Rejected<>(column, reason);
    }
}
