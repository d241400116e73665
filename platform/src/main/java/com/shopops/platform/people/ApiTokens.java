package com.shopops.platform.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * API tokens for scripts: {@code Authorization: Bearer sho_…}. A token acts as its user, is shown once
 * when created and stored only as a hash; revoking it stops it at once.
 */
public final class ApiTokens {

    /** Every token starts so, which lets secret scanners and people recognise one. */
    public static final String PREFIX = "sho_";

    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Jdbi jdbi;
    private final Clock clock;

    public ApiTokens(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A token just created: the only time {@code token} is known. */
    public record Created(long id, String name, String token) {
    }

    /** A token as listed: never the secret itself. */
    public record Listed(long id, long userId, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    }

    /** Creates a token for the user. */
    public Created create(long userId, String name) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100) {
            throw new IllegalArgumentException("name the token (1 to 100 characters), e.g. after the script that uses it");
        }
        String token = SecretTokens.create(PREFIX);
        long id = jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO api_tokens (user_id, name, token_hash, created_at)
                        VALUES (:user, :name, :hash, :now) RETURNING id""")
                .bind("user", userId).bind("name", label).bind("hash", SecretTokens.hash(token)).bind("now", clock.instant())
                .mapTo(Long.class).one());
        return new Created(id, label, token);
    }

    /** The user a live token acts for; empty when the token is unknown or revoked. */
    public Optional<Long> userOf(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, user_id, last_used_at FROM api_tokens WHERE token_hash = :hash AND revoked_at IS NULL")
                .bind("hash", SecretTokens.hash(token))
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)})
                .findOne()
                .map(row -> {
                    String used = (String) row[2];
                    if (used == null || Duration.between(Instant.parse(used), now).compareTo(TOUCH_EVERY) >= 0) {
                        h.createUpdate("UPDATE api_tokens SET last_used_at = :now WHERE id = :id")
                                .bind("now", now).bind("id", row[0]).execute();
                    }
                    return (Long) row[1];
                }));
    }

    /** The tokens of one user, or of everyone when {@code userId} is null; newest first. */
    public List<Listed> list(Long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, user_id, name, created_at, last_used_at, revoked_at FROM api_tokens"
                        + " WHERE user_id = :user OR :everyone ORDER BY id DESC")
                .bind("user", userId == null ? -1 : userId).bind("everyone", userId == null)
                .map((rs, ctx) -> new Listed(rs.getLong(1), rs.getLong(2), rs.getString(3), Instant.parse(rs.getString(4)),
                        instant(rs.getString(5)), instant(rs.getString(6))))
                .list());
    }

    /**
     * Revokes a token of the user (any user's when {@code userId} is null).
     *
     * @return the token as it was, or empty when there is no such live token
     */
    public Optional<Listed> revoke(Long userId, long tokenId) {
        Optional<Listed> found = list(userId).stream().filter(t -> t.id() == tokenId && t.revokedAt() == null).findFirst();
        found.ifPresent(t -> jdbi.useHandle(h -> h.createUpdate("UPDATE api_tokens SET revoked_at = :now WHERE id = :id")
                .bind("now", clock.instant()).bind("id", tokenId).execute()));
        return found;
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
