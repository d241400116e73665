package com.shopops.plugins.ads.imports;

import java.util.List;

/**
 * The column names of the Taobao pay-per-click (直通车) reports, with the variants its back office and
 * its older versions write. Rows have either total orders (总成交…, including indirect ones) or direct and
 * indirect orders apart; the formats take the total when there is one.
 */
final class TaobaoColumns {

    private TaobaoColumns() {
    }

    static final String[] DAY = {"日期", "统计日期", "时间"};
    static final String[] CAMPAIGN = {"推广计划名称", "计划名称", "推广计划"};
    static final String[] AD_GROUP = {"推广单元名称", "单元名称", "推广单元", "宝贝名称", "商品名称"};
    static final String[] PRODUCT = {"商家编码", "商品ID", "宝贝ID", "商品编号"};
    static final String[] KEYWORD = {"关键词", "关键词名称", "关键字"};
    static final String[] SEARCH_TERM = {"搜索词", "用户搜索词", "买家搜索词"};
    static final String[] IMPRESSIONS = {"展现量", "展现数"};
    static final String[] CLICKS = {"点击量", "点击数"};
    static final String[] COST = {"花费", "总花费", "消耗"};
    static final String[] TOTAL_ORDERS = {"总成交笔数", "成交笔数"};
    static final String[] DIRECT_ORDERS = {"直接成交笔数"};
    static final String[] INDIRECT_ORDERS = {"间接成交笔数"};
    static final String[] TOTAL_GMV = {"总成交金额", "成交金额"};
    static final String[] DIRECT_GMV = {"直接成交金额"};
    static final String[] INDIRECT_GMV = {"间接成交金额"};
    static final String[] RANK = {"平均展现排名", "平均排名"};
    static final String[] QUALITY = {"质量分", "质量得分"};
    static final String[] BID = {"出价", "关键词出价", "移动出价", "默认出价"};

    /** Whether a header is a 直通车 report of keywords (or of search terms when {@code searchTerms}). */
    static boolean recognises(List<String> header, boolean searchTerms) {
        return ReportCells.has(header, DAY) && ReportCells.has(header, CAMPAIGN) && ReportCells.has(header, KEYWORD)
                && ReportCells.has(header, IMPRESSIONS) && ReportCells.has(header, CLICKS) && ReportCells.has(header, COST)
                && ReportCells.has(header, SEARCH_TERM) == searchTerms;
    }

    /** The row's orders: the total, or direct plus indirect, or direct alone. */
    static long orders(ReportCells cells) {
        if (cells.has(TOTAL_ORDERS) || !cells.has(DIRECT_ORDERS)) {
            return cells.count(TOTAL_ORDERS);
        }
        return cells.sum(cells.count(DIRECT_ORDERS), cells.count(INDIRECT_ORDERS), DIRECT_ORDERS);
    }

    /** The row's GMV, the same way as {@link #orders}. */
    static long gmv(ReportCells cells) {
        if (cells.has(TOTAL_GMV) || !cells.has(DIRECT_GMV)) {
            return cells.money(TOTAL_GMV);
        }
        return cells.sum(cells.money(DIRECT_GMV), cells.money(INDIRECT_GMV), DIRECT_GMV);
    }

    static final String DESCRIBE_COMMON = "日期, 推广计划名称, 推广单元名称 (or 宝贝名称), optionally 商家编码/商品ID/宝贝ID, ";
    static final String DESCRIBE_FIGURES = "展现量, 点击量, 花费 (yuan), 总成交笔数 and 总成交金额 (or 直接/间接成交笔数 and …金额)";
}
