package com.shopops.platform.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopops.api.Channels.ChannelState;
import com.shopops.api.Shop;
import com.shopops.platform.core.CorePermissions;
import com.shopops.platform.plugins.HostChannels;
import com.shopops.platform.plugins.PluginHost;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A shop's publishing channels: which the started plugins offer and whether the shop has set each up
 * (for everyone who sees the shop, so a post can name its channels), and their settings (for who holds
 * {@code channels.manage}), secrets shown masked and kept when sent back masked. Changes are audited by
 * key, never with a secret's value.
 */
final class ChannelRoutes {

    private final PluginHost plugins;

    ChannelRoutes(PluginHost plugins) {
        this.plugins = plugins;
    }

    void register(CoreRoutes routes) {
        String view = CorePermissions.DATA_VIEW.name();
        String manage = CorePermissions.CHANNELS_MANAGE.name();
        routes.get("/api/shops/{shop}/channels", view, "The publishing channels installed and whether the shop has set each up",
                        this::list)
                .get("/api/shops/{shop}/channels/{id}", manage, "A channel's settings for the shop, secrets masked", this::show)
                .put("/api/shops/{shop}/channels/{id}", manage,
                        "Change a channel's settings: {\"key\": \"value\"}; a masked secret sent back is kept, \"\" removes", this::change);
    }

    private HostChannels channels() {
        if (plugins.channels() == null) {
            throw new IllegalStateException("the plugin host is not running");
        }
        return plugins.channels();
    }

    private void list(Context ctx) {
        Shop shop = Access.shop(ctx);
        ctx.json(Map.of("channels", channels().list(shop.id()).stream().map(ChannelRoutes::json).toList()));
    }

    private static Map<String, Object> json(ChannelState c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("plugin", c.plugin());
        m.put("configured", c.configured());
        m.put("settings", c.settings().stream().map(s -> Map.of("key", s.key(), "secret", s.secret())).toList());
        return m;
    }

    private void show(Context ctx) {
        Shop shop = Access.shop(ctx);
        String id = ctx.pathParam("id");
        ChannelState state = channels().list(shop.id()).stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundResponse("no started plugin offers the channel '" + id + "'"));
        Map<String, Object> m = json(state);
        m.put("values", channels().shown(shop.id(), id));
        ctx.json(m);
    }

    private void change(Context ctx) {
        Shop shop = Access.shop(ctx);
        String id = ctx.pathParam("id");
        if (channels().find(id).isEmpty()) {
            throw new NotFoundResponse("no started plugin offers the channel '" + id + "'");
        }
        JsonNode body = ctx.bodyAsClass(JsonNode.class);
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("send the settings as {\"key\": \"value\", …}");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual() && !e.getValue().isNull()) {
                throw new IllegalArgumentException(e.getKey() + ": a text value");
            }
            values.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
        }
        List<String> changed = channels().change(shop.id(), id, values);
        Access.action(ctx, "channel.change");
        Access.note(ctx, "channel." + id, null, changed.isEmpty() ? "nothing changed" : "changed " + String.join(", ", changed), null);
        show(ctx);
    }
}
