package com.shopops.platform.people;

import com.shopops.api.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The people who use an installation: their names, password hashes, roles and the shops granted to
 * them. The owner role sees every shop; everyone else sees the shops granted to them.
 */
public final class Users {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,64}");

    private final Jdbi jdbi;
    private final Clock clock;

    public Users(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * A user as the settings page and {@code /api/users} show them.
     *
     * @param shops the codes of the shops granted (the owner role sees all shops regardless)
     */
    public record User(long id, String name, Set<Role> roles, List<String> shops, boolean active, Instant createdAt) {

        /** True when the user sees every shop. */
        public boolean allShops() {
            return roles.contains(Role.OWNER);
        }
    }

    /** What a new user is given. */
    public record NewUser(String name, String password, Set<Role> roles, List<String> shops) {
    }

    /** A change to a user; null fields stay as they are. */
    public record Change(Set<Role> roles, List<String> shops, String password, Boolean active) {
    }

    /** What sign-in needs: the stored hash and whether the account may sign in. */
    record Credentials(long id, String passwordHash, boolean active) {
    }

    /** How many users there are. */
    public int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Integer.class).one());
    }

    /** Creates a user; refuses a taken name, a weak password, no role or an unknown shop. */
    public User create(NewUser request) {
        String name = request.name() == null ? "" : request.name().trim();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name is 1 to 64 letters, digits or . _ @ -, not '" + name + "'");
        }
        Passwords.requireStrong(request.password());
        Set<Role> roles = requireRoles(request.roles());
        String hash = Passwords.hash(request.password());
        Instant now = clock.instant();
        long id = jdbi.inTransaction(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM users WHERE lower(name) = :name")
                    .bind("name", name.toLowerCase(Locale.ROOT)).mapTo(Integer.class).one() > 0) {
                throw new IllegalStateException("a user named '" + name + "' exists already");
            }
            long created = h.createQuery("""
                            INSERT INTO users (name, password_hash, active, created_at, updated_at)
                            VALUES (:name, :hash, 1, :now, :now) RETURNING id""")
                    .bind("name", name).bind("hash", hash).bind("now", now).mapTo(Long.class).one();
            writeRoles(h, created, roles);
            writeShops(h, created, request.shops() == null ? List.of() : request.shops());
            return created;
        });
        return byId(id).orElseThrow();
    }

    /** Applies {@code change}; the installation always keeps at least one active owner. */
    public User update(long id, Change change) {
        jdbi.useTransaction(h -> {
            User before = load(h, id).orElseThrow(() -> new NoSuchUser(id));
            Set<Role> roles = change.roles() == null ? before.roles() : requireRoles(change.roles());
            boolean active = change.active() == null ? before.active() : change.active();
            boolean stillOwner = active && roles.contains(Role.OWNER);
            if (before.active() && before.roles().contains(Role.OWNER) && !stillOwner && activeOwners(h) <= 1) {
                throw new IllegalStateException("'" + before.name() + "' is the only active owner; make someone else owner first");
            }
            Instant now = clock.instant();
            if (change.roles() != null) {
                h.createUpdate("DELETE FROM user_roles WHERE user_id = :id").bind("id", id).execute();
                writeRoles(h, id, roles);
            }
            if (change.shops() != null) {
                h.createUpdate("DELETE FROM user_shops WHERE user_id = :id").bind("id", id).execute();
                writeShops(h, id, change.shops());
            }
            if (change.password() != null) {
                Passwords.requireStrong(change.password());
                h.createUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
                        .bind("hash", Passwords.hash(change.password())).bind("id", id).execute();
            }
            h.createUpdate("UPDATE users SET active = :active, updated_at = :now WHERE id = :id")
                    .bind("active", active ? 1 : 0).bind("now", now).bind("id", id).execute();
            if (change.password() != null || !active) {
                // A new password or a closed account ends every session the user had.
                h.createUpdate("DELETE FROM sessions WHERE user_id = :id").bind("id", id).execute();
            }
        });
        return byId(id).orElseThrow();
    }

    public Optional<User> byId(long id) {
        return jdbi.withHandle(h -> load(h, id));
    }

    public Optional<User> byName(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM users WHERE name = :name").bind("name", name)
                .mapTo(Long.class).findOne().flatMap(id -> load(h, id)));
    }

    /** Every user, by name. */
    public List<User> all() {
        return jdbi.withHandle(h -> {
            Map<Long, Set<Role>> roles = new LinkedHashMap<>();
            h.createQuery("SELECT user_id, role FROM user_roles").map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> roles.computeIfAbsent(e.getKey(), k -> EnumSet.noneOf(Role.class)).add(Role.valueOf(e.getValue())));
            Map<Long, List<String>> shops = new LinkedHashMap<>();
            h.createQuery("SELECT g.user_id, s.code FROM user_shops g JOIN shops s ON s.id = g.shop_id ORDER BY s.code")
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> shops.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            return h.createQuery("SELECT id, name, active, created_at FROM users ORDER BY name")
                    .map((rs, ctx) -> new User(rs.getLong("id"), rs.getString("name"),
                            roles.getOrDefault(rs.getLong("id"), Set.of()), shops.getOrDefault(rs.getLong("id"), List.of()),
                            rs.getInt("active") == 1, Instant.parse(rs.getString("created_at"))))
                    .list();
        });
    }

    /** The ids of the shops granted to the user (the owner role's "all shops" is not expanded here). */
    public Set<Long> shopIds(long userId) {
        return jdbi.withHandle(h -> new TreeSet<>(h.createQuery("SELECT shop_id FROM user_shops WHERE user_id = :id")
                .bind("id", userId).mapTo(Long.class).list()));
    }

    Optional<Credentials> credentials(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, password_hash, active FROM users WHERE name = :name")
                .bind("name", name)
                .map((rs, ctx) -> new Credentials(rs.getLong(1), rs.getString(2), rs.getInt(3) == 1)).findOne());
    }

    private static Optional<User> load(Handle h, long id) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        h.createQuery("SELECT role FROM user_roles WHERE user_id = :id").bind("id", id).mapTo(String.class)
                .forEach(r -> roles.add(Role.valueOf(r)));
        List<String> shops = h.createQuery(
                        "SELECT s.code FROM user_shops g JOIN shops s ON s.id = g.shop_id WHERE g.user_id = :id ORDER BY s.code")
                .bind("id", id).mapTo(String.class).list();
        return h.createQuery("SELECT id, name, active, created_at FROM users WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new User(rs.getLong("id"), rs.getString("name"), roles, shops, rs.getInt("active") == 1,
                        Instant.parse(rs.getString("created_at"))))
                .findOne();
    }

    private static int activeOwners(Handle h) {
        return h.createQuery("""
                        SELECT COUNT(*) FROM users u JOIN user_roles r ON r.user_id = u.id
                        WHERE u.active = 1 AND r.role = 'OWNER'""").mapTo(Integer.class).one();
    }

    private static Set<Role> requireRoles(Collection<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("give the user at least one role: " + Role.all());
        }
        return EnumSet.copyOf(roles);
    }

    private static void writeRoles(Handle h, long userId, Set<Role> roles) {
        for (Role role : roles) {
            h.createUpdate("INSERT INTO user_roles (user_id, role) VALUES (:id, :role)")
                    .bind("id", userId).bind("role", role.name()).execute();
        }
    }

    private static void writeShops(Handle h, long userId, List<String> codes) {
        for (String code : new TreeSet<>(codes)) {
            Long shop = h.createQuery("SELECT id FROM shops WHERE code = :code").bind("code", code)
                    .mapTo(Long.class).findOne().orElseThrow(() -> new IllegalArgumentException("there is no shop '" + code + "'"));
            h.createUpdate("INSERT INTO user_shops (user_id, shop_id) VALUES (:id, :shop)")
                    .bind("id", userId).bind("shop", shop).execute();
        }
    }

    /** No user has the id asked for. */
    public static final class NoSuchUser extends RuntimeException {
        public NoSuchUser(long id) {
            super("there is no user " + id);
        }
    }
}
