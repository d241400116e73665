package com.shopops.platform.targets;

import static com.shopops.platform.data.SpreadsheetCsv.cell;

import com.shopops.api.Shop;
import com.shopops.api.domain.DayTarget;
import com.shopops.platform.targets.TargetPlan.Baselines;
import com.shopops.platform.targets.TargetPlan.Basis;
import com.shopops.platform.targets.TargetPlan.MonthTarget;
import com.shopops.platform.targets.TargetPlan.SalesHistory;
import com.shopops.platform.targets.TargetPlan.WeekTarget;
import com.shopops.platform.targets.TargetPlan.YearTargets;
import com.shopops.platform.targets.TargetStore.HistoryBaselines;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A year's targets as the HTTP API ({@code GET /api/shops/{shop}/targets}) and the CLI
 * ({@code targets show --json}) both print them, and the days as CSV. Money in minor units in JSON; in
 * CSV in major units (yuan, dollars) with the currency, for spreadsheets.
 */
public final class TargetReport {

    private TargetReport() {
    }

    /** Everything a year's targets page needs: the breakdown, its baselines and last year's daily sales. */
    public static Map<String, Object> json(Shop shop, YearTargets targets, SalesHistory lastYear, HistoryBaselines history) {
        int year = targets.year();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("year", year);
        out.put("shop", shop.code());
        out.put("currency", shop.currency());
        out.put("sales", targets.sales());
        // A year without a breakdown says what a breakdown made now would follow.
        Basis basis = targets.basis() != null ? targets.basis() : TargetPlan.basis(year, lastYear);
        out.put("basis", basis.json());
        Baselines baselines = targets.baselines() != null ? targets.baselines() : history.baselines();
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("conversionRate", baselines.conversionRate());
        base.put("aov", baselines.aov());
        out.put("baselines", base);
        Map<String, Object> fromHistory = new LinkedHashMap<>();
        fromHistory.put("conversionRate", history.conversionRate());
        fromHistory.put("trafficFrom", history.trafficFrom());
        fromHistory.put("trafficTo", history.trafficTo());
        fromHistory.put("aov", history.aov());
        fromHistory.put("ordersFrom", history.ordersFrom());
        fromHistory.put("ordersTo", history.ordersTo());
        out.put("history", fromHistory);
        List<Map<String, Object>> months = new ArrayList<>();
        for (MonthTarget m : targets.months()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("month", m.month().getMonthValue());
            row.put("from", m.month().atDay(1));
            row.put("to", m.month().atEndOfMonth());
            row.put("sales", m.sales());
            row.put("uv", m.uv());
            row.put("conversionRate", m.conversionRate());
            row.put("aov", m.aov());
            row.put("orders", m.orders());
            row.put("edited", m.edited());
            months.add(row);
        }
        out.put("months", months);
        out.put("weeks", targets.weeks());
        out.put("days", targets.days());
        out.put("lastYear", lastYear(year, lastYear));
        return out;
    }

    /** Last year's known daily sales (zero on known days without orders), for the chart. */
    private static Map<String, Object> lastYear(int year, SalesHistory history) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", history.from());
        out.put("to", history.to());
        List<Map<String, Object>> daily = new ArrayList<>();
        long total = 0;
        if (history.from() != null) {
            for (LocalDate d = history.from(); !d.isAfter(history.to()); d = d.plusDays(1)) {
                long sales = history.sales(d);
                total += sales;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("day", d);
                row.put("sales", sales);
                daily.add(row);
            }
        }
        out.put("days", daily.size());
        out.put("sales", total);
        out.put("daily", daily);
        return out;
    }

    /** The days with targets as CSV: day, week, sales, uv, conversionRate, aov, orders, currency. */
    public static void csv(Shop shop, YearTargets targets, Writer out) {
        Currency currency = Currency.getInstance(shop.currency());
        Map<LocalDate, String> weekOf = new LinkedHashMap<>();
        for (WeekTarget w : targets.weeks()) {
            for (LocalDate d = w.from(); !d.isAfter(w.to()); d = d.plusDays(1)) {
                weekOf.put(d, w.week());
            }
        }
        try (CsvWriter csv = CsvWriter.builder().build(out)) {
            csv.writeRecord("day", "week", "sales", "uv", "conversionRate", "aov", "orders", "currency");
            for (DayTarget d : targets.days()) {
                csv.writeRecord(d.day().toString(), cell(weekOf.get(d.day())), major(d.sales(), currency), text(d.uv()),
                        text(d.conversionRate()), d.aov() == null ? "" : major(d.aov(), currency), text(d.orders()),
                        cell(shop.currency()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Minor units as a plain decimal in major units: 12345 fen → 123.45. */
    public static String major(long minor, Currency currency) {
        return com.shopops.api.Money.major(minor, currency.getCurrencyCode()).toPlainString();
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof Double d ? BigDecimal.valueOf(d).toPlainString() : value.toString();
    }

}
