package com.shopops.platform.server;

import com.shopops.api.CurrentUser;
import com.shopops.api.Permission;
import com.shopops.platform.core.CorePermissions;
import com.shopops.api.Role;
import com.shopops.platform.plugins.PluginHost;
import io.javalin.http.Context;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Access for an installation without user accounts yet: every request acts as the owner, holding every
 * permission the started plugins declare. The server binds to loopback by default, so only this
 * machine reaches it.
 */
public final class LocalOwnerAccess implements Access {

    private final PluginHost plugins;

    public LocalOwnerAccess(PluginHost plugins) {
        this.plugins = plugins;
    }

    @Override
    public Optional<CurrentUser> user(Context ctx) {
        Set<String> permissions = new HashSet<>();
        CorePermissions.all().stream().map(Permission::name).forEach(permissions::add);
        for (PluginHost.Active a : plugins.activePlugins()) {
            a.permissions().stream().map(Permission::name).forEach(permissions::add);
        }
        return Optional.of(new CurrentUser(0, "owner", Set.of(Role.OWNER), permissions));
    }
}
