package com.shopops.plugins.ads.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdSettingsTest {

    @Test
    void defaultsRoundTripThroughTheirText() {
        Map<String, String> text = AdSettings.DEFAULT.asMap();
        assertEquals(AdSettings.KEYS, text.keySet().stream().toList());
        assertEquals("3", text.get(AdSettings.TARGET_ROI));
        assertEquals("0.15", text.get(AdSettings.BID_STEP));
        assertEquals("", text.get(AdSettings.MONTHLY_BUDGET));
        assertEquals(AdSettings.DEFAULT, AdSettings.of(text));
        assertEquals(AdSettings.DEFAULT, AdSettings.fromSettings(Map.of()));
    }

    @Test
    void storedValuesApplyAndBadOnesFallBackOneByOne() {
        AdSettings s = AdSettings.fromSettings(Map.of(AdSettings.TARGET_ROI, " 2.5 ", AdSettings.MONTHLY_BUDGET, "3000000",
                AdSettings.CONFIDENCE, "1.5", AdSettings.MIN_CLICKS, "many", "other.key", "x"));
        assertEquals(2.5, s.targetRoi());
        assertEquals(3_000_000L, s.monthlyBudget());
        assertEquals(3_000_000L, s.budget());
        assertEquals(0.95, s.confidence(), "1.5 is no confidence: default kept");
        assertEquals(20, s.minClicks(), "not a number: default kept");
        assertNull(AdSettings.fromSettings(Map.of(AdSettings.MONTHLY_BUDGET, "0")).budget(), "0 is no budget");
    }

    @Test
    void strictReadingNamesTheKeyAtFault() {
        Map<String, String> m = new HashMap<>(AdSettings.DEFAULT.asMap());
        m.put(AdSettings.BID_STEP, "1.5");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdSettings.of(m));
        assertTrue(e.getMessage().startsWith(AdSettings.BID_STEP), e.getMessage());
        m.put(AdSettings.BID_STEP, "0.1");
        m.put(AdSettings.MIN_CLICKS, "99999999999");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AdSettings.of(m)).getMessage()
                .startsWith(AdSettings.MIN_CLICKS));
        m.remove(AdSettings.MIN_CLICKS);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AdSettings.of(m)).getMessage()
                .startsWith(AdSettings.MIN_CLICKS));
    }
}
