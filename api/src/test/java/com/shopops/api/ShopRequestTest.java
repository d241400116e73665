package com.shopops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.javalin.http.BadRequestResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ShopRequestTest {

    @Test
    void aDayIsReadOrRefusedInTheSameWordsEverywhere() {
        assertEquals(LocalDate.of(2026, 11, 22), ShopRequest.day("from", " 2026-11-22 "));
        assertNull(ShopRequest.day("from", null));
        assertNull(ShopRequest.day("from", "  "));
        assertEquals("from: a day as YYYY-MM-DD, not 'yesterday'",
                assertThrows(BadRequestResponse.class, () -> ShopRequest.day("from", "yesterday")).getMessage());
        assertEquals("to: a day as YYYY-MM-DD, not '2026-02-30'",
                assertThrows(BadRequestResponse.class, () -> ShopRequest.day("to", "2026-02-30")).getMessage());
        assertEquals("day: a day from 2000 to 2100, not 1999-12-31",
                assertThrows(BadRequestResponse.class, () -> ShopRequest.day("day", "1999-12-31")).getMessage());
    }

    @Test
    void aBodyIsAJsonObjectOrRefusedInTheSameWordsEverywhere() {
        assertEquals(java.util.Map.of("name", "冬季回归券", "share", 0.2), ShopRequest.jsonObject("{\"name\":\"冬季回归券\",\"share\":0.2}"));
        for (String bad : new String[] {null, "", "  ", "null", "[1,2]", "42", "{\"name\":", "not json"}) {
            assertEquals("a JSON object is required",
                    assertThrows(BadRequestResponse.class, () -> ShopRequest.jsonObject(bad)).getMessage(), "body " + bad);
        }
    }
}
