package com.shopops.plugins.activities.imports;

import com.shopops.api.CellRefused;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportFormat;
import com.shopops.api.ImportRow;
import com.shopops.api.ParsedRow;
import com.shopops.plugins.activities.CampaignCheck;
import com.shopops.plugins.activities.CampaignStore;
import com.shopops.plugins.activities.CampaignStore.ListedProduct;
import com.shopops.plugins.activities.analysis.Campaign;
import com.shopops.plugins.activities.analysis.CampaignProduct;
import com.shopops.plugins.activities.analysis.CampaignStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pf4j.Extension;

/**
 * A list of campaigns (kind {@code activities}, format {@code campaign-list}), one row per campaign
 * product, the rows of one campaign together, with Chinese or English headers: 活动名称/Name, 类型/Kind
 * (平台/platform or 自营/own; without it a campaign is the platform's unless its channel is 自营/own),
 * 渠道/Channel, 报名截止/Registration deadline, 审核日/Review, 开始/Live from, 结束/Live to, 目标金额/Goal GMV,
 * 目标件数/Goal units, 商品编码/SKU, 分配库存/Allocated, 活动价/Price. Money in the shop's currency
 * ({@code 39.90}). A campaign is found again by its name and first live day: importing again updates its
 * fields and products and keeps its status, history and notes; new campaigns start planned. Rejected with
 * the column: a bad or missing date (or one outside 2000 to 2100), dates out of order (deadline ≤ live from ≤ live to, review ≤ live
 * from), an unknown kind, a negative number, bad money, a product without allocated stock — and then the
 * other rows of the same campaign too.
 */
@Extension
public final class CampaignList implements ImportFormat<ListedProduct> {

    static final String[] NAME = {"活动名称", "活动", "Name", "Campaign"};
    static final String[] KIND = {"类型", "活动类型", "Kind", "Type"};
    static final String[] CHANNEL = {"渠道", "活动渠道", "Channel"};
    static final String[] DEADLINE = {"报名截止", "报名截止日", "报名截止日期", "Registration deadline", "Deadline"};
    static final String[] REVIEW = {"审核日", "审核日期", "Review", "Review on", "Review day"};
    static final String[] FROM = {"开始", "开始日期", "活动开始", "Live from", "Start"};
    static final String[] TO = {"结束", "结束日期", "活动结束", "Live to", "End"};
    static final String[] GOAL_GMV = {"目标金额", "目标GMV", "Goal GMV"};
    static final String[] GOAL_UNITS = {"目标件数", "目标销量", "Goal units"};
    static final String[] SKU = {"商品编码", "商家编码", "SKU"};
    static final String[] ALLOCATED = {"分配库存", "活动库存", "Allocated"};
    static final String[] PRICE = {"活动价", "活动价格", "Price", "Campaign price"};
    static final String[] SOURCE_TAG = {"来源标记", "Source tag"};

    private static final Map<String, Campaign.Kind> KINDS = Map.ofEntries(
            Map.entry("平台", Campaign.Kind.PLATFORM), Map.entry("平台活动", Campaign.Kind.PLATFORM),
            Map.entry("platform", Campaign.Kind.PLATFORM),
            Map.entry("自营", Campaign.Kind.OWN), Map.entry("自营活动", Campaign.Kind.OWN), Map.entry("店铺活动", Campaign.Kind.OWN),
            Map.entry("own", Campaign.Kind.OWN), Map.entry("shop", Campaign.Kind.OWN));

    @Override
    public String kind() {
        return "activities";
    }

    @Override
    public String name() {
        return "campaign-list";
    }

    @Override
    public String describe() {
        return "a campaign list, one row per campaign product: 活动名称/Name, 类型/Kind, 渠道/Channel, 报名截止/Registration deadline, "
                + "审核日/Review, 开始/Live from, 结束/Live to, 目标金额/Goal GMV, 目标件数/Goal units, 商品编码/SKU, 分配库存/Allocated, 活动价/Price";
    }

    @Override
    public boolean recognises(List<String> header) {
        return RowCells.has(header, NAME) && RowCells.has(header, CHANNEL) && RowCells.has(header, FROM)
                && RowCells.has(header, TO);
    }

    @Override
    public String group(ImportRow row, ImportContext context) {
        String name = row.text(NAME);
        return name.isEmpty() ? null : name;
    }

    @Override
    public ParsedRow<ListedProduct> parse(ImportRow row, ImportContext context) {
        RowCells cells = new RowCells(row, context);
        if (cells.isTotal()) {
            return ParsedRow.skip("a total line");
        }
        try {
            String name = cells.text(NAME);
            String channel = cells.text(CHANNEL);
            String kindText = cells.optionalText(KIND);
            Campaign.Kind kind;
            if (kindText == null) {
                kind = channel.equals("自营") || channel.equalsIgnoreCase("own") ? Campaign.Kind.OWN : Campaign.Kind.PLATFORM;
            } else {
                kind = KINDS.get(kindText.toLowerCase(Locale.ROOT));
                if (kind == null) {
                    throw new CellRefused(cells.name(KIND), cells.name(KIND) + " '" + kindText
                            + "' is neither a platform's campaign (平台, platform) nor the shop's own (自营, own)");
                }
            }
            Campaign c = new Campaign(0, name, kind, channel, cells.optionalDay(DEADLINE), cells.optionalDay(REVIEW),
                    cells.day(FROM), cells.day(TO), cells.optionalMoney(GOAL_GMV), cells.optionalCount(GOAL_UNITS),
                    CampaignStatus.PLANNED, cells.optionalText(SOURCE_TAG), List.of());
            String sku = cells.optionalText(SKU);
            CampaignProduct product = null;
            if (sku != null) {
                Long allocated = cells.optionalCount(ALLOCATED);
                if (allocated == null) {
                    throw new CellRefused(cells.name(ALLOCATED), cells.name(ALLOCATED) + " is empty: the units set aside for " + sku);
                }
                product = new CampaignProduct(sku, allocated, cells.optionalMoney(PRICE));
            }
            var problem = CampaignCheck.problem(product == null ? c : new Campaign(0, name, kind, channel, c.registrationDeadline(),
                    c.reviewOn(), c.liveFrom(), c.liveTo(), c.goalGmv(), c.goalUnits(), c.status(), c.sourceTag(), List.of(product)));
            if (problem.isPresent()) {
                throw new CellRefused(column(cells, problem.get().field()), problem.get().reason());
            }
            return ParsedRow.accept(new ListedProduct(c, product));
        } catch (CellRefused bad) {
            return bad.rejection();
        }
    }

    /** The file's column for a field {@link CampaignCheck} names. */
    private static String column(RowCells cells, String field) {
        return switch (field) {
            case "name" -> cells.name(NAME);
            case "channel" -> cells.name(CHANNEL);
            case "registrationDeadline" -> cells.name(DEADLINE);
            case "reviewOn" -> cells.name(REVIEW);
            case "liveFrom" -> cells.name(FROM);
            case "liveTo" -> cells.name(TO);
            case "goalGmv" -> cells.name(GOAL_GMV);
            case "goalUnits" -> cells.name(GOAL_UNITS);
            case "sourceTag" -> cells.name(SOURCE_TAG);
            default -> field.endsWith(".price") ? cells.name(PRICE) : field.endsWith(".allocated") ? cells.name(ALLOCATED)
                    : cells.name(SKU);
        };
    }

    @Override
    public WriteResult write(ImportBatch<ListedProduct> batch) {
        return CampaignStore.writeListed(batch.handle(), batch.shop().id(), batch.records(), Instant.now());
    }
}
