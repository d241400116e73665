package com.shopops.platform.imports.formats;

import static com.shopops.platform.imports.formats.Rows.TMALL;
import static com.shopops.platform.imports.formats.Rows.accepted;
import static com.shopops.platform.imports.formats.Rows.context;
import static com.shopops.platform.imports.formats.Rows.header;
import static com.shopops.platform.imports.formats.Rows.rejected;
import static com.shopops.platform.imports.formats.Rows.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.domain.TrafficDay;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SycmTrafficTest {

    static final List<String> SHOP = header("统计日期,访客数,浏览量,跳失率,人均浏览量,平均停留时长,支付买家数,支付金额,支付转化率,客单价");
    static final List<String> BY_SOURCE = header("统计日期,流量来源,访客数,浏览量,跳失率,人均浏览量,平均停留时长,支付买家数,支付金额,支付转化率,客单价");
    static final List<String> BY_SOURCE_NAME = header("统计日期,来源名称,访客数,浏览量,跳失率,平均停留时长,支付买家数,支付金额");

    private final SycmTraffic format = new SycmTraffic();

    private TrafficDay shop(String line) {
        return accepted(format.parse(row(SHOP, line), context(TMALL, SHOP)));
    }

    @Test
    void recognisesTheReportHeader() {
        assertEquals("sycm-traffic", format.name());
        assertEquals("traffic", format.kind());
        assertTrue(format.recognises(SHOP));
        assertTrue(format.recognises(BY_SOURCE));
        assertTrue(format.recognises(header("统计日期,访客数,浏览量")));
        assertFalse(format.recognises(header("统计日期,访客数,支付金额")));
        assertFalse(format.recognises(List.of("统计时间：2024-05-01~2024-05-07")));
    }

    @Test
    void aShopRowIsSourceAll() {
        assertEquals(new TrafficDay(0, LocalDate.of(2024, 5, 1), "all", 3120, 9650, 0.4523, 65.0, 96, 1234567),
                shop("2024-05-01,3120,9650,45.23%,3.09,00:01:05,96,12345.67,3.08%,128.60"));
        assertEquals(new TrafficDay(0, LocalDate.of(2024, 5, 1), "all", 3120, 9650, 0.4523, 65.5, 96, 1234567),
                shop("20240501,3120,9650,0.4523,3.09,65.5,96,¥12345.67,0.0308,128.60"));
    }

    @Test
    void aSourceColumnMakesEachRowThatSource() {
        TrafficDay d = accepted(format.parse(row(BY_SOURCE, "2024-05-02,手淘搜索,1543,3705,48.68%,2.40,49.57,29,3638.36,1.88%,125.46"),
                context(TMALL, BY_SOURCE)));
        assertEquals(new TrafficDay(0, LocalDate.of(2024, 5, 2), "手淘搜索", 1543, 3705, 0.4868, 49.57, 29, 363836), d);
        TrafficDay named = accepted(format.parse(row(BY_SOURCE_NAME, "2024-05-02,直通车,510,1072,55.75%,29.27,11,1367.61"),
                context(TMALL, BY_SOURCE_NAME)));
        assertEquals("直通车", named.source());
        rejected(format.parse(row(BY_SOURCE, "2024-05-02,,1543,3705,48.68%,2.40,49.57,29,3638.36,1.88%,125.46"),
                context(TMALL, BY_SOURCE)), "流量来源", "流量来源 is empty");
    }

    @Test
    void optionalFiguresMayBeEmpty() {
        TrafficDay d = shop("2024-05-01,100,90,,,,,,,");
        assertNull(d.bounceRate());
        assertNull(d.avgStaySeconds());
        assertEquals(0, d.buyers());
        assertEquals(0, d.paidAmount());
        assertEquals(90, d.pv()); // fewer page views than visitors is not this format's business
    }

    @Test
    void badFiguresAreRejected() {
        var ctx = context(TMALL, SHOP);
        rejected(format.parse(row(SHOP, "2024-05-01,-5,90,,,,,,,"), ctx), "访客数", "访客数 -5 is negative");
        rejected(format.parse(row(SHOP, "2024-05-01,5,-90,,,,,,,"), ctx), "浏览量", "浏览量 -90 is negative");
        rejected(format.parse(row(SHOP, "2024-05-01,5,90,,,,-1,,,"), ctx), "支付买家数", "negative");
        rejected(format.parse(row(SHOP, "2024-05-01,5,90,145%,,,,,,"), ctx), "跳失率", "跳失率 '145%' is not between 0 and 1");
        rejected(format.parse(row(SHOP, "2024-05-01,5,90,45.2,,,,,,"), ctx), "跳失率", "is not between 0 and 1");
        rejected(format.parse(row(SHOP, "2024-05-01,5,90,-0.1,,,,,,"), ctx), "跳失率", "is not between 0 and 1");
        rejected(format.parse(row(SHOP, "2024-05-01,5,90,,,1:2:3:4,,,,"), ctx), "平均停留时长", "not a duration");
        rejected(format.parse(row(SHOP, "2024-05-01,5,90,,,,,12.345,,"), ctx), "支付金额", "more decimals");
        rejected(format.parse(row(SHOP, "2024-05-01,many,90,,,,,,,"), ctx), "访客数", "访客数 'many' is not a whole number");
        rejected(format.parse(row(SHOP, "2024-05-01,,90,,,,,,,"), ctx), "访客数", "访客数 is empty");
        rejected(format.parse(row(SHOP, "5月1日,5,90,,,,,,,"), ctx), "统计日期", "统计日期 '5月1日' is not a date");
    }
}
