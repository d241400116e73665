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

    /**
     * The permission to see cost prices and margins (owner and finance by default). A plugin that shows
     * or exports costs masks them for users without it:
     * <pre>{@code
     * Product shown = req.user().seesCosts() ? product : product.withoutCost();
     * }</pre>
     */
    public static final String SEE_COSTS = "data.costs";

    public CurrentUser {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    /** True when the user holds the named permission. */
    public boolean can(String permission) {
        return permissions.contains(permission);
    }

    /** True when the user may see cost prices; see {@link #SEE_COSTS}. */
    public boolean seesCosts() {
        return can(SEE_COSTS);
    }
}
