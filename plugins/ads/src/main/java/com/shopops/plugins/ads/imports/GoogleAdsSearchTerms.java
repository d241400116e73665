package com.shopops.plugins.ads.imports;

import static com.shopops.plugins.ads.imports.GoogleColumns.*;

import com.shopops.api.CellRefused;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportFormat;
import com.shopops.api.ImportRow;
import com.shopops.api.ParsedRow;
import com.shopops.plugins.ads.ReportWriter;
import com.shopops.plugins.ads.SearchTermDay;
import java.util.List;
import org.pf4j.Extension;

/**
 * A Google Ads search terms report segmented by day: Search term, Day, Campaign, Ad group, Keyword
 * (the keyword that matched, as Google writes it), Impr., Clicks, Cost, Conversions, Conv. value.
 * Match type and Added/Excluded are not stored. Same reading and rejections as {@link GoogleAdsKeywords}.
 */
@Extension
public final class GoogleAdsSearchTerms implements ImportFormat<SearchTermDay> {

    @Override
    public String kind() {
        return "ads";
    }

    @Override
    public String name() {
        return "google-ads-search-terms";
    }

    @Override
    public String describe() {
        return "Google Ads search terms report by day: Search term, Day, Campaign, Ad group, Keyword, " + DESCRIBE_FIGURES;
    }

    @Override
    public boolean recognises(List<String> header) {
        return GoogleColumns.recognises(header, true);
    }

    @Override
    public ParsedRow<SearchTermDay> parse(ImportRow row, ImportContext context) {
        ReportCells cells = new ReportCells(row, context);
        if (cells.isTotal(DAY)) {
            return ParsedRow.skip("a total line");
        }
        try {
            cells.currency(CURRENCY);
            long impressions = cells.count(IMPRESSIONS);
            long clicks = cells.count(CLICKS);
            cells.clicksWithinImpressions(clicks, impressions, CLICKS, IMPRESSIONS);
            return ParsedRow.accept(new SearchTermDay(cells.day(DAY), cells.text(CAMPAIGN), cells.text(AD_GROUP), "",
                    cells.text(KEYWORD), cells.text(SEARCH_TERM), impressions, clicks, cells.money(COST),
                    cells.roundedCount(CONVERSIONS), cells.money(VALUE)));
        } catch (CellRefused bad) {
            return bad.rejection();
        }
    }

    @Override
    public WriteResult write(ImportBatch<SearchTermDay> batch) {
        return new ReportWriter(batch.handle(), batch.shop().id()).searchTerms(batch.records());
    }
}
