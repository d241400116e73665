package com.shopops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportCellsTest {

    private static ImportCells cells(String... values) {
        return new ImportCells(new ImportRow(2, List.of(" 日期 ", "点击量", "花费", "平均展现排名"), List.of(values)),
                Currency.getInstance("CNY"));
    }

    @Test
    void aBackOfficesNothingReadsAsNothing() {
        ImportCells c = cells("-", "--", "—", "");
        assertNull(c.optionalDay("日期", "Date"));
        assertEquals(0, c.count("点击量", "Clicks"));
        assertNull(c.optionalCount("点击量"));
        assertEquals(0, c.money("花费", "Cost"));
        assertNull(c.optionalMoney("花费"));
        assertNull(c.optionalNumber("平均展现排名"));
        assertEquals(0, c.count("Impressions"), "a column the file lacks is nothing too");
    }

    @Test
    void figuresAreReadByAnyOfTheColumnsNames() {
        ImportCells c = cells("2026-11-22", "1,234", "12.34", "2.5");
        assertEquals(LocalDate.of(2026, 11, 22), c.optionalDay("Date", "日期"));
        assertEquals(1234, c.count("Clicks", "点击量"));
        assertEquals(1234L, c.optionalMoney("Cost", "花费"), "yuan to fen, exactly");
        assertEquals(2.5, c.optionalNumber("平均展现排名"));
        assertEquals("日期", c.name("Date", "日期"), "the column as the file writes it");
        assertEquals("Clicks", c.name("Clicks", "Klicks"), "the first name when the file has none of them");
        assertEquals("日期", ImportCells.column(List.of("日期 "), "日期"));
        assertEquals(true, ImportCells.has(List.of("Cost"), "花费", "cost"));
    }

    @Test
    void whatCannotBeReadIsRefusedNamingTheColumn() {
        ImportCells c = cells("someday", "-3", "-1.00", "x");
        CellRefused day = assertThrows(CellRefused.class, () -> c.optionalDay("Date", "日期"));
        assertEquals("日期", day.column());
        assertEquals("点击量 -3 is negative", assertThrows(CellRefused.class, () -> c.count("点击量")).getMessage());
        assertEquals("花费 -1.00 is negative", assertThrows(CellRefused.class, () -> c.money("花费")).getMessage());
        CellRefused rank = assertThrows(CellRefused.class, () -> c.optionalNumber("平均展现排名"));
        ParsedRow<Object> rejection = rank.rejection();
        assertEquals(ParsedRow.reject("平均展现排名", rank.getMessage()), rejection);
        assertEquals("花费 12.345 is off", c.refused("12.345 is off", "花费").getMessage());
    }

    private static ImportCells texts(String... values) {
        return new ImportCells(new ImportRow(2, List.of("日期", "标题", "备注"), List.of(values)), Currency.getInstance("CNY"));
    }

    private static String refusal(org.junit.jupiter.api.function.Executable reading) {
        return assertThrows(CellRefused.class, reading).getMessage();
    }

    @Test
    void theYearsAreFrom2000To2100() {
        assertEquals(2000, ImportCells.FIRST_YEAR);
        assertEquals(2100, ImportCells.LAST_YEAR);
    }

    @Test
    void aRequiredTextIsStrippedAndRefusedWhenNothing() {
        assertEquals("Summer sale", texts("", " Summer sale\u3000").text("Title", "标题"));
        for (String nothing : List.of("", "-", "--", "—", " \u3000")) {
            CellRefused empty = assertThrows(CellRefused.class, () -> texts("", nothing).text("Title", "标题"));
            assertEquals("标题", empty.column());
            assertEquals("标题 is empty", empty.getMessage(), "for '" + nothing + "'");
        }
        assertEquals("Campaign is empty", refusal(() -> texts("", "x").text("Campaign")), "a column the file lacks");
    }

    @Test
    void aCappedTextCountsCodePoints() {
        assertEquals("一二三", texts("", "一二三").text(3, "标题"));
        assertEquals("😀😀😀", texts("", "😀😀😀").text(3, "标题"), "three characters, six chars in UTF-16");
        assertEquals("标题 is longer than 3 characters", refusal(() -> texts("", "一二三四").text(3, "标题")));
        assertEquals("标题 is empty", refusal(() -> texts("", "-").text(3, "标题")));
    }

    @Test
    void anOptionalTextIsNullWhenNothing() {
        ImportCells c = texts("", " Summer sale ", "--");
        assertEquals("Summer sale", c.optionalText("标题"));
        assertNull(c.optionalText("备注"));
        assertNull(c.optionalText("Notes"), "a column the file lacks");
        assertEquals("Summer sale", c.optionalText(11, "标题"));
        assertNull(c.optionalText(1, "备注"), "nothing is not too long");
        CellRefused longer = assertThrows(CellRefused.class, () -> c.optionalText(10, "Title", "标题"));
        assertEquals("标题", longer.column());
        assertEquals("标题 is longer than 10 characters", longer.getMessage());
    }

    @Test
    void aRequiredDayIsRefusedWhenNothingOrNotADay() {
        assertEquals(LocalDate.of(2024, 5, 1), texts("2024-05-01").day("Date", "日期"));
        CellRefused empty = assertThrows(CellRefused.class, () -> texts("-").day("Date", "日期"));
        assertEquals("日期", empty.column());
        assertEquals("日期 is empty", empty.getMessage());
        assertEquals("Day is empty", refusal(() -> texts("2024-05-01").day("Day")), "a column the file lacks");
        CellRefused bad = assertThrows(CellRefused.class, () -> texts("someday").day("日期"));
        assertEquals("日期", bad.column());
        assertTrue(bad.getMessage().startsWith("日期 "), bad.getMessage());
    }

    @Test
    void daysAreFrom2000To2100() {
        assertEquals(LocalDate.of(2000, 1, 1), texts("2000-01-01").day("日期"));
        assertEquals(LocalDate.of(2100, 12, 31), texts("2100-12-31").day("日期"));
        assertEquals(LocalDate.of(2000, 1, 1), texts("2000-01-01").optionalDay("日期"));
        assertEquals(LocalDate.of(2100, 12, 31), texts("2100-12-31").optionalDay("日期"));
        assertEquals("日期 1999-12-31 is not a day from 2000 to 2100", refusal(() -> texts("1999-12-31").day("日期")));
        assertEquals("日期 2101-01-01 is not a day from 2000 to 2100", refusal(() -> texts("2101-01-01").day("日期")));
        assertEquals("日期 1999-12-31 is not a day from 2000 to 2100", refusal(() -> texts("1999-12-31").optionalDay("日期")));
        assertEquals("日期 2101-01-01 is not a day from 2000 to 2100", refusal(() -> texts("2101-01-01").optionalDay("日期")));
        CellRefused far = assertThrows(CellRefused.class, () -> texts("+99999-01-01").optionalDay("Date", "日期"));
        assertEquals("日期", far.column());
        assertEquals("日期 +99999-01-01 is not a day from 2000 to 2100", far.getMessage());
    }

    @Test
    void aDayReadInALayoutOfItsOwnIsCheckedForItsYears() {
        ImportCells c = texts("May 1, 2101");
        assertEquals(LocalDate.of(2000, 1, 1), c.withinYears(LocalDate.of(2000, 1, 1), "日期"));
        assertEquals(LocalDate.of(2100, 12, 31), c.withinYears(LocalDate.of(2100, 12, 31), "日期"));
        assertEquals("日期 May 1, 2101 is not a day from 2000 to 2100", refusal(() -> c.withinYears(LocalDate.of(2101, 5, 1), "日期")));
        assertEquals("日期 May 1, 2101 is not a day from 2000 to 2100", refusal(() -> c.withinYears(LocalDate.of(1999, 12, 31), "日期")));
    }
}
