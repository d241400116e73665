package com.shopops.platform.imports.formats;

import com.shopops.api.CellRefused;
import com.shopops.api.Cells;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportFormat;
import com.shopops.api.ImportRefused;
import com.shopops.api.ImportRow;
import com.shopops.api.ParsedRow;
import com.shopops.api.data.OrderRow;
import com.shopops.api.data.RefundRow;
import com.shopops.api.data.ReviewRow;
import com.shopops.api.domain.BehaviourEvent;
import com.shopops.api.domain.Order;
import com.shopops.api.domain.Product;
import com.shopops.api.domain.Target;
import com.shopops.api.domain.TrafficDay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Any CSV with a header, for one core kind, its columns mapped to ShopOps fields by options
 * {@code column.<field>=<header text>} (a field without a mapping is looked for under its own name, so
 * a file whose header uses the field names needs no mapping). Name {@code generic}; one instance per
 * kind. Fields (* required):
 * <ul>
 * <li>orders: order_id*, customer, created_at*, paid_at, status (PLACED, PAID, SHIPPED, COMPLETED,
 *     CANCELLED, REFUNDED, any case; default PAID), order_amount, source, sku, title, quantity*,
 *     unit_price*, line_amount (default quantity × unit_price), refunded (default 0), refund_reason;
 *     the rows of one order_id form one group;</li>
 * <li>products: sku*, title*, category, price, cost, stock, status (listed or delisted, default
 *     listed), listed_on;</li>
 * <li>traffic: day*, source (default {@code all}), uv*, pv*, bounce_rate (0 to 1), avg_stay_seconds,
 *     buyers, paid_amount; counts not negative;</li>
 * <li>events: user_id*, item_id*, category_id, type* (view or pv, favourite or fav, cart, buy), at*
 *     (a date and time, or Unix seconds);</li>
 * <li>reviews: review_id, sku*, rating* (1 to 5), text, day*;</li>
 * <li>refunds: refund_id, order_id*, at*, amount*, reason;</li>
 * <li>targets: from*, to* (not before from), metric*, value*: sales and aov are money (minor units),
 *     metrics ending in Rate (conversionRate, bounceRate, …) fractions, uv, pv, orders and buyers
 *     counts.</li>
 * </ul>
 * Money is in the shop's currency, local times in the shop's time zone. The file is refused before any
 * row is read when a required field's column is missing, a mapped column is not in the header, or a
 * {@code column.X} option names no field.
 *
 * @param <R> the record a row becomes
 */
public final class GenericFormat<R> implements ImportFormat<R> {

    /** The option prefix of a column mapping: {@code column.sku=Artikelnummer}. */
    public static final String MAPPING = "column.";

