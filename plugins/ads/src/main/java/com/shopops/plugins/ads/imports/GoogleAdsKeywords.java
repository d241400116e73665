package com.shopops.plugins.ads.imports;

import static com.shopops.plugins.ads.imports.GoogleColumns.*;

import com.shopops.api.CellRefused;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportFormat;
import com.shopops.api.ImportRow;
import com.shopops.api.ParsedRow;
import com.shopops.plugins.ads.KeywordDay;
import com.shopops.plugins.ads.ReportWriter;
import java.util.List;
import org.pf4j.Extension;

/**
 * A Google Ads keyword report segmented by day: Day, Campaign, Ad group, Keyword, Impr., Clicks, Cost,
 * Conversions, Conv. value, and optionally Avg. position, Quality Score, Max. CPC, Currency code. The
 * keyword is kept as Google writes it ({@code [exact]}, {@code "phrase"}, broad), so one text in two
 * match types stays two keywords; the report names no product (""), the ad group stands for it.
 * Conversions with decimals (data-driven attribution) are rounded half up to whole orders. "--" and
 * empty cells are 0 or unknown; "Total: …" lines are skipped. Rejected: a bad date (or one outside 2000 to
 * 2100), a negative or too large number, more clicks than impressions, bad money, a quality score outside
 * 1–10, another currency than the shop's.
 */
@Extension
public final class GoogleAdsKeywords implements ImportFormat<KeywordDay> {

    @Override
    public String kind() {
        return "ads";
    }

    @Override
    public String name() {
        return "google-ads-keywords";
    }

    @Override
    public String describe() {
        return "Google Ads keyword report by day: Day, Campaign, Ad group, Keyword, " + DESCRIBE_FIGURES
                + ", optionally Avg. position, Quality Score, Max. CPC";
    }

    @Override
    public boolean recognises(List<String> header) {
        return GoogleColumns.recognises(header, false);
    }

    @Override
    public ParsedRow<KeywordDay> parse(ImportRow row, ImportContext context) {
        ReportCells cells = new ReportCells(row, context);
        if (cells.isTotal(DAY)) {
            return ParsedRow.skip("a total line");
        }
        try {
            cells.currency(CURRENCY);
            long impressions = cells.count(IMPRESSIONS);
            long clicks = cells.count(CLICKS);
            cells.clicksWithinImpressions(clicks, impressions, CLICKS, IMPRESSIONS);
            return ParsedRow.accept(new KeywordDay(cells.day(DAY), cells.text(CAMPAIGN), cells.text(AD_GROUP), "",
                    cells.text(KEYWORD), impressions, clicks, cells.money(COST), cells.roundedCount(CONVERSIONS),
                    cells.money(VALUE), cells.optionalNumber(POSITION), cells.optionalQualityScore(QUALITY),
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
