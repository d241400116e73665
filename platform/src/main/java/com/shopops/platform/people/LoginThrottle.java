package com.shopops.platform.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Slows down password guessing: after {@code perName} failed sign-ins for one name, or {@code perAddress}
 * from one address, within {@code window}, further attempts are refused until the oldest failure leaves
 * the window. Counted in the database, so every host behind a load balancer sees the same count.
 */
public final class LoginThrottle {

    private final Jdbi jdbi;
    private final Clock clock;
    private final int perName;
    private final int perAddress;
    private final Duration window;

    public LoginThrottle(Jdbi jdbi, Clock clock, int perName, int perAddress, Duration window) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.perName = perName;
        this.perAddress = perAddress;
        this.window = window;
    }

    /** How long the caller must wait before trying again, or empty when they may try now. */
    public Optional<Duration> waitFor(String name, String address) {
        Instant now = clock.instant();
        Instant since = now.minus(window);
        return jdbi.withHandle(h -> {
            h.createUpdate("DELETE FROM login_failures WHERE at < :since").bind("since", since).execute();
            Optional<Instant> byName = oldestBlocking(h, "name", key(name), perName, since);
            Optional<Instant> byAddress = oldestBlocking(h, "address", address, perAddress, since);
            return byName.or(() -> byAddress)
                    .map(oldest -> Duration.between(now, oldest.plus(window)))
                    .map(d -> d.isNegative() || d.isZero() ? Duration.ofSeconds(1) : d);
        });
    }

    /** Counts a failed sign-in. */
    public void failed(String name, String address) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO login_failures (name, address, at) VALUES (:name, :address, :now)")
                .bind("name", key(name)).bind("address", address).bind("now", clock.instant()).execute());
    }

    /** Forgets the failures for a name once its password was given right. */
    public void succeeded(String name) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM login_failures WHERE name = :name").bind("name", key(name)).execute());
    }

    /** The failure that must leave the window before the next attempt, when {@code limit} are in it. */
    private static Optional<Instant> oldestBlocking(org.jdbi.v3.core.Handle h, String column, String value, int limit,
                                                    Instant since) {
        return h.createQuery("SELECT at FROM login_failures WHERE " + column + " = :value AND at > :since"
                        + " ORDER BY at DESC LIMIT 1 OFFSET :skip")
                .bind("value", value).bind("since", since).bind("skip", limit - 1)
                .mapTo(String.class).findOne().map(Instant::parse);
    }

    private static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
