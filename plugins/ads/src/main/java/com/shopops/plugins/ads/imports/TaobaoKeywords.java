package com.shopops.plugins.ads.imports;

import static com.shopops.plugins.ads.imports.TaobaoColumns.*;

import com.shopops.api.CellRefused;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportFormat;
import com.shopops.api.ImportRow;
import com.shopops.api.ParsedRow;
import com.shopops.plugins.ads.KeywordDay;
import com.shopops.plugins.ads.ReportWriter;
import java.util.List;
import java.util.Objects;
import org.pf4j.Extension;

/**
 * The Taobao pay-per-click (直通车) keyword report as the back office exports it, one row per day,
 * campaign, ad group (product) and keyword: 日期, 推广计划名称, 推广单元名称 or 宝贝名称, 商家编码/商品ID/宝贝ID
 * (optional), 关键词, 展现量, 点击量, 花费 in yuan with decimals, 总成交笔数/总成交金额 (or direct and
 * indirect apart), 平均展现排名, 质量分, 出价 (optional). Derived columns (点击率, 平均点击花费, 投入产出比)
 * are not stored. "-" and empty cells are 0 (counts, money) or unknown (rank, quality score, bid);
 * total lines (合计) are skipped. Rejected: a bad date (or one outside 2000 to 2100), a negative or too
 * large number (direct and indirect adding up past a figure too), more clicks than impressions, bad money
 * (more decimals than fen), a quality score outside 1–10.
 */
@Extension
public final class TaobaoKeywords implements ImportFormat<KeywordDay> {

    @Override
    public String kind() {
        return "ads";
    }

    @Override
    public String name() {
        return "taobao-keywords";
    }

    @Override
    public String describe() {
        return "直通车 keyword report: " + DESCRIBE_COMMON + "关键词, " + DESCRIBE_FIGURES + ", 平均展现排名, 质量分, 出价";
    }

    @Override
    public boolean recognises(List<String> header) {
        return TaobaoColumns.recognises(header, false);
    }

    @Override
    public ParsedRow<KeywordDay> parse(ImportRow row, ImportContext context) {
        ReportCells cells = new ReportCells(row, context);
        if (cells.isTotal(DAY)) {
            return ParsedRow.skip("a total line");
        }
        try {
            String product = Objects.requireNonNullElse(cells.optionalText(PRODUCT), "");
            String adGroup = Objects.requireNonNullElse(cells.optionalText(AD_GROUP), product);
            long impressions = cells.count(IMPRESSIONS);
            long clicks = cells.count(CLICKS);
            cells.clicksWithinImpressions(clicks, impressions, CLICKS, IMPRESSIONS);
            return ParsedRow.accept(new KeywordDay(cells.day(DAY), cells.text(CAMPAIGN), adGroup,
                    product, cells.text(KEYWORD), impressions, clicks, cells.money(COST), TaobaoColumns.orders(cells),
                    TaobaoColumns.gmv(cells), cells.optionalNumber(RANK), cells.optionalQualityScore(QUALITY),
                    cells.optionalMoney(BID)));
        } catch (CellRefused bad) {
            return bad.rejection();
        }
    }

    @Override
    public WriteResult write(ImportBatch<KeywordDay> batch) {
        return new ReportWriter(batch.handle(), batch.shop().id()).keywords(batch.records());
    }
}
