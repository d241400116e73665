package com.shopops.api;

import java.util.Set;

/**
 * The person (or API token) behind a request.
 *
 * @param id          the user's id
 * @param name        the login name
 * @param roles       the user's roles
 * @param permissions every permission the user holds, by name (e.g. {@code traffic.view})
 * @since 1.0.0
 */
public record CurrentUser(long id, String name, Set<Role> roles, Set<String> permissions) {

    public CurrentUser {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    /** True when the user holds the named permission. */
    public boolean can(String permission) {
        return permissions.contains(permission);
    }
}
