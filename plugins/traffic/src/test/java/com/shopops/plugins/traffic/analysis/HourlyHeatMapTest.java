package com.shopops.plugins.traffic.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.shopops.plugins.traffic.analysis.HourlyHeatMap.HourFigures;
import com.shopops.plugins.traffic.analysis.HourlyHeatMap.OffsetSpan;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class HourlyHeatMapTest {

    @Test
    void aZoneWithoutDstIsOneSpan() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        List<OffsetSpan> spans = HourlyHeatMap.offsetSpans(shanghai, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        assertEquals(List.of(new OffsetSpan(Instant.parse("2023-12-31T16:00:00Z"), Instant.parse("2024-12-31T16:00:00Z"), 480)),
                spans);
    }

    @Test
    void newYorkSplitsAtBothDstChanges() {
        ZoneId ny = ZoneId.of("America/New_York");
        List<OffsetSpan> spans = HourlyHeatMap.offsetSpans(ny, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 11, 30));
        assertEquals(List.of(
                new OffsetSpan(Instant.parse("2024-03-01T05:00:00Z"), Instant.parse("2024-03-10T07:00:00Z"), -300),
                new OffsetSpan(Instant.parse("2024-03-10T07:00:00Z"), Instant.parse("2024-11-03T06:00:00Z"), -240),
                new OffsetSpan(Instant.parse("2024-11-03T06:00:00Z"), Instant.parse("2024-12-01T05:00:00Z"), -300)), spans);
    }

    @Test
    void theLocalHourArithmeticAgreesWithJavaTimeForEveryMinuteAndOffset() {
        // whole, half and quarter hours, east and west, the extremes
        for (int offset : new int[] {-18 * 60, -12 * 60, -9 * 60 - 30, -5 * 60, -4 * 60, 0, 5 * 60 + 30, 5 * 60 + 45, 8 * 60,
                12 * 60 + 45, 14 * 60, 18 * 60}) {
            ZoneOffset zone = ZoneOffset.ofTotalSeconds(offset * 60);
            Instant midnight = Instant.parse("2024-03-05T00:00:00Z");
            for (int minute = 0; minute < 1440; minute++) {
                int expected = midnight.plusSeconds(minute * 60L).atZone(zone).getHour();
                assertEquals(expected, HourlyHeatMap.localHour(minute, offset), "offset " + offset + ", minute " + minute);
            }
        }
    }

    @Test
    void hoursAddUpIntoTheirWeekdayAndHourCells() {
        LocalDate monday = LocalDate.of(2024, 3, 4);
        HourlyHeatMap map = HourlyHeatMap.of(monday, monday.plusDays(13), List.of(
                new HourFigures(monday, 10, 1000, 2, 7),
                new HourFigures(monday.plusDays(7), 10, 500, 1, 3), // the next Monday, same hour
                new HourFigures(monday.plusDays(6), 23, 200, 1, 1), // Sunday 23:00
                new HourFigures(monday.plusDays(14), 10, 9999, 9, 9), // outside the range: ignored
                new HourFigures(monday.plusDays(2), 0, 0, 0, 4)));
        assertEquals(168, map.cells().size());
        assertEquals(new HourlyHeatMap.Cell(DayOfWeek.MONDAY, 10, 1500, 3, 10), map.cell(DayOfWeek.MONDAY, 10));
        assertEquals(new HourlyHeatMap.Cell(DayOfWeek.SUNDAY, 23, 200, 1, 1), map.cell(DayOfWeek.SUNDAY, 23));
        assertEquals(new HourlyHeatMap.Cell(DayOfWeek.WEDNESDAY, 0, 0, 0, 4), map.cell(DayOfWeek.WEDNESDAY, 0));
        assertEquals(new HourlyHeatMap.Cell(DayOfWeek.MONDAY, 0, 0, 0, 0), map.cells().get(0));
        assertEquals(new HourlyHeatMap.Cell(DayOfWeek.SUNDAY, 23, 200, 1, 1), map.cells().get(167));
        assertEquals(1700, map.cells().stream().mapToLong(HourlyHeatMap.Cell::sales).sum());
        assertEquals(List.of(2, 2, 2, 2, 2, 2, 2), map.days());
    }

    @Test
    void daysCountEachWeekdayOfARaggedRange() {
        // Wednesday 2024-03-06 to Tuesday 2024-03-19: 14 days, then one more (Wednesday 20th)
        HourlyHeatMap map = HourlyHeatMap.of(LocalDate.of(2024, 3, 6), LocalDate.of(2024, 3, 20), List.of());
        assertEquals(List.of(2, 2, 3, 2, 2, 2, 2), map.days());
    }
}
