package com.shopops.platform.server;

import com.shopops.api.Shop;
import com.shopops.platform.briefing.Briefing;
import com.shopops.platform.briefing.BriefingJson;
import com.shopops.platform.briefing.BriefingText;
import com.shopops.platform.briefing.MorningBriefing;
import com.shopops.platform.core.CorePermissions;
import io.javalin.http.Context;
import java.time.LocalDate;

/**
 * The morning briefing over HTTP: read it (JSON, or the same markdown and text the CLI prints), or
 * make it again after new data came in.
 */
final class BriefingRoutes {

    private final MorningBriefing briefing;
    private final BriefingText words;

    BriefingRoutes(MorningBriefing briefing, BriefingText words) {
        this.briefing = briefing;
        this.words = words;
    }

    void register(CoreRoutes routes) {
        routes.get("/api/shops/{shop}/briefing", CorePermissions.DATA_VIEW.name(),
                        "The shop's morning briefing (date: the shop's yesterday unless given; format: json, markdown or text; lang)",
                        ctx -> answer(ctx, false))
                .post("/api/shops/{shop}/briefing", CorePermissions.DATA_IMPORT.name(),
                        "Make the day's briefing again, e.g. after an import (date, lang)", ctx -> {
                            answer(ctx, true);
                            Access.action(ctx, "briefing.remake");
                        });
    }

    private void answer(Context ctx, boolean remake) {
        Shop shop = Access.shop(ctx);
        LocalDate day = Params.day(ctx, "date");
        String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
        if (!format.equals("json") && !format.equals("markdown") && !format.equals("text")) {
            throw new IllegalArgumentException("format must be json, markdown or text, not '" + format + "'");
        }
        Briefing b = briefing.of(shop, day == null ? briefing.yesterday(shop) : day, PluginDispatch.locale(ctx), remake);
        switch (format) {
            case "markdown" -> ctx.contentType("text/markdown; charset=utf-8").result(words.markdown(b, origin(ctx)));
            case "text" -> ctx.contentType("text/plain; charset=utf-8").result(words.text(b));
            default -> ctx.json(BriefingJson.of(b));
        }
    }

    /** Where the caller reached the UI, to make the findings' links absolute in markdown. */
    private static String origin(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }
}
