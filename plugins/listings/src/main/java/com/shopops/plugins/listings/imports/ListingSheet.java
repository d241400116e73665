package com.shopops.plugins.listings.imports;

import com.shopops.api.CellRefused;
import com.shopops.api.ImportCells;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportFormat;
import com.shopops.api.ImportRow;
import com.shopops.api.ParsedRow;
import com.shopops.plugins.listings.ListingsStore;
import com.shopops.plugins.listings.ListingsStore.SheetRow;
import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * The shop's listing sheet (kind {@code listings}, format {@code listing-sheet}): what the back office's
 * product export (出售中的宝贝) holds and the core's product list does not, one row per product variant (SKU
 * 规格), Chinese or English headers: 商家编码/SKU (the product's code, as in the core's products), optional
 * 规格/Variant (empty for a product without variants), 价格/Price (the variant's price), 标题/Title (the
 * listing's title on the platform, when it differs from the product list's), 核心词/Core keyword, 已填属性/
 * Attributes filled, 属性总数/Attributes total, 图片指纹/Image hash (the main image's fingerprint, to know a
 * copycat by its stolen image). The product's fields may be on each of its rows or on one (the first variant by
 * name that gives a field is used).
 *
 * <p>A row is kept by (SKU, variant) and replaced when imported again with other values; the same file twice
 * changes nothing. Rejected with the column: an empty SKU, a price of 0 or a bad one, attributes filled more
 * than the total or a total of 0, one of filled and total without the other, a text longer than its limit
 * (SKU 64, variant 100, title 200, keyword 60, image hash 128). Total lines are skipped.
 */
@Extension
public final class ListingSheet implements ImportFormat<SheetRow> {

    static final String[] SKU = {"商家编码", "商品编码", "SKU"};
    static final String[] VARIANT = {"规格", "销售属性", "SKU规格", "Variant"};
    static final String[] PRICE = {"价格", "规格价格", "一口价", "Price"};
    static final String[] TITLE = {"标题", "宝贝标题", "商品标题", "Title"};
    static final String[] KEYWORD = {"核心词", "核心关键词", "Core keyword", "Keyword"};
    static final String[] FILLED = {"已填属性", "已填属性数", "Attributes filled"};
    static final String[] TOTAL = {"属性总数", "Attributes total"};
    static final String[] IMAGE = {"图片指纹", "主图指纹", "Image hash", "Image fingerprint"};

    @Override
    public String kind() {
        return "listings";
    }

    @Override
    public String name() {
        return "listing-sheet";
    }

    @Override
    public String describe() {
        return "a listing sheet, one row per product variant: 商家编码/SKU, 规格/Variant, 价格/Price, 标题/Title, 核心词/Core keyword, "
                + "已填属性/Attributes filled, 属性总数/Attributes total, 图片指纹/Image hash";
    }

    @Override
    public boolean recognises(List<String> header) {
        return ImportCells.has(header, SKU) && (ImportCells.has(header, KEYWORD) || ImportCells.has(header, TOTAL)
                || ImportCells.has(header, VARIANT)) && !ImportCells.has(header, MarketplaceListings.SHOP);
    }

    @Override
    public ParsedRow<SheetRow> parse(ImportRow row, ImportContext context) {
        SheetCells cells = new SheetCells(row, context);
        if (cells.isTotal()) {
            return ParsedRow.skip("a total line");
        }
        try {
            String sku = cells.text(64, SKU);
            String variant = cells.optionalText(100, VARIANT);
            Long price = cells.optionalMoney(PRICE);
            if (price != null && price == 0) {
                throw cells.refused("is 0: a listing's price is more than nothing", PRICE);
            }
            String title = cells.optionalText(200, TITLE);
            String keyword = cells.optionalText(60, KEYWORD);
            Integer filled = cells.optionalInt(FILLED);
            Integer total = cells.optionalInt(TOTAL);
            if ((filled == null) != (total == null)) {
                throw filled == null ? cells.refused("is empty, but " + cells.name(TOTAL) + " is given", FILLED)
                        : cells.refused("is empty, but " + cells.name(FILLED) + " is given", TOTAL);
            }
            if (total != null && total == 0) {
                throw cells.refused("is 0: a category has attributes", TOTAL);
            }
            if (filled != null && filled > total) {
                throw cells.refused(filled + " is more than " + cells.name(TOTAL) + " " + total, FILLED);
            }
            String image = cells.optionalText(128, IMAGE);
            return ParsedRow.accept(new SheetRow(sku, variant == null ? "" : variant, title, price, keyword, filled, total,
                    image == null ? null : image.toLowerCase(Locale.ROOT)));
        } catch (CellRefused bad) {
            return bad.rejection();
        }
    }

    @Override
    public WriteResult write(ImportBatch<SheetRow> batch) {
        return ListingsStore.writeSheet(batch.handle(), batch.shop().id(), batch.records());
    }
}
