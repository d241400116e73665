package com.shopops.platform.core;

import com.shopops.api.CurrentUser;
import com.shopops.api.Permission;
import com.shopops.api.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The permissions of the core's own routes, declared like a plugin's. Least privilege as a shop team
 * works: cost prices for the owner and finance only, people and plugins for the owner.
 */
public final class CorePermissions {

    private CorePermissions() {
    }

    /** See a shop's headline figures, its products and its import history. */
    public static final Permission DATA_VIEW = new Permission("data.view", "See the shop's summary figures, products and imports",
            EnumSet.allOf(Role.class));

    /** Import exports (orders, traffic, …) into a shop. */
    public static final Permission DATA_IMPORT = new Permission("data.import", "Import exports into a shop",
            Set.of(Role.OWNER, Role.OPERATOR));

    /** See cost prices and margins; everyone else sees them masked, in pages and exports alike. */
    public static final Permission DATA_COSTS = new Permission(CurrentUser.SEE_COSTS, "See cost prices and margins",
            Set.of(Role.OWNER, Role.FINANCE));

    /** Change product prices, stock and listing status. */
    public static final Permission PRODUCTS_EDIT = new Permission("products.edit", "Change product prices, stock and status",
            Set.of(Role.OWNER, Role.OPERATOR));

    /** Change the shops' settings for the core and the plugins. */
    public static final Permission SETTINGS_EDIT = new Permission("settings.edit", "Change a shop's settings",
            Set.of(Role.OWNER, Role.OPERATOR));

    /** Create shops. */
    public static final Permission SHOPS_MANAGE = new Permission("shops.manage", "Create shops", Set.of(Role.OWNER));

    /** Add users, change their roles and shops, and change which role holds which permission. */
    public static final Permission USERS_MANAGE = new Permission("users.manage",
            "Manage users, their roles and shops, and what each role may do", Set.of(Role.OWNER));

    /** Install, enable, disable and remove plugins. */
    public static final Permission PLUGINS_MANAGE = new Permission("plugins.manage", "Install, enable, disable and remove plugins",
            Set.of(Role.OWNER));

    /** Read the audit log. */
    public static final Permission AUDIT_VIEW = new Permission("audit.view", "Read the audit log", Set.of(Role.OWNER));

    /** Turn findings into tasks, work on them and comment: the whole team uses the task board. */
    public static final Permission TASKS_EDIT = new Permission("tasks.edit", "Create, update and comment on tasks",
            EnumSet.allOf(Role.class));

    /** Set the shop's sales targets and their breakdown. */
    public static final Permission TARGETS_EDIT = new Permission("targets.edit", "Set the shop's sales targets",
            Set.of(Role.OWNER, Role.OPERATOR));

    /** Set up a shop's publishing channels (webhook URLs, signing secrets, outbox folders). */
    public static final Permission CHANNELS_MANAGE = new Permission("channels.manage",
            "Set up the shop's publishing channels and their secrets", Set.of(Role.OWNER, Role.OPERATOR));

    /** Every core permission. */
    public static List<Permission> all() {
        return List.of(DATA_VIEW, DATA_IMPORT, DATA_COSTS, PRODUCTS_EDIT, SETTINGS_EDIT, SHOPS_MANAGE, USERS_MANAGE,
                PLUGINS_MANAGE, AUDIT_VIEW, TASKS_EDIT, TARGETS_EDIT, CHANNELS_MANAGE);
    }
}
