package com.shopops.platform.core;

import com.shopops.api.Permission;
import com.shopops.api.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The permissions of the core's own routes, declared like a plugin's. */
public final class CorePermissions {

    private CorePermissions() {
    }

    /** See a shop's headline figures and its import history. */
    public static final Permission DATA_VIEW = new Permission("data.view", "See the shop's summary figures and imports",
            EnumSet.allOf(Role.class));

    /** Import exports (orders, traffic, …) into a shop. */
    public static final Permission DATA_IMPORT = new Permission("data.import", "Import exports into a shop",
            Set.of(Role.OWNER, Role.OPERATOR));

    /** Every core permission. */
    public static List<Permission> all() {
        return List.of(DATA_VIEW, DATA_IMPORT);
    }
}
