package com.shopops.plugins.service.imports;

import com.shopops.api.CellRefused;
import com.shopops.api.ImportCells;
import com.shopops.api.ImportContext;
import com.shopops.api.ImportFormat;
import com.shopops.api.ImportRow;
import com.shopops.api.ParsedRow;
import com.shopops.plugins.service.ServiceStore;
import com.shopops.plugins.service.analysis.AgentDay;
import java.util.Currency;
import java.util.List;
import org.pf4j.Extension;

/**
 * Agents' days as the back office's performance report (客服绩效) gives them, one row per agent and day
 * (kind {@code service}, format {@code service-agent-days}), Chinese or English headers: 日期/Date,
 * 客服/Agent, 在线时长(分钟)/Online minutes, optional 评分/Review score (0–5), 评价数/Reviews,
 * 满意数/Satisfied. An agent's day imported again replaces its row. Rejected with the column: a bad
 * day, an empty agent, online minutes over a day, a score outside 0–5, more satisfied than reviews or
 * satisfied without reviews.
 */
@Extension
public final class AgentDays implements ImportFormat<AgentDay> {

    static final String[] DAY = ServiceChats.DAY;
    static final String[] AGENT = ServiceChats.AGENT;
    static final String[] ONLINE = {"在线时长(分钟)", "在线时长（分钟）", "在线时长", "在线分钟", "Online minutes", "Online (min)", "Online"};
    static final String[] SCORE = {"评分", "平均评分", "服务评分", "Review score", "Score"};
    static final String[] RATED = {"评价数", "评价人数", "Reviews", "Rated"};
    static final String[] SATISFIED = {"满意数", "满意人数", "Satisfied"};

    @Override
    public String kind() {
        return "service";
    }

    @Override
    public String name() {
        return "service-agent-days";
    }

    @Override
    public String describe() {
        return "one row per agent and day: 日期/Date, 客服/Agent, 在线时长(分钟)/Online minutes, optional 评分/Review score, "
                + "评价数/Reviews, 满意数/Satisfied";
    }

    @Override
    public boolean recognises(List<String> header) {
        return ImportCells.has(header, DAY) && ImportCells.has(header, AGENT) && ImportCells.has(header, ONLINE)
                && !ImportCells.has(header, ServiceChats.CUSTOMER);
    }

    @Override
    public ParsedRow<AgentDay> parse(ImportRow row, ImportContext context) {
        ServiceCells cells = new ServiceCells(row, Currency.getInstance(context.shop().currency()));
        try {
            var day = cells.day(DAY);
            String agent = cells.name(true, AGENT);
            long online = cells.count(1_440, ONLINE);
            Double score = cells.optionalNumber(SCORE);
            if (score != null && (score > 5 || score.isNaN())) {
                throw cells.refused(row.text(SCORE) + " is not a score from 0 to 5", SCORE);
            }
            Long rated = cells.optionalCount(RATED);
            Long satisfied = cells.optionalCount(SATISFIED);
            if (satisfied != null && (rated == null || satisfied > rated)) {
                throw cells.refused(row.text(SATISFIED) + " is more than the reviews (" + (rated == null ? "none" : rated) + ")", SATISFIED);
            }
            return ParsedRow.accept(new AgentDay(day, agent, online, score, rated, satisfied));
        } catch (CellRefused bad) {
            return bad.rejection();
        }
    }

    @Override
    public WriteResult write(ImportBatch<AgentDay> batch) {
        return ServiceStore.writeAgentDays(batch.handle(), batch.shop().id(), batch.records());
    }
}
