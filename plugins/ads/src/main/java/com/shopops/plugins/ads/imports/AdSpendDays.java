package com.shopops.plugins.ads.imports;

import com.shopops.api.CellRefused;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportFormat;
import com.shopops.api.ImportRow;
import com.shopops.api.ParsedRow;
import com.shopops.plugins.ads.ReportWriter;
import com.shopops.plugins.ads.SpendDay;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Ad spend besides keywords, one row per day, kind and campaign or channel, with Chinese or English
 * headers: 日期/Date, 类型/Kind, 名称/Name, 展现量/Impressions, 点击量/Clicks, 花费/Cost, 成交笔数/Orders,
 * 成交金额/GMV. The kind is {@code display} (also CPM, 钻展, 钻石展位, 引力魔方, 超级推荐, 展示广告) or
 * {@code affiliate} (also CPS, 淘宝客, 淘客, 联盟). Affiliates often report no impressions: then clicks are
 * not checked against them. "-" and empty figures are 0. Rejected: a bad date (or one outside 2000 to 2100), an unknown kind, a
 * negative number, more clicks than (reported) impressions, bad money.
 */
@Extension
public final class AdSpendDays implements ImportFormat<SpendDay> {

    static final String[] DAY = {"日期", "统计日期", "Date", "Day"};
    static final String[] KIND = {"类型", "推广类型", "Kind", "Type"};
    static final String[] NAME = {"名称", "计划名称", "推广计划名称", "渠道", "Name", "Campaign", "Channel"};
    static final String[] IMPRESSIONS = {"展现量", "Impressions", "Impr."};
    static final String[] CLICKS = {"点击量", "Clicks"};
    static final String[] COST = {"花费", "Cost"};
    static final String[] ORDERS = {"成交笔数", "Orders"};
    static final String[] GMV = {"成交金额", "GMV"};

    private static final Map<String, SpendDay.Kind> KINDS = Map.ofEntries(
            Map.entry("display", SpendDay.Kind.DISPLAY), Map.entry("cpm", SpendDay.Kind.DISPLAY),
            Map.entry("钻展", SpendDay.Kind.DISPLAY), Map.entry("钻石展位", SpendDay.Kind.DISPLAY),
            Map.entry("引力魔方", SpendDay.Kind.DISPLAY), Map.entry("超级推荐", SpendDay.Kind.DISPLAY),
            Map.entry("展示广告", SpendDay.Kind.DISPLAY), Map.entry("展示", SpendDay.Kind.DISPLAY),
            Map.entry("affiliate", SpendDay.Kind.AFFILIATE), Map.entry("cps", SpendDay.Kind.AFFILIATE),
            Map.entry("淘宝客", SpendDay.Kind.AFFILIATE), Map.entry("淘客", SpendDay.Kind.AFFILIATE),
            Map.entry("联盟", SpendDay.Kind.AFFILIATE));

    @Override
    public String kind() {
        return "ads";
    }

    @Override
    public String name() {
        return "ad-spend";
    }

    @Override
    public String describe() {
        return "display and affiliate spend by day: 日期/Date, 类型/Kind (display/钻展 or affiliate/淘宝客), 名称/Name, "
                + "展现量/Impressions, 点击量/Clicks, 花费/Cost, 成交笔数/Orders, 成交金额/GMV";
    }

    @Override
    public boolean recognises(List<String> header) {
        return ReportCells.has(header, DAY) && ReportCells.has(header, KIND) && ReportCells.has(header, NAME)
                && ReportCells.has(header, COST) && !ReportCells.has(header, TaobaoColumns.KEYWORD)
                && !ReportCells.has(header, GoogleColumns.KEYWORD);
    }

    @Override
    public ParsedRow<SpendDay> parse(ImportRow row, ImportContext context) {
        ReportCells cells = new ReportCells(row, context);
        if (cells.isTotal(DAY)) {
            return ParsedRow.skip("a total line");
        }
        try {
            String kindText = cells.text(KIND);
            SpendDay.Kind kind = KINDS.get(kindText.toLowerCase(Locale.ROOT));
            if (kind == null) {
                throw new CellRefused(cells.name(KIND), cells.name(KIND) + " '" + kindText
                        + "' is neither display (钻展, CPM) nor affiliate (淘宝客, CPS)");
            }
            long impressions = cells.count(IMPRESSIONS);
            long clicks = cells.count(CLICKS);
            if (impressions > 0) {
                cells.clicksWithinImpressions(clicks, impressions, CLICKS, IMPRESSIONS);
            }
            return ParsedRow.accept(new SpendDay(cells.day(DAY), kind, cells.text(NAME), impressions, clicks, cells.money(COST),
                    cells.count(ORDERS), cells.money(GMV)));
        } catch (CellRefused bad) {
            return bad.rejection();
        }
    }

    @Override
    public WriteResult write(ImportBatch<SpendDay> batch) {
        return new ReportWriter(batch.handle(), batch.shop().id()).spend(batch.records());
    }
}
