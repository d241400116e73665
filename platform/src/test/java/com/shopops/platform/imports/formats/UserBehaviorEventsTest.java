package com.shopops.platform.imports.formats;

import static com.shopops.platform.imports.formats.Rows.TMALL;
import static com.shopops.platform.imports.formats.Rows.accepted;
import static com.shopops.platform.imports.formats.Rows.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.ImportContext;
import com.shopops.api.ImportRow;
import com.shopops.api.ParsedRow;
import com.shopops.api.domain.BehaviourEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserBehaviorEventsTest {

    private final UserBehaviorEvents format = new UserBehaviorEvents();
    private final ImportContext context = new ImportContext(TMALL, "UserBehavior.csv",
            List.of("1", "2268318", "2520377", "pv", "1511544070"), Map.of());

    private ParsedRow<BehaviourEvent> parse(String line) {
        return format.parse(new ImportRow(1, List.of(), Arrays.asList(line.split(",", -1))), context);
    }

    private static List<String> cells(String line) {
        return Arrays.asList(line.split(",", -1));
    }

    @Test
    void hasNoHeaderAndRecognisesItsFirstRow() {
        assertEquals("user-behavior", format.name());
        assertEquals("events", format.kind());
        assertFalse(format.hasHeader());
        assertTrue(format.recognises(cells("1,2268318,2520377,pv,1511544070")));
        assertTrue(format.recognises(cells("100,5,7,buy,1511544070")));
        assertFalse(format.recognises(cells("user_id,item_id,category_id,behavior_type,timestamp")));
        assertFalse(format.recognises(cells("1,2268318,2520377,click,1511544070")));
        assertFalse(format.recognises(cells("1,2268318,2520377,pv")));
        assertFalse(format.recognises(cells("1,2268318,2520377,pv,1511544070,x")));
        assertFalse(format.recognises(cells("a1,2268318,2520377,pv,1511544070")));
        assertFalse(format.recognises(cells("1,2268318,2520377,pv,2017-11-24")));
    }

    @Test
    void eachTypeBecomesItsFunnelStep() {
        Instant at = Instant.ofEpochSecond(1511544070);
        assertEquals(new BehaviourEvent(0, "1", "2268318", "2520377", BehaviourEvent.Type.VIEW, at),
                accepted(parse("1,2268318,2520377,pv,1511544070")));
        assertEquals(BehaviourEvent.Type.FAVOURITE, accepted(parse("1,2,3,fav,1511544070")).type());
        assertEquals(BehaviourEvent.Type.CART, accepted(parse("1,2,3,cart,1511544070")).type());
        assertEquals(BehaviourEvent.Type.BUY, accepted(parse("1,2,3,buy,1511544070")).type());
        assertEquals(Instant.parse("2017-11-24T17:21:10Z"), at);
    }

    @Test
    void aRowWithoutFiveFieldsIsRejectedAsAWhole() {
        rejected(parse("1,2268318,2520377"), "row",
                "expected 5 fields (user_id, item_id, category_id, behavior_type, timestamp), found 3");
        rejected(parse("1,2268318,2520377,pv,1511544070,9"), "row", "found 6");
        rejected(parse("1,2268318,2520377,pv,15115"), "timestamp", "not between 2000 and 2100"); // a truncated last line
    }

    @Test
    void badFieldsAreRejectedByTheirName() {
        rejected(parse("1,2,3,click,1511544070"), "behavior_type", "behavior_type 'click' is not one of pv, fav, cart, buy");
        rejected(parse("1,2,3,PV,1511544070"), "behavior_type", "'PV'");
        rejected(parse("1,2,3,,1511544070"), "behavior_type", "behavior_type is empty");
        rejected(parse("x,2,3,pv,1511544070"), "user_id", "user_id 'x' is not a numeric id");
        rejected(parse("1,,3,pv,1511544070"), "item_id", "item_id is empty");
        rejected(parse("1,2,3.5,pv,1511544070"), "category_id", "category_id '3.5' is not a numeric id");
        rejected(parse("1,2,3,pv,2017-11-24 17:21"), "timestamp", "is not Unix seconds");
        rejected(parse("1,2,3,pv,"), "timestamp", "timestamp is empty");
        rejected(parse("1,2,3,pv,946684799"), "timestamp", "timestamp 946684799 is 1999-12-31T23:59:59Z, not between 2000 and 2100");
        rejected(parse("1,2,3,pv,4102444800"), "timestamp", "not between 2000 and 2100");
        rejected(parse("1,2,3,pv,99999999999999999999"), "timestamp", "is not Unix seconds");
        assertEquals(Instant.parse("2000-01-01T00:00:00Z"), accepted(parse("1,2,3,pv,946684800")).at());
    }
}
