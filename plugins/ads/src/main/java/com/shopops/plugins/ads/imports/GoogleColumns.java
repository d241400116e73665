package com.shopops.plugins.ads.imports;

import java.util.List;

/**
 * The column names of Google Ads' keyword and search-term reports (English interface), with the
 * variants of its older and newer exports. Google puts a title line or two (the report's name, the
 * date range) above the header; the host skips them while it looks for the header.
 */
final class GoogleColumns {

    private GoogleColumns() {
    }

    static final String[] DAY = {"Day", "Date"};
    static final String[] CAMPAIGN = {"Campaign"};
    static final String[] AD_GROUP = {"Ad group"};
    static final String[] KEYWORD = {"Keyword", "Search keyword"};
    static final String[] SEARCH_TERM = {"Search term"};
    static final String[] IMPRESSIONS = {"Impr.", "Impressions"};
    static final String[] CLICKS = {"Clicks"};
    static final String[] COST = {"Cost"};
    static final String[] CONVERSIONS = {"Conversions", "Conv."};
    static final String[] VALUE = {"Conv. value", "Conversion value", "Total conv. value"};
    static final String[] POSITION = {"Avg. position", "Avg. pos."};
    static final String[] QUALITY = {"Quality Score", "Qual. score"};
    static final String[] BID = {"Max. CPC", "Default max. CPC", "Max CPC"};
    static final String[] CURRENCY = {"Currency code", "Currency"};

    /** Whether a header is a Google Ads report of keywords (or of search terms when {@code searchTerms}). */
    static boolean recognises(List<String> header, boolean searchTerms) {
        return ReportCells.has(header, DAY) && ReportCells.has(header, CAMPAIGN) && ReportCells.has(header, AD_GROUP)
                && ReportCells.has(header, KEYWORD) && ReportCells.has(header, IMPRESSIONS)
                && ReportCells.has(header, CLICKS) && ReportCells.has(header, COST)
                && ReportCells.has(header, SEARCH_TERM) == searchTerms;
    }

    static final String DESCRIBE_FIGURES = "Impr., Clicks, Cost, Conversions, Conv. value (a title line or two above the header are fine)";
}
