package com.shopops.plugins.competitors.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Categories of peers and ours match by their last part, however the back office writes the path. */
class CategoriesTest {

    @Test
    void categoriesCompareByTheirLastPart() {
        assertTrue(Categories.same("厨房用具/厨房小工具", "厨房小工具"));
        assertTrue(Categories.same("厨房用具 > 厨房小工具 ", "厨房 小工具"));
        assertFalse(Categories.same("厨房用具/锅具", "厨房用具/刀具砧板"));
        assertFalse(Categories.same(null, null));
        assertFalse(Categories.same("", ""));
    }
}
