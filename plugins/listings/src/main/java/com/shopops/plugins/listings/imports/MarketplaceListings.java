package com.shopops.plugins.listings.imports;

import com.shopops.api.CellRefused;
import com.shopops.api.ImportCells;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportFormat;
import com.shopops.api.ImportRow;
import com.shopops.api.ParsedRow;
import com.shopops.plugins.listings.ListingsStore;
import com.shopops.plugins.listings.ListingsStore.Sighting;
import java.util.List;
import org.pf4j.Extension;

/**
 * Listings found on the marketplace (kind {@code listings}, format {@code marketplace-listings}): what the
 * operator saw when searching for the shop's top products, one row per listing and day, Chinese or English
 * headers: 日期/Date (the day seen), 店铺/Shop, 商品ID/Listing ID, 标题/Title, 价格/Price, optional 链接/URL and
 * 图片指纹/Image hash (a fingerprint of the main image, e.g. a perceptual hash from an image search tool). The
 * shop's own listings may be in the file: they are kept and never suspected (by the setting
 * {@code own-shop-names}, or a listing id that is one of our SKUs).
 *
 * <p>A listing is kept once by its id: a later day replaces its title, price, shop, url and image; an earlier
 * one moves its first day back; the same day again changes nothing, so a file imported twice changes
 * nothing. Rejected with the column: an empty or bad date (or one outside 2000 to 2100), an empty shop,
 * listing id or title, an empty, negative or bad price, a text longer than its limit (title 200, shop 100,
 * listing id 64, url 2,000, image hash 128). Total lines (合计, Total) are skipped.
 */
@Extension
public final class MarketplaceListings implements ImportFormat<Sighting> {

    static final String[] DAY = {"日期", "发现日期", "Date", "Seen", "Seen on"};
    static final String[] SHOP = {"店铺", "店铺名称", "店铺名", "Shop", "Shop name", "Seller"};
    static final String[] LISTING = {"商品ID", "宝贝ID", "商品编号", "Listing ID", "Item ID"};
    static final String[] TITLE = {"标题", "商品标题", "宝贝标题", "Title"};
    static final String[] PRICE = {"价格", "售价", "Price"};
    static final String[] URL = {"链接", "商品链接", "URL", "Link"};
    static final String[] IMAGE = {"图片指纹", "主图指纹", "Image hash", "Image fingerprint"};

    @Override
    public String kind() {
        return "listings";
    }

    @Override
    public String name() {
        return "marketplace-listings";
    }

    @Override
    public String describe() {
        return "marketplace listings found when searching for our top products: 日期/Date, 店铺/Shop, 商品ID/Listing ID, 标题/Title, "
                + "价格/Price, optional 链接/URL and 图片指纹/Image hash";
    }

    @Override
    public boolean recognises(List<String> header) {
        return ImportCells.has(header, DAY) && ImportCells.has(header, SHOP) && ImportCells.has(header, LISTING)
                && ImportCells.has(header, TITLE) && ImportCells.has(header, PRICE);
    }

    @Override
    public ParsedRow<Sighting> parse(ImportRow row, ImportContext context) {
        SheetCells cells = new SheetCells(row, context);
        if (cells.isTotal()) {
            return ParsedRow.skip("a total line");
        }
        try {
            var day = cells.day(DAY);
            String shop = cells.text(100, SHOP);
            String listing = cells.text(64, LISTING);
            String title = cells.text(200, TITLE);
            Long price = cells.optionalMoney(PRICE);
            if (price == null) {
                throw cells.refused("is empty", PRICE);
            }
            String url = cells.optionalText(2000, URL);
            String image = cells.optionalText(128, IMAGE);
            return ParsedRow.accept(new Sighting(listing, shop, title, price, url, image == null ? null : image.toLowerCase(java.util.Locale.ROOT),
                    day));
        } catch (CellRefused bad) {
            return bad.rejection();
        }
    }

    @Override
    public WriteResult write(ImportBatch<Sighting> batch) {
        return ListingsStore.writeSightings(batch.handle(), batch.shop().id(), batch.records());
    }
}