    private static final Map<String, List<String>> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("orders", List.of("order_id", "created_at", "quantity", "unit_price"));
        REQUIRED.put("products", List.of("sku", "title"));
        REQUIRED.put("traffic", List.of("day", "uv", "pv"));
        REQUIRED.put("events", List.of("user_id", "item_id", "type", "at"));
        REQUIRED.put("reviews", List.of("sku", "rating", "day"));
        REQUIRED.put("refunds", List.of("order_id", "at", "amount"));
        REQUIRED.put("targets", List.of("from", "to", "metric", "value"));
    }

    private final String kind;
    private final List<String> fields;
    private final List<String> required;
    private final Function<Cols, R> reader;
    private final Function<ImportBatch<R>, WriteResult> writer;
    private final String groupField;

    private GenericFormat(String kind, List<String> fields, Function<Cols, R> reader,
                          Function<ImportBatch<R>, WriteResult> writer, String groupField) {
        this.kind = kind;
        this.fields = fields;
        this.required = REQUIRED.get(kind);
        this.reader = reader;
        this.writer = writer;
        this.groupField = groupField;
    }

    /** One generic format per core kind. */
    public static List<GenericFormat<?>> all() {
        return List.of(orders(), products(), traffic(), events(), reviews(), refunds(), targets());
    }

    /** Generic orders, one row per order line. */
    public static GenericFormat<OrderRow> orders() {
        return new GenericFormat<>("orders", List.of("order_id", "customer", "created_at", "paid_at", "status",
                "order_amount", "source", "sku", "title", "quantity", "unit_price", "line_amount", "refunded",
                "refund_reason"), GenericFormat::order, b -> b.core().orders(b.records()), "order_id");
    }

    /** Generic products, one row per SKU. */
    public static GenericFormat<Product> products() {
        return new GenericFormat<>("products", List.of("sku", "title", "category", "price", "cost", "stock", "status",
                "listed_on"), GenericFormat::product, b -> b.core().products(b.records()), null);
    }

    /** Generic traffic, one row per day and source. */
    public static GenericFormat<TrafficDay> traffic() {
        return new GenericFormat<>("traffic", List.of("day", "source", "uv", "pv", "bounce_rate", "avg_stay_seconds",
                "buyers", "paid_amount"), GenericFormat::trafficDay, b -> b.core().traffic(b.records()), null);
    }

    /** Generic behaviour events. */
    public static GenericFormat<BehaviourEvent> events() {
        return new GenericFormat<>("events", List.of("user_id", "item_id", "category_id", "type", "at"),
                GenericFormat::event, b -> b.core().events(b.records()), null);
    }

    /** Generic reviews. */
    public static GenericFormat<ReviewRow> reviews() {
        return new GenericFormat<>("reviews", List.of("review_id", "sku", "rating", "text", "day"),
                GenericFormat::review, b -> b.core().reviews(b.records()), null);
    }

    /** Generic refunds. */
    public static GenericFormat<RefundRow> refunds() {
        return new GenericFormat<>("refunds", List.of("refund_id", "order_id", "at", "amount", "reason"),
                GenericFormat::refund, b -> b.core().refunds(b.records()), null);
    }

    /** Generic targets. */
    public static GenericFormat<Target> targets() {
        return new GenericFormat<>("targets", List.of("from", "to", "metric", "value"), GenericFormat::target,
                b -> b.core().targets(b.records()), null);
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String name() {
        return "generic";
    }

    /** The fields, in order. */
    public List<String> fields() {
        return fields;
    }

    /** The required fields, in order. */
    public List<String> requiredFields() {
        return required;
    }

    @Override
    public String describe() {
        return "any CSV with a header, columns mapped with column.<field>=<header text> (default: the field's name); "
                + kind + " fields (* required): " + fields.stream().map(f -> required.contains(f) ? f + "*" : f)
                .collect(Collectors.joining(", "));
    }

    /**
     * True when every required field is in the header under its own name, and no generic format of another
     * kind fits it with more required fields (an orders file has {@code sku} and {@code title}, but is orders).
     */
    @Override
    public boolean recognises(List<String> header) {
        if (!fits(required, header)) {
            return false;
        }
        for (List<String> other : REQUIRED.values()) {
            if (other.size() > required.size() && fits(other, header)) {
                return false;
            }
        }
        return true;
    }

    private static boolean fits(List<String> fields, List<String> header) {
        return fields.stream().allMatch(f -> Read.has(header, f));
    }

    @Override
    public void check(ImportContext context) throws ImportRefused {
        List<String> header = context.header();
        List<String> unknown = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (Map.Entry<String, String> option : context.options().entrySet()) {
            if (option.getKey().startsWith(MAPPING)) {
                String field = option.getKey().substring(MAPPING.length()).trim();
                if (!fields.contains(field)) {
                    unknown.add(option.getKey());
                } else if (!Read.has(header, option.getValue())) {
                    absent.add(option.getKey() + "=" + option.getValue());
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (String field : required) {
            if (context.option(MAPPING + field).isEmpty() && !Read.has(header, field)) {
                missing.add(field);
            }
        }
        List<String> problems = new ArrayList<>();
        if (!unknown.isEmpty()) {
            problems.add("unknown mapping " + String.join(", ", unknown) + " (generic " + kind + " has the fields "
                    + String.join(", ", fields) + ")");
        }
        if (!absent.isEmpty()) {
            problems.add("the mapping names columns the file does not have: " + String.join(", ", absent));
        }
        if (!missing.isEmpty()) {
            problems.add("no column for the required " + String.join(", ", missing) + "; set "
                    + missing.stream().map(f -> MAPPING + f + "=<header text>").collect(Collectors.joining(", ")));
        }
        if (!problems.isEmpty()) {
            throw new ImportRefused(context.fileName() + " cannot be read as generic " + kind + ": "
                    + String.join("; ", problems) + ". The header found is: " + String.join(", ", header));
        }
    }

    @Override
    public String group(ImportRow row, ImportContext context) {
        return groupField == null ? null : groupOf(row, context.option(MAPPING + groupField).orElse(groupField));
    }

    private static String groupOf(ImportRow row, String column) {
        String id = Cells.id(row.text(column));
        return id.isEmpty() ? null : id;
    }

    @Override
    public ParsedRow<R> parse(ImportRow row, ImportContext context) {
        try {
            return ParsedRow.accept(reader.apply(new Cols(row, context)));
        } catch (CellRefused bad) {
            return bad.rejection();
        }
    }

    @Override
    public WriteResult write(ImportBatch<R> batch) {
        return writer.apply(batch);
    }

    /** A row's cells by field name, through the mapping. */
    private static final class Cols {
        final ImportRow row;
        final ImportContext context;
        final Currency currency;

        Cols(ImportRow row, ImportContext context) {
            this.row = row;
            this.context = context;
            this.currency = Read.currency(context);
        }

        /** The column as the file's header names it. */
        String column(String field) {
            return Read.column(row.header(), context.option(MAPPING + field).map(String::trim).orElse(field));
        }

        String text(String field) {
            return row.text(column(field));
        }

        String required(String field) {
            return Read.required(column(field), text(field));
        }

        String orNull(String field) {
            return Read.orNull(text(field));
        }

        String id(String field) {
            return Read.required(column(field), Cells.id(text(field)));
        }

        String idOrNull(String field) {
            String id = Cells.id(text(field));
            return id.isEmpty() ? null : id;
        }

        long count(String field) {
            return Read.count(column(field), text(field));
        }

        long money(String field) {
            return Read.money(column(field), text(field), currency);
        }

        Long money(String field, Long otherwise) {
            return Read.money(column(field), text(field), currency, otherwise);
        }

        Instant instant(String field) {
            return Read.instant(column(field), text(field), context.shop().timeZone());
        }

        LocalDate date(String field) {
            return Read.date(column(field), text(field));
        }

        CellRefused bad(String field, String reason) {
            return new CellRefused(column(field), reason);
        }
    }

    private static OrderRow order(Cols c) {
        String orderId = c.id("order_id");
        Instant createdAt = c.instant("created_at");
        Instant paidAt = Read.instantOrNull(c.column("paid_at"), c.text("paid_at"), c.context.shop().timeZone());
        Order.Status status = Order.Status.PAID;
        String statusText = c.text("status");
        if (!statusText.isEmpty()) {
            try {
                status = Order.Status.valueOf(statusText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw c.bad("status", c.column("status") + " '" + statusText
                        + "' is not one of PLACED, PAID, SHIPPED, COMPLETED, CANCELLED, REFUNDED");
            }
        }
        long quantity = c.count("quantity");
        long unitPrice = c.money("unit_price");
        Long lineAmount = c.money("line_amount", null);
        long line = lineAmount != null ? lineAmount : Read.times(c.column("quantity"), quantity, unitPrice);
        return new OrderRow(orderId, c.idOrNull("customer"), createdAt, paidAt, status, c.money("order_amount", null),
                c.orNull("source"), c.text("sku"), c.text("title"), quantity, unitPrice, line,
                c.money("refunded", 0L), c.orNull("refund_reason"));
    }

    private static Product product(Cols c) {
        String sku = c.required("sku");
        String title = c.required("title");
        Integer stock = null;
        if (!c.text("stock").isEmpty()) {
            long n = c.count("stock");
            if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
                throw c.bad("stock", c.column("stock") + " " + n + " is too large");
            }
            stock = (int) n;
        }
        Product.Status status = Product.Status.LISTED;
        String statusText = Read.lower(c.text("status"));
        if (statusText.equals("delisted")) {
            status = Product.Status.DELISTED;
        } else if (!statusText.isEmpty() && !statusText.equals("listed")) {
            throw c.bad("status", c.column("status") + " '" + c.text("status") + "' is not listed or delisted");
        }
        return new Product(0, 0, sku, title, c.orNull("category"), c.money("price", null), c.money("cost", null), stock,
                status, Read.dateOrNull(c.column("listed_on"), c.text("listed_on")));
    }

    private static TrafficDay trafficDay(Cols c) {
        LocalDate day = c.date("day");
        String source = c.text("source").isEmpty() ? "all" : c.text("source");
        long uv = Read.nonNegativeCount(c.column("uv"), c.text("uv"));
        long pv = Read.nonNegativeCount(c.column("pv"), c.text("pv"));
        Double bounce = Read.rateOrNull(c.column("bounce_rate"), c.text("bounce_rate"));
        Double stay = Read.secondsOrNull(c.column("avg_stay_seconds"), c.text("avg_stay_seconds"));
        long buyers = Read.nonNegativeCount(c.column("buyers"), c.text("buyers"), 0);
        return new TrafficDay(0, day, source, uv, pv, bounce, stay, buyers, c.money("paid_amount", 0L));
    }

    private static BehaviourEvent event(Cols c) {
        String user = c.id("user_id");
        String item = c.id("item_id");
        String category = Cells.id(c.text("category_id"));
        String typeText = Read.lower(c.required("type"));
        BehaviourEvent.Type type = switch (typeText) {
            case "view", "pv" -> BehaviourEvent.Type.VIEW;
            case "favourite", "fav" -> BehaviourEvent.Type.FAVOURITE;
            case "cart" -> BehaviourEvent.Type.CART;
            case "buy" -> BehaviourEvent.Type.BUY;
            default -> throw c.bad("type", c.column("type") + " '" + c.text("type")
                    + "' is not one of view (pv), favourite (fav), cart, buy");
        };
        String at = c.required("at");
        Instant when;
        if (at.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            long seconds = at.length() > 12 ? Long.MAX_VALUE : Long.parseLong(at);
            if (seconds < UserBehaviorEvents.EARLIEST || seconds >= UserBehaviorEvents.LATEST) {
                throw c.bad("at", c.column("at") + " " + at + " is not Unix seconds between 2000 and 2100");
            }
            when = Instant.ofEpochSecond(seconds);
        } else {
            when = c.instant("at");
        }
        return new BehaviourEvent(0, user, item, category, type, when);
    }

    private static ReviewRow review(Cols c) {
        String sku = c.required("sku");
        long rating = c.count("rating");
        if (rating < 1 || rating > 5) {
            throw c.bad("rating", c.column("rating") + " " + rating + " is not between 1 and 5");
        }
        return new ReviewRow(c.idOrNull("review_id"), sku, (int) rating, c.text("text"), c.date("day"));
    }

    private static RefundRow refund(Cols c) {
        String orderId = c.id("order_id");
        return new RefundRow(c.idOrNull("refund_id"), orderId, c.instant("at"), c.money("amount"), c.orNull("reason"));
    }

    /** Target metrics whose value is money (minor units). */
    static final Set<String> MONEY_METRICS = Set.of("sales", "aov");
    /** Target metrics whose value is a count. */
    static final Set<String> COUNT_METRICS = Set.of("uv", "pv", "orders", "buyers");

    private static Target target(Cols c) {
        LocalDate from = c.date("from");
        LocalDate to = c.date("to");
        if (to.isBefore(from)) {
            throw c.bad("to", c.column("to") + " " + to + " is before " + c.column("from") + " " + from);
        }
        String metric = c.required("metric");
        double value;
        if (MONEY_METRICS.contains(metric)) {
            value = c.money("value");
        } else if (COUNT_METRICS.contains(metric)) {
            value = c.count("value");
        } else if (metric.endsWith("Rate") && metric.length() > 4) {
            try {
                value = Cells.fraction(c.required("value"));
            } catch (IllegalArgumentException e) {
                throw c.bad("value", c.column("value") + " " + e.getMessage());
            }
        } else {
            throw c.bad("metric", c.column("metric") + " '" + metric + "' is not a known metric (sales, aov, uv, pv, "
                    + "orders, buyers, or a rate such as conversionRate)");
        }
        return new Target(0, from, to, metric, value);
    }
}
