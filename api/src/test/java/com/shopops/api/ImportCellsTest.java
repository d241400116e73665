package com.shopops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
