package com.shopops.api;

import java.util.Set;

/**
 * A permission a plugin declares and checks, e.g. {@code ads.edit-bids}.
 *
 * @param name         unique name, prefixed with the plugin id and a dot
 * @param description  what it allows, in words an owner understands
 * @param defaultRoles the roles that hold it until the owner changes that
 * @since 1.0.0
 */
public record Permission(String name, String description, Set<Role> defaultRoles) {

    public Permission {
        defaultRoles = Set.copyOf(defaultRoles);
    }
}
