package com.shopops.platform.server;

import com.shopops.platform.data.SpreadsheetCsv;
import com.fasterxml.jackson.databind.JsonNode;
import com.shopops.api.Shop;
import com.shopops.platform.core.CorePermissions;
import com.shopops.platform.targets.TargetPlan;
import com.shopops.platform.targets.TargetPlan.Baselines;
import com.shopops.platform.targets.TargetPlan.YearTargets;
import com.shopops.platform.targets.TargetReport;
import com.shopops.platform.targets.TargetStore;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * A shop's sales targets: the year's breakdown to months, weeks and days (read by everyone who sees the
 * shop's data), setting the year or one month (who holds {@code targets.edit}), the days as CSV. Money
 * in minor units; every change audited with the target before and after.
 */
final class TargetRoutes {

    private final TargetStore targets;
    private final Clock clock;

    TargetRoutes(Jdbi jdbi, Clock clock) {
        this.targets = new TargetStore(jdbi);
        this.clock = clock;
    }

    void register(CoreRoutes routes) {
        String view = CorePermissions.DATA_VIEW.name();
        String edit = CorePermissions.TARGETS_EDIT.name();
        routes.get("/api/shops/{shop}/targets", view,
                        "The year's sales targets by month, week and day, with UV, conversion and AOV (year; default this year)",
                        this::show)
                .get("/api/shops/{shop}/targets.csv", view, "The year's daily targets as CSV, money in major units (year)", this::csv)
                .put("/api/shops/{shop}/targets/{year}", edit,
                        "Set the year's sales target (minor units) and break it down; optional conversionRate and aov", this::setYear)
                .put("/api/shops/{shop}/targets/{year}/{month}", edit,
                        "Set one month's sales target (minor units); the year becomes the sum of its months", this::setMonth);
    }

    private void show(Context ctx) {
        Shop shop = Access.shop(ctx);
        ctx.json(report(shop, year(ctx, shop)));
    }

    private void csv(Context ctx) {
        Shop shop = Access.shop(ctx);
        int year = year(ctx, shop);
        SpreadsheetCsv.send(ctx, shop.code() + "-targets-" + year + ".csv", out -> TargetReport.csv(shop, targets.year(shop.id(), year), out));
    }

    private void setYear(Context ctx) {
        Shop shop = Access.shop(ctx);
        int year = pathYear(ctx);
        JsonNode body = body(ctx, Set.of("sales", "conversionRate", "aov"));
        long sales = money(body, "sales", TargetPlan.MAX_SALES);
        Double rate = rate(body);
        Long aov = body.hasNonNull("aov") ? money(body, "aov", TargetPlan.MAX_AOV) : null;
        if (aov != null && aov < 1) {
            throw new IllegalArgumentException("aov must be at least 1 minor unit");
        }
        Long before = targets.year(shop.id(), year).sales();
        YearTargets after = targets.setYear(shop.id(), year, sales, new Baselines(rate, aov));
        Access.action(ctx, "targets.set");
        Access.note(ctx, String.valueOf(year), before == null ? null : "sales " + before, describe(after), null);
        ctx.json(report(shop, year));
    }

    private void setMonth(Context ctx) {
        Shop shop = Access.shop(ctx);
        int year = pathYear(ctx);
        String text = ctx.pathParam("month");
        int m;
        try {
            m = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            m = 0;
        }
        if (m < 1 || m > 12) {
            throw new IllegalArgumentException("month must be from 1 to 12, not '" + text + "'");
        }
        YearMonth month = YearMonth.of(year, m);
        JsonNode body = body(ctx, Set.of("sales"));
        long sales = money(body, "sales", TargetPlan.MAX_SALES);
        YearTargets old = targets.year(shop.id(), year);
        Long before = old.months().get(m - 1).sales();
        YearTargets after = targets.setMonth(shop.id(), month, sales);
        Access.action(ctx, "targets.set");
        Access.note(ctx, month.toString(), before == null ? null : "sales " + before + "; year " + old.sales(),
                "sales " + sales + "; year " + after.sales(), null);
        ctx.json(report(shop, year));
    }

    private Map<String, Object> report(Shop shop, int year) {
        return TargetReport.json(shop, targets.year(shop.id(), year), targets.lastYear(shop.id(), year),
                targets.baselines(shop.id()));
    }

    private static String describe(YearTargets t) {
        return "sales " + t.sales() + "; conversionRate " + t.baselines().conversionRate() + "; aov " + t.baselines().aov()
                + "; basis " + (t.basis() == null ? null : t.basis().json());
    }

    /** {@code ?year=}, or this year in the shop's time zone. */
    private int year(Context ctx, Shop shop) {
        String text = Params.text(ctx, "year");
        int year = text == null ? LocalDate.now(clock.withZone(shop.timeZone())).getYear() : parseYear(text);
        TargetStore.checkYear(year);
        return year;
    }

    private static int pathYear(Context ctx) {
        int year = parseYear(ctx.pathParam("year"));
        TargetStore.checkYear(year);
        return year;
    }

    private static int parseYear(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("year must be a year like 2025, not '" + text + "'");
        }
    }

    /** The body as a JSON object with only the fields {@code allowed}. */
    private static JsonNode body(Context ctx, Set<String> allowed) {
        JsonNode body = ctx.bodyAsClass(JsonNode.class);
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("send a JSON object with " + String.join(", ", allowed));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "'; this call takes " + String.join(", ", allowed));
            }
        }
        return body;
    }

    /** A whole amount of minor units, 0 to {@code max}: never rounded, so 1.5 or "1,200" is refused, not guessed. */
    private static long money(JsonNode body, String field, long max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException(field + " is missing: give it in minor units (fen, cents), e.g. 120000000 for 1,200,000.00");
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new IllegalArgumentException(field + " must be a whole number of minor units (fen, cents), e.g. 120000000 for "
                    + "1,200,000.00, not " + node);
        }
        long value = node.longValue();
        if (value < 0) {
            throw new IllegalArgumentException(field + " cannot be negative: " + value);
        }
        if (value > max) {
            throw new IllegalArgumentException(field + " of " + value + " minor units is beyond any shop's (at most " + max + ")");
        }
        return value;
    }

    private static Double rate(JsonNode body) {
        JsonNode node = body.get("conversionRate");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new IllegalArgumentException("conversionRate must be a fraction such as 0.03 for 3 %, not " + node);
        }
        double rate = node.doubleValue();
        if (!(rate >= TargetPlan.MIN_CONVERSION_RATE && rate <= 1)) {
            throw new IllegalArgumentException("conversionRate must be a fraction from " + TargetPlan.MIN_CONVERSION_RATE
                    + " to 1 (0.03 for 3 %), not " + node);
        }
        return rate;
    }
}
