package org.gatepost.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void startsWithAByteOrderMarkAndEndsEveryLineWithCrLf() {
        assertEquals("\uFEFFname,count\r\n東口,3\r\n", Csv.write(List.of("name", "count"), List.of(List.of("東口", 3L))));
    }

    @Test
    void quotesOnlyFieldsWithACommaAQuoteOrALineBreak() {
        String csv = Csv.write(List.of("a", "b", "c", "d", "e"),
                List.of(List.of("plain text", "one, two", "say \"hi\"", "two\nlines", "cr\rhere")));
        assertEquals("\uFEFFa,b,c,d,e\r\nplain text,\"one, two\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n", csv);
    }

    @Test
    void writesNothingForAMissingValue() {
        assertEquals("\uFEFFa,b,c\r\n,x,\r\n", Csv.write(List.of("a", "b", "c"), List.of(Arrays.asList(null, "x", null))));
    }

    @Test
    void putsAnApostropheBeforeTextASpreadsheetWouldRunAsAFormula() {
        assertEquals(List.of("'=SUM(A1:A9)", "'+86 139", "'-1", "'@cmd", "a=b", ""),
                Arrays.asList(Csv.fields(List.of("=SUM(A1:A9)", "+86 139", "-1", "@cmd", "a=b", ""))));
        String csv = Csv.write(List.of("name"), List.of(List.of("=HYPERLINK(\"http://x\",\"y\")")));
        assertEquals("\uFEFFname\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n", csv);
    }

    @Test
    void leavesNegativeNumbersAlone() {
        assertEquals(List.of("-3", "-0.5"), Arrays.asList(Csv.fields(List.of(-3L, new BigDecimal("-0.5")))));
    }

    @Test
    void writesOnlyTheHeaderWhenThereAreNoRows() {
        assertEquals("\uFEFFa,b\r\n", Csv.write(List.of("a", "b"), List.of()));
    }
}
