package com.shopops.platform.server;

import com.shopops.api.Shop;
import com.shopops.platform.core.CorePermissions;
import com.shopops.platform.briefing.MorningBriefing;
import com.shopops.platform.core.PluginSettings;
import com.shopops.platform.data.PriceAlerts;
import com.shopops.platform.plugins.PluginHost;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;

/**
 * A shop's settings, for the core ({@code core}) and each started plugin: read them, change one, or
 * remove one so its default applies again. Every change is audited with the value before and after.
 */
final class SettingsRoutes {

    /** The core's own settings and what a valid value is. */
    private static final Map<String, Predicate<String>> CORE = Map.of(
            PriceAlerts.BULK_KEY, v -> v.matches("[1-9][0-9]{0,5}"),
            PriceAlerts.MOVE_KEY, v -> v.matches("0?\\.[0-9]+|[1-9][0-9]?(\\.[0-9]+)?"),
            MorningBriefing.LIMIT_SETTING, MorningBriefing::isLimit);

    private final Jdbi jdbi;
    private final Clock clock;
    private final PluginHost plugins;

    SettingsRoutes(Jdbi jdbi, Clock clock, PluginHost plugins) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.plugins = plugins;
    }

    void register(CoreRoutes routes) {
        String view = CorePermissions.DATA_VIEW.name();
        String edit = CorePermissions.SETTINGS_EDIT.name();
        routes.get("/api/shops/{shop}/settings/{owner}", view, "The shop's stored settings of the core or a plugin", this::list)
                .put("/api/shops/{shop}/settings/{owner}/{key}", edit, "Change one setting", this::put)
                .delete("/api/shops/{shop}/settings/{owner}/{key}", edit, "Remove a setting so its default applies",
                        this::remove);
    }

    private void list(Context ctx) {
        ctx.json(settings(ctx).all(Access.shop(ctx).id()));
    }

    record Value(String value) {
    }

    private void put(Context ctx) {
        PluginSettings settings = settings(ctx);
        String key = ctx.pathParam("key");
        String value = ctx.bodyAsClass(Value.class).value();
        if (value == null) {
            throw new IllegalArgumentException("send the new value as {\"value\": \"…\"}");
        }
        if (ctx.pathParam("owner").equals("core") && !Optional.ofNullable(CORE.get(key)).orElseThrow(
                () -> new IllegalArgumentException("the core has no setting '" + key + "'; it has " + CORE.keySet())).test(value)) {
            throw new IllegalArgumentException("'" + value + "' is not a valid value for " + key);
        }
        Shop shop = Access.shop(ctx);
        String before = settings.get(shop.id(), key).orElse(null);
        settings.put(shop.id(), key, value);
        Access.action(ctx, "setting.change");
        Access.note(ctx, ctx.pathParam("owner") + "." + key, before, value, null);
        ctx.json(Map.of("key", key, "value", value));
    }

    private void remove(Context ctx) {
        PluginSettings settings = settings(ctx);
        String key = ctx.pathParam("key");
        Shop shop = Access.shop(ctx);
        String before = settings.get(shop.id(), key).orElse(null);
        settings.remove(shop.id(), key);
        Access.action(ctx, "setting.remove");
        Access.note(ctx, ctx.pathParam("owner") + "." + key, before, null, null);
        ctx.status(204);
    }

    private PluginSettings settings(Context ctx) {
        String owner = ctx.pathParam("owner");
        // Channel settings (owner channel:<id>) hold secrets and are only served masked, by ChannelRoutes.
        if (owner.contains(":") || !owner.equals("core") && plugins.active(owner).isEmpty()) {
            throw new io.javalin.http.NotFoundResponse("no started plugin '" + owner + "'");
        }
        return new PluginSettings(jdbi, owner, clock);
    }
}
