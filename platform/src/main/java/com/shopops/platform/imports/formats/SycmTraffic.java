package com.shopops.platform.imports.formats;

import com.shopops.api.CellRefused;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportFormat;
import com.shopops.api.ImportRow;
import com.shopops.api.ParsedRow;
import com.shopops.api.domain.TrafficDay;
import java.time.LocalDate;
import java.util.List;

/**
 * The daily shop traffic report of Business Advisor (生意参谋, SYCM): 统计日期, 访客数, 浏览量, 跳失率,
 * 人均浏览量, 平均停留时长, 支付买家数, 支付金额, 支付转化率, 客单价, optionally split by source (流量来源 or
 * 来源名称). The export's preamble lines (e.g. {@code 统计时间：2024-05-01~2024-05-07}) are the engine's
 * business: the format recognises the header row, which has 统计日期, 访客数 and 浏览量.
 *
 * <p>Rules: one row is one day ({@code 2024-05-01} or {@code 20240501}) of one source, or of source
 * {@code all} when the report has no source column. Counts (访客数, 浏览量, 支付买家数) must not be
 * negative; 跳失率 ({@code 45.23%} or {@code 0.4523}) must lie between 0 and 1; 平均停留时长 in seconds or
 * {@code 00:01:05}; 支付金额 in the shop's currency. Missing 支付买家数 / 支付金额 count as 0, missing rates as
 * unknown. Derived columns (人均浏览量, 支付转化率, 客单价) are not stored.
 */
public final class SycmTraffic implements ImportFormat<TrafficDay> {

    static final String DAY = "统计日期";
    static final String UV = "访客数";
    static final String PV = "浏览量";
    static final String BOUNCE = "跳失率";
    static final String STAY = "平均停留时长";
    static final String BUYERS = "支付买家数";
    static final String AMOUNT = "支付金额";
    static final String[] SOURCE = {"流量来源", "来源名称"};

    @Override
    public String kind() {
        return "traffic";
    }

    @Override
    public String name() {
        return "sycm-traffic";
    }

    @Override
    public String describe() {
        return "生意参谋 (Business Advisor) shop traffic report: header with 统计日期, 访客数, 浏览量 (and 跳失率, 平均停留时长, "
                + "支付买家数, 支付金额, optionally 流量来源 or 来源名称), one row per day (and source)";
    }

    @Override
    public boolean recognises(List<String> header) {
        return Read.has(header, DAY) && Read.has(header, UV) && Read.has(header, PV);
    }

    @Override
    public ParsedRow<TrafficDay> parse(ImportRow row, ImportContext context) {
        try {
            return ParsedRow.accept(read(row, context));
        } catch (CellRefused bad) {
            return bad.rejection();
        }
    }

    private TrafficDay read(ImportRow row, ImportContext context) {
        LocalDate day = Read.date(DAY, row.text(DAY));
        String source = "all";
        if (Read.hasAny(row.header(), SOURCE)) {
            source = Read.required(Read.column(row.header(), SOURCE), row.text(SOURCE));
        }
        long uv = Read.nonNegativeCount(UV, row.text(UV));
        long pv = Read.nonNegativeCount(PV, row.text(PV));
        Double bounce = Read.rateOrNull(BOUNCE, row.text(BOUNCE));
        Double stay = Read.secondsOrNull(STAY, row.text(STAY));
        long buyers = Read.nonNegativeCount(BUYERS, row.text(BUYERS), 0);
        long amount = Read.money(AMOUNT, row.text(AMOUNT), Read.currency(context), 0L);
        return new TrafficDay(0, day, source, uv, pv, bounce, stay, buyers, amount);
    }

    @Override
    public WriteResult write(ImportBatch<TrafficDay> batch) {
        return batch.core().traffic(batch.records());
    }
}
