package com.shopops.plugins.content.imports;

import com.shopops.api.CellRefused;
import com.shopops.api.ImportCells;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportFormat;
import com.shopops.api.ImportRow;
import com.shopops.api.ParsedRow;
import com.shopops.plugins.content.ContentStore;
import com.shopops.plugins.content.ContentStore.EngagementRow;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.pf4j.Extension;

/**
 * Engagement per post, channel and day as a channel's back office reports it (kind {@code content},
 * format {@code post-engagement}), Chinese or English headers: 日期/Date, 内容ID/Post ID (ShopOps' post id),
 * 渠道/Channel, 阅读/Views, 点赞/Likes, 评论/Comments, 点击/Clicks. A post, channel and day imported again
 * replaces its figures. Rejected with the column: a bad date, a post id that is not a number, an empty
 * channel, a negative figure, a day outside 2000 to 2100; a post of another shop rejects its batch with the
 * post named.
 */
@Extension
public final class PostEngagement implements ImportFormat<EngagementRow> {

    static final String[] DAY = {"日期", "Date", "Day"};
    static final String[] POST = {"内容ID", "Post ID", "PostID"};
    static final String[] CHANNEL = {"渠道", "Channel"};
    static final String[] VIEWS = {"阅读", "阅读数", "浏览", "Views"};
    static final String[] LIKES = {"点赞", "点赞数", "Likes"};
    static final String[] COMMENTS = {"评论", "评论数", "Comments"};
    static final String[] CLICKS = {"点击", "点击数", "Clicks"};

    @Override
    public String kind() {
        return "content";
    }

    @Override
    public String name() {
        return "post-engagement";
    }

    @Override
    public String describe() {
        return "engagement per post and day: 日期/Date, 内容ID/Post ID, 渠道/Channel, 阅读/Views, 点赞/Likes, 评论/Comments, 点击/Clicks";
    }

    @Override
    public boolean recognises(List<String> header) {
        return ImportCells.has(header, DAY) && ImportCells.has(header, POST) && ImportCells.has(header, VIEWS);
    }

    @Override
    public ParsedRow<EngagementRow> parse(ImportRow row, ImportContext context) {
        ImportCells cells = new ImportCells(row, Currency.getInstance(context.shop().currency()));
        try {
            LocalDate day = cells.day(DAY);
            long post;
            try {
                post = Long.parseLong(row.text(POST).strip());
            } catch (RuntimeException e) {
                throw cells.refused("is not a post id", POST);
            }
            String channel = cells.text(CHANNEL);
            return ParsedRow.accept(new EngagementRow(post, channel, day, cells.count(VIEWS), cells.count(LIKES),
                    cells.count(COMMENTS), cells.count(CLICKS)));
        } catch (CellRefused bad) {
            return bad.rejection();
        }
    }

    @Override
    public WriteResult write(ImportBatch<EngagementRow> batch) {
        return new WriteResult(ContentStore.writeEngagement(batch.handle(), batch.shop().id(), batch.records()), 0);
    }
}
