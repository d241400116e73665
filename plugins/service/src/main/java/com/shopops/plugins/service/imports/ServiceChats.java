package com.shopops.plugins.service.imports;

import com.shopops.api.CellRefused;
import com.shopops.api.Cells;
import com.shopops.api.ImportCells;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportFormat;
import com.shopops.api.ImportRow;
import com.shopops.api.ParsedRow;
import com.shopops.plugins.service.ServiceStore;
import com.shopops.plugins.service.analysis.Chat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Chats as the customer-service back office (千牛/旺旺 接待明细, or any help desk) exports them, one row per
 * chat (kind {@code service}, format {@code service-chats}), Chinese or English headers:
 * 日期/Date, 客服/Agent, 客户/Customer, 开始时间/Start time (a time of the day, or a date and time),
 * 首次响应(秒)/First response (s) (seconds, or mm:ss / hh:mm:ss), 消息数/Messages, optional
 * 订单编号/Order ID (the order the inquiry became), optional 类型/Type (售前/inquiry, the default, or
 * 售后/after-sales), optional 跟进/Follow-up (是/否, yes/no).
 *
 * <p>A chat is known by its agent, customer and start: imported again it replaces its row. Rejected with
 * the column: a bad or missing day (2000 to 2100), an empty agent or customer, a bad start time or one on
 * another day than the row's, a negative or unreadable figure, a first response over a day, an unknown
 * type or yes/no. An order id on an after-sales chat is kept but counts in no conversion.
 */
@Extension
public final class ServiceChats implements ImportFormat<Chat> {

    static final String[] DAY = {"日期", "Date", "Day"};
    static final String[] AGENT = {"客服", "客服昵称", "客服账号", "旺旺", "Agent"};
    static final String[] CUSTOMER = {"客户", "买家", "买家昵称", "客户ID", "顾客", "Customer", "Customer ID"};
    static final String[] START = {"开始时间", "接待时间", "咨询时间", "Start time", "Started", "Start"};
    static final String[] RESPONSE = {"首次响应(秒)", "首次响应（秒）", "首次响应时长", "首响时长", "首次响应", "First response (s)",
            "First response", "First response seconds"};
    static final String[] MESSAGES = {"消息数", "客服消息数", "回复数", "Messages"};
    static final String[] ORDER = {"订单编号", "订单号", "下单订单号", "Order ID", "Order"};
    static final String[] TYPE = {"类型", "咨询类型", "Type"};
    static final String[] FOLLOW_UP = {"跟进", "是否跟进", "跟单", "Follow-up", "Followed up"};
    static final long MAX_RESPONSE = 86_400;
    static final long MAX_MESSAGES = 100_000;
    /** A time of day as reports write it: 9:30, 09:30:05. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm[:ss]", Locale.ROOT);
    private static final Set<String> INQUIRY = Set.of("售前", "询单", "inquiry", "pre-sales", "presales");
    private static final Set<String> AFTER_SALES = Set.of("售后", "after-sales", "aftersales", "after sales", "service");

    @Override
    public String kind() {
        return "service";
    }

    @Override
    public String name() {
        return "service-chats";
    }

    @Override
    public String describe() {
        return "one row per chat: 日期/Date, 客服/Agent, 客户/Customer, 开始时间/Start time, 首次响应(秒)/First response (s), "
                + "消息数/Messages, optional 订单编号/Order ID, 类型/Type (售前/售后), 跟进/Follow-up (是/否)";
    }

    @Override
    public boolean recognises(List<String> header) {
        return ImportCells.has(header, DAY) && ImportCells.has(header, AGENT) && ImportCells.has(header, CUSTOMER)
                && ImportCells.has(header, START) && ImportCells.has(header, RESPONSE);
    }

    @Override
    public ParsedRow<Chat> parse(ImportRow row, ImportContext context) {
        ServiceCells cells = new ServiceCells(row, Currency.getInstance(context.shop().currency()));
        try {
            LocalDate day = cells.day(DAY);
            String agent = cells.name(true, AGENT);
            String customer = cells.name(true, CUSTOMER);
            LocalDateTime start = start(cells, day);
            long response = response(cells);
            long messages = cells.count(MAX_MESSAGES, MESSAGES);
            boolean inquiry = inquiry(cells);
            String order = order(cells);
            return ParsedRow.accept(new Chat(day, agent, customer, start, response, messages, inquiry, order, cells.yesNo(FOLLOW_UP)));
        } catch (CellRefused bad) {
            return bad.rejection();
        }
    }

    /** The start: a time of the row's day, or a date and time on that day; whole seconds. */
    private static LocalDateTime start(ServiceCells cells, LocalDate day) {
        String t = cells.row().text(START);
        if (ImportCells.nothing(t)) {
            throw cells.refused("is empty", START);
        }
        LocalDateTime at;
        try {
            at = day.atTime(LocalTime.parse(t, TIME));
        } catch (DateTimeParseException notATime) {
            try {
                at = Cells.localDateTime(t);
            } catch (IllegalArgumentException e) {
                throw cells.refused(t + " is not a time (e.g. 09:30:05 or " + day + " 09:30:05)", START);
            }
            if (!at.toLocalDate().equals(day)) {
                throw cells.refused(t + " is not on " + day, START);
            }
        }
        return at.withNano(0);
    }

    private static long response(ServiceCells cells) {
        String t = cells.row().text(RESPONSE);
        if (ImportCells.nothing(t)) {
            throw cells.refused("is empty", RESPONSE);
        }
        double s;
        try {
            s = Cells.seconds(t);
        } catch (IllegalArgumentException e) {
            throw cells.refused(t + " is not a number of seconds", RESPONSE);
        }
        if (!(s >= 0) || s > MAX_RESPONSE) {
            throw cells.refused(t + " is not from 0 to " + MAX_RESPONSE + " seconds", RESPONSE);
        }
        return Math.round(s);
    }

    private static boolean inquiry(ServiceCells cells) {
        String t = cells.row().text(TYPE);
        if (ImportCells.nothing(t)) {
            return true;
        }
        String k = t.toLowerCase(Locale.ROOT);
        if (INQUIRY.contains(k)) {
            return true;
        }
        if (AFTER_SALES.contains(k)) {
            return false;
        }
        throw cells.refused(t + " is not 售前/inquiry or 售后/after-sales", TYPE);
    }

    private static String order(ServiceCells cells) {
        String t = Cells.id(cells.row().text(ORDER));
        if (ImportCells.nothing(t)) {
            return null;
        }
        if (t.length() > 64 || !t.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '#')) {
            throw cells.refused(t + " is not an order number", ORDER);
        }
        return t;
    }

    @Override
    public WriteResult write(ImportBatch<Chat> batch) {
        return ServiceStore.writeChats(batch.handle(), batch.shop().id(), batch.records());
    }
}
