package com.shopops.platform.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadsheetCsvTest {

    @Test
    void textThatASpreadsheetWouldRunStaysText() {
        assertEquals("'=cmd|' /C calc'!A0", SpreadsheetCsv.cell("=cmd|' /C calc'!A0"));
        assertEquals("'+1", SpreadsheetCsv.cell("+1"));
        assertEquals("'-1", SpreadsheetCsv.cell("-1"), "a minus sign in text is a formula to a spreadsheet");
        assertEquals("'@SUM(A1)", SpreadsheetCsv.cell("@SUM(A1)"));
        assertEquals("'\tx", SpreadsheetCsv.cell("\tx"));
        assertEquals("a=b", SpreadsheetCsv.cell("a=b"));
        assertEquals("", SpreadsheetCsv.cell((String) null));
        assertEquals("", SpreadsheetCsv.cell(""));
    }

    @Test
    void numbersStayNumbers() {
        assertEquals("-5", SpreadsheetCsv.cell((Object) (-5L)));
        assertEquals("-0.125", SpreadsheetCsv.cell((Object) (-0.125)));
        assertEquals("0.0000001", SpreadsheetCsv.cell((Object) 1e-7), "no exponent a spreadsheet would misread");
        assertEquals("12.30", SpreadsheetCsv.cell((Object) new BigDecimal("12.30")));
        assertEquals("", SpreadsheetCsv.cell((Object) Double.NaN));
        assertEquals("", SpreadsheetCsv.cell((Object) null));
    }

    @Test
    void writesHeaderAndQuotedRows() {
        StringWriter out = new StringWriter();
        SpreadsheetCsv.write(out, List.of("keyword", "cost"),
                List.of(List.of("连衣裙, 夏", 1234), Arrays.asList("=1+1", null), List.of("say \"hi\"", -1.5)));
        assertEquals("keyword,cost\r\n\"连衣裙, 夏\",1234\r\n'=1+1,\r\n\"say \"\"hi\"\"\",-1.5\r\n", out.toString());
    }
}
