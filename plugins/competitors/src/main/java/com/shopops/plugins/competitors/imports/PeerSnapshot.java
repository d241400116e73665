package com.shopops.plugins.competitors.imports;

import com.shopops.api.CellRefused;
import com.shopops.api.Cells;
import com.shopops.api.ImportCells;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportFormat;
import com.shopops.api.ImportRow;
import com.shopops.api.ParsedRow;
import com.shopops.plugins.competitors.PeerStore;
import com.shopops.plugins.competitors.SnapshotRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.pf4j.Extension;

/**
 * A day's snapshot of peer shops' product lists (kind {@code competitors}, format {@code peer-snapshot}),
 * as an operator copies it from the peers' shop pages or a data tool, Chinese or English headers:
 * 日期/Date (the snapshot's day), 店铺/Shop (the peer), 商品ID/Product ID (the peer's), 标题/Title,
 * 价格/Price, 月销量/Monthly sales, and optionally 评分/Rating (0–5), 评价数/Reviews, 上架日期/Listed,
 * 类目/Category. A peer named for the first time is added (tier {@code level}); a peer, day and product
 * imported again replaces its row when it differs, so the same file twice changes nothing. "-" and empty
 * optional cells are nothing. Monthly sales may be written {@code 100+} or {@code 1.2万}. Rejected with the column: a day that is not one (or outside 2000 to 2100), an
 * empty shop, product id or title, a price or sales figure that is empty, negative or not a number, a
 * rating outside 0 to 5, a listed day after the snapshot's day; texts longer than {@link #MAX_TEXT}.
 */
@Extension
public final class PeerSnapshot implements ImportFormat<SnapshotRow> {

    static final String[] DAY = {"日期", "快照日期", "Date", "Day", "Snapshot date"};
    static final String[] PEER = {"店铺", "店铺名称", "Shop", "Peer", "Store"};
    static final String[] PRODUCT = {"商品ID", "宝贝ID", "Product ID", "Item ID"};
    static final String[] TITLE = {"标题", "商品标题", "宝贝标题", "Title"};
    static final String[] PRICE = {"价格", "售价", "Price"};
    static final String[] SALES = {"月销量", "月销", "Monthly sales", "Sales"};
    static final String[] RATING = {"评分", "Rating"};
    static final String[] REVIEWS = {"评价数", "评论数", "Reviews", "Review count"};
    static final String[] LISTED = {"上架日期", "上架时间", "Listed", "Listed on", "Listed date"};
    static final String[] CATEGORY = {"类目", "Category"};
    /** The longest text kept: titles are at most 60 characters on the platforms, names and ids shorter. */
    static final int MAX_TEXT = 200;

    /** Whoever keeps the peer list imports the peers' snapshots too, without the host's data.import (orders and all). */
    @Override
    public String permission() {
        return "competitors.edit";
    }

    @Override
    public String kind() {
        return "competitors";
    }

    @Override
    public String name() {
        return "peer-snapshot";
    }

    @Override
    public String describe() {
        return "peer products by day: 日期/Date, 店铺/Shop, 商品ID/Product ID, 标题/Title, 价格/Price, 月销量/Monthly sales, "
                + "optional 评分/Rating, 评价数/Reviews, 上架日期/Listed, 类目/Category";
    }

    @Override
    public boolean recognises(List<String> header) {
        return ImportCells.has(header, DAY) && ImportCells.has(header, PEER) && ImportCells.has(header, PRODUCT)
                && ImportCells.has(header, PRICE) && ImportCells.has(header, SALES);
    }

    @Override
    public ParsedRow<SnapshotRow> parse(ImportRow row, ImportContext context) {
        ImportCells cells = new ImportCells(row, Currency.getInstance(context.shop().currency()));
        try {
            LocalDate day = cells.day(DAY);
            String peer = cells.text(MAX_TEXT, PEER);
            String product = Cells.id(cells.text(MAX_TEXT, PRODUCT));
            if (product.isEmpty()) {
                throw cells.refused("is empty", PRODUCT);
            }
            String title = cells.text(MAX_TEXT, TITLE);
            Long price = cells.optionalMoney(PRICE);
            if (price == null) {
                throw cells.refused("is empty", PRICE);
            }
            long sales = sales(cells);
            Integer rating = null;
            Double r = cells.optionalNumber(RATING);
            if (r != null) {
                if (r > 5 || Double.isNaN(r)) {
                    throw cells.refused(row.text(RATING) + " is not a rating from 0 to 5", RATING);
                }
                rating = (int) Math.round(r * 100);
            }
            LocalDate listed = cells.optionalDay(LISTED);
            if (listed != null && listed.isAfter(day)) {
                throw cells.refused(listed + " is after the snapshot's day " + day, LISTED);
            }
            String category = cells.optionalText(MAX_TEXT, CATEGORY);
            return ParsedRow.accept(new SnapshotRow(peer, day, product, title, price, sales, rating, cells.optionalCount(REVIEWS),
                    listed, category));
        } catch (CellRefused bad) {
            return bad.rejection();
        }
    }

    /**
     * Monthly sales as shop pages show them: {@code 1,200}, {@code 100+} (at least 100: read as 100) or
     * {@code 1.2万} (12,000); required, never negative.
     */
    private static long sales(ImportCells cells) {
        String t = cells.row().text(SALES);
        if (ImportCells.nothing(t)) {
            throw cells.refused("is empty", SALES);
        }
        String n = t.endsWith("+") ? t.substring(0, t.length() - 1).strip() : t;
        long value;
        try {
            if (n.endsWith("万")) {
                double tenThousands = Cells.number(n.substring(0, n.length() - 1));
                if (!(tenThousands >= 0 && tenThousands < 1e9)) {
                    throw new IllegalArgumentException("'" + t + "' is not a number of sales");
                }
                value = Math.round(tenThousands * 10_000);
            } else {
                value = Cells.count(n);
            }
        } catch (IllegalArgumentException e) {
            throw cells.refused(e.getMessage(), SALES);
        }
        if (value < 0) {
            throw cells.refused(t + " is negative", SALES);
        }
        return value;
    }

    @Override
    public WriteResult write(ImportBatch<SnapshotRow> batch) {
        return PeerStore.writeSnapshot(batch.handle(), batch.shop().id(), batch.records(), Instant.now());
    }
}
