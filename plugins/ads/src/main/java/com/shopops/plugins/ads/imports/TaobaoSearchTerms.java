package com.shopops.plugins.ads.imports;

import static com.shopops.plugins.ads.imports.TaobaoColumns.*;

import com.shopops.api.CellRefused;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportFormat;
import com.shopops.api.ImportRow;
import com.shopops.api.ParsedRow;
import com.shopops.plugins.ads.ReportWriter;
import com.shopops.plugins.ads.SearchTermDay;
import java.util.List;
import java.util.Objects;
import org.pf4j.Extension;

/**
 * The Taobao pay-per-click (直通车) search-term report: the keyword report's columns plus 搜索词 (or
 * 用户搜索词), one row per day, campaign, ad group, keyword and search term. Same reading and
 * rejections as {@link TaobaoKeywords}; rank, quality score and bid are not part of it.
 */
@Extension
public final class TaobaoSearchTerms implements ImportFormat<SearchTermDay> {

    @Override
    public String kind() {
        return "ads";
    }

    @Override
    public String name() {
        return "taobao-search-terms";
    }

    @Override
    public String describe() {
        return "直通车 search-term report: " + DESCRIBE_COMMON + "关键词, 搜索词, " + DESCRIBE_FIGURES;
    }

    @Override
    public boolean recognises(List<String> header) {
        return TaobaoColumns.recognises(header, true);
    }

    @Override
    public ParsedRow<SearchTermDay> parse(ImportRow row, ImportContext context) {
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
            return ParsedRow.accept(new SearchTermDay(cells.day(DAY), cells.text(CAMPAIGN), adGroup,
                    product, cells.text(KEYWORD), cells.text(SEARCH_TERM), impressions, clicks, cells.money(COST),
                    TaobaoColumns.orders(cells), TaobaoColumns.gmv(cells)));
        } catch (CellRefused bad) {
            return bad.rejection();
        }
    }

    @Override
    public WriteResult write(ImportBatch<SearchTermDay> batch) {
        return new ReportWriter(batch.handle(), batch.shop().id()).searchTerms(batch.records());
    }
}
