package com.shopops.platform.people;

import com.shopops.api.Permission;
import com.shopops.api.Role;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Which role holds which permission: each permission's declared default roles, changed where the owner
 * changed them. The declared permissions come from the core and the started plugins, so a plugin's
 * permissions appear when it starts and vanish when it is disabled; the owner's changes stay stored.
 */
public final class PermissionGrants {

    /** The permission the owner role can never lose, so the installation is never left without a way in. */
    public static final String KEEP_FOR_OWNER = "users.manage";

    private final Jdbi jdbi;
    private final Clock clock;
    private final Supplier<List<Declared>> declared;

    public PermissionGrants(Jdbi jdbi, Clock clock, Supplier<List<Declared>> declared) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.declared = declared;
    }

    /**
     * A permission and who declared it.
     *
     * @param owner {@code core} or the plugin id
     */
    public record Declared(String owner, Permission permission) {
    }

    /** A permission with the roles that hold it now, for the roles page. */
    public record Grant(String name, String description, String owner, Set<Role> defaultRoles, Set<Role> roles) {
    }

    /** Every declared permission with the roles that hold it now. */
    public List<Grant> all() {
        Map<String, Map<Role, Boolean>> changes = changes();
        return declared.get().stream().map(d -> {
            Permission p = d.permission();
            return new Grant(p.name(), p.description(), d.owner(), p.defaultRoles(), holders(p, changes.get(p.name())));
        }).toList();
    }

    /** The names of the permissions that {@code roles} hold together. */
    public Set<String> permissionsOf(Collection<Role> roles) {
        Map<String, Map<Role, Boolean>> changes = changes();
        Set<String> held = new HashSet<>();
        for (Declared d : declared.get()) {
            Set<Role> holders = holders(d.permission(), changes.get(d.permission().name()));
            if (roles.stream().anyMatch(holders::contains)) {
                held.add(d.permission().name());
            }
        }
        return held;
    }

    /**
     * Makes exactly {@code roles} hold the permission {@code name}.
     *
     * @return the roles before the change
     */
    public Set<Role> set(String name, Collection<Role> roles) {
        Declared d = declared.get().stream().filter(x -> x.permission().name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no started plugin or the core declares a permission '" + name + "'"));
        Set<Role> wanted = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        if (name.equals(KEEP_FOR_OWNER) && !wanted.contains(Role.OWNER)) {
            throw new IllegalArgumentException("the owner role always keeps '" + KEEP_FOR_OWNER + "'");
        }
        Set<Role> before = holders(d.permission(), changes().get(name));
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM role_permissions WHERE permission = :name").bind("name", name).execute();
            for (Role role : Role.values()) {
                boolean byDefault = d.permission().defaultRoles().contains(role);
                if (wanted.contains(role) != byDefault) {
                    h.createUpdate("""
                                    INSERT INTO role_permissions (role, permission, granted, updated_at)
                                    VALUES (:role, :name, :granted, :now)""")
                            .bind("role", role.name()).bind("name", name).bind("granted", wanted.contains(role) ? 1 : 0)
                            .bind("now", clock.instant()).execute();
                }
            }
        });
        return before;
    }

    private static Set<Role> holders(Permission p, Map<Role, Boolean> changed) {
        Set<Role> holders = p.defaultRoles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(p.defaultRoles());
        if (changed != null) {
            changed.forEach((role, granted) -> {
                if (granted) {
                    holders.add(role);
                } else {
                    holders.remove(role);
                }
            });
        }
        return holders;
    }

    private Map<String, Map<Role, Boolean>> changes() {
        Map<String, Map<Role, Boolean>> changes = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT role, permission, granted FROM role_permissions")
                .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3) == 1})
                .forEach(row -> changes.computeIfAbsent((String) row[1], k -> new HashMap<>())
                        .put(Role.valueOf((String) row[0]), (Boolean) row[2])));
        return changes;
    }
}
