package com.shopops.plugins.activities.imports;

import com.shopops.api.CellRefused;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportFormat;
import com.shopops.api.ImportRow;
import com.shopops.api.ParsedRow;
import com.shopops.plugins.activities.CampaignResult;
import com.shopops.plugins.activities.CampaignStore;
import java.util.List;
import org.pf4j.Extension;

/**
 * A campaign's results as the platform reports them per day (kind {@code activities}, format
 * {@code campaign-results}), Chinese or English headers: 日期/Date, 活动名称/Campaign, 访客数/UV,
 * 曝光量/Impressions, 点击量/Clicks, 成交笔数/Orders, 成交金额/GMV. Kept by the campaign's name as written;
 * a day imported again replaces its row, so importing the same file twice changes nothing. "-" and empty
 * figures are 0. Rejected with the column: a bad date (or one outside 2000 to 2100), an empty campaign, a
 * negative number, bad money, more clicks than impressions (when impressions are reported). Total lines
 * (合计, Total) are skipped.
 */
@Extension
public final class CampaignResults implements ImportFormat<CampaignResult> {

    static final String[] DAY = {"日期", "统计日期", "Date", "Day"};
    static final String[] CAMPAIGN = {"活动名称", "活动", "Campaign", "Name"};
    static final String[] UV = {"访客数", "UV", "Visitors"};
    static final String[] IMPRESSIONS = {"曝光量", "展现量", "Impressions"};
    static final String[] CLICKS = {"点击量", "点击数", "Clicks"};
    static final String[] ORDERS = {"成交笔数", "订单数", "Orders"};
    static final String[] GMV = {"成交金额", "GMV"};

    @Override
    public String kind() {
        return "activities";
    }

    @Override
    public String name() {
        return "campaign-results";
    }

    @Override
    public String describe() {
        return "campaign results by day: 日期/Date, 活动名称/Campaign, 访客数/UV, 曝光量/Impressions, 点击量/Clicks, "
                + "成交笔数/Orders, 成交金额/GMV";
    }

    @Override
    public boolean recognises(List<String> header) {
        return RowCells.has(header, DAY) && RowCells.has(header, CAMPAIGN) && RowCells.has(header, UV)
                && RowCells.has(header, GMV) && !RowCells.has(header, CampaignList.FROM);
    }

    @Override
    public ParsedRow<CampaignResult> parse(ImportRow row, ImportContext context) {
        RowCells cells = new RowCells(row, context);
        if (cells.isTotal()) {
            return ParsedRow.skip("a total line");
        }
        try {
            var day = cells.day(DAY);
            String campaign = cells.text(CAMPAIGN);
            long uv = cells.count(UV);
            long impressions = cells.count(IMPRESSIONS);
            long clicks = cells.count(CLICKS);
            if (impressions > 0 && clicks > impressions) {
                throw new CellRefused(cells.name(CLICKS), cells.name(CLICKS) + " " + clicks + " is more than "
                        + cells.name(IMPRESSIONS) + " " + impressions);
            }
            long orders = cells.count(ORDERS);
            Long gmv = cells.optionalMoney(GMV);
            return ParsedRow.accept(new CampaignResult(campaign, day, uv, impressions, clicks, orders, gmv == null ? 0 : gmv));
        } catch (CellRefused bad) {
            return bad.rejection();
        }
    }

    @Override
    public WriteResult write(ImportBatch<CampaignResult> batch) {
        return CampaignStore.writeResults(batch.handle(), batch.shop().id(), batch.records());
    }
}
