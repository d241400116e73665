package com.shopops.plugins.traffic;

import com.shopops.api.Routes;
import com.shopops.api.ShopRequest;
import com.shopops.plugins.traffic.analysis.Channel;
import com.shopops.plugins.traffic.analysis.SourceChannels;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The traffic plugin's HTTP routes, under {@code /api/shops/{shop}/p/traffic}. */
final class TrafficRoutes {

    static final String VIEW = "traffic.view";
    static final String EDIT = "traffic.edit";

    private final TrafficStore store;

    TrafficRoutes(TrafficStore store) {
        this.store = store;
    }

    void register(Routes routes) {
        routes.get("/channels", VIEW, this::channels)
                .get("/channels/guess", VIEW, this::guess)
                .put("/channels/{source}", EDIT, this::put)
                .delete("/channels/{source}", EDIT, this::delete);
    }

    /** The shop's own source → channel mappings. */
    private void channels(ShopRequest req) {
        List<Map<String, String>> rows = new ArrayList<>();
        store.channels(req.shop().id()).forEach((source, channel) -> rows.add(row(source, channel)));
        req.ctx().json(Map.of("channels", rows));
    }

    /** The channel a source name would be placed in: the shop's mapping, else the guess. */
    private void guess(ShopRequest req) {
        String source = req.ctx().queryParam("source");
        if (source == null || source.isBlank()) {
            throw new BadRequestResponse("give the source name as ?source=…");
        }
        req.ctx().json(row(source, SourceChannels.channelOf(source, store.channels(req.shop().id()))));
    }

    private void put(ShopRequest req) {
        String source = req.pathParam("source");
        if (source.length() > 100) {
            throw new BadRequestResponse("source: at most 100 characters");
        }
        Map<?, ?> body = req.ctx().bodyAsClass(Map.class);
        Object channel = body.get("channel");
        if (!(channel instanceof String text)) {
            throw new BadRequestResponse("send {\"channel\": \"free|paid|campaign|direct|external|other\"}");
        }
        Channel parsed;
        try {
            parsed = Channel.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        store.put(req.shop().id(), source, parsed);
        req.ctx().json(row(source, parsed));
    }

    private void delete(ShopRequest req) {
        if (!store.delete(req.shop().id(), req.pathParam("source"))) {
            throw new NotFoundResponse("no mapping for source '" + req.pathParam("source") + "'");
        }
        req.ctx().status(204);
    }

    private static Map<String, String> row(String source, Channel channel) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("source", source);
        row.put("channel", channel.name().toLowerCase(java.util.Locale.ROOT));
        return row;
    }
}
