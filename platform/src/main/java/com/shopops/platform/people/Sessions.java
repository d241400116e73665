package com.shopops.platform.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Sign-in sessions, kept in the database so several hosts behind one load balancer share them. The
 * browser holds the session id in an HttpOnly cookie; the table holds only its hash. A session ends
 * after {@code idle} without a request, and in any case {@code lifetime} after sign-in.
 */
public final class Sessions {

    /** How stale {@code last_seen_at} may get before a request moves it on: one write a minute, not one a request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration idle;
    private final Duration lifetime;

    public Sessions(Jdbi jdbi, Clock clock, Duration idle, Duration lifetime) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.idle = idle;
        this.lifetime = lifetime;
    }

    /** A new session: its id (for the cookie, never stored) and its CSRF token. */
    public record Started(String id, String csrf, Instant expiresAt, Duration lifetime) {
    }

    /** A live session. */
    public record Active(long userId, String csrf, Instant expiresAt) {
    }

    /** Starts a session for the user. */
    public Started start(long userId) {
        String id = SecretTokens.create("");
        String csrf = SecretTokens.create("");
        Instant now = clock.instant();
        Instant expires = now.plus(idle);
        jdbi.useHandle(h -> {
            h.createUpdate("DELETE FROM sessions WHERE expires_at < :now").bind("now", now).execute();
            h.createUpdate("""
                            INSERT INTO sessions (id_hash, user_id, csrf, created_at, last_seen_at, expires_at)
                            VALUES (:id, :user, :csrf, :now, :now, :expires)""")
                    .bind("id", SecretTokens.hash(id)).bind("user", userId).bind("csrf", csrf).bind("now", now)
                    .bind("expires", expires).execute();
        });
        return new Started(id, csrf, expires, lifetime);
    }

    /** The live session with this id, moving its idle expiry on; empty when unknown or expired. */
    public Optional<Active> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        String hash = SecretTokens.hash(id);
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT user_id, csrf, created_at, last_seen_at, expires_at FROM sessions WHERE id_hash = :id")
                .bind("id", hash)
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2), Instant.parse(rs.getString(3)),
                        Instant.parse(rs.getString(4)), Instant.parse(rs.getString(5))})
                .findOne()
                .flatMap(row -> {
                    Instant created = (Instant) row[2];
                    Instant lastSeen = (Instant) row[3];
                    Instant expires = (Instant) row[4];
                    Instant hardEnd = created.plus(lifetime);
                    if (!now.isBefore(expires) || !now.isBefore(hardEnd)) {
                        h.createUpdate("DELETE FROM sessions WHERE id_hash = :id").bind("id", hash).execute();
                        return Optional.empty();
                    }
                    if (Duration.between(lastSeen, now).compareTo(TOUCH_EVERY) >= 0) {
                        expires = min(now.plus(idle), hardEnd);
                        h.createUpdate("UPDATE sessions SET last_seen_at = :now, expires_at = :expires WHERE id_hash = :id")
                                .bind("now", now).bind("expires", expires).bind("id", hash).execute();
                    }
                    return Optional.of(new Active((Long) row[0], (String) row[1], expires));
                }));
    }

    /** Ends the session (sign-out). */
    public void end(String id) {
        if (id != null) {
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE id_hash = :id")
                    .bind("id", SecretTokens.hash(id)).execute());
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
