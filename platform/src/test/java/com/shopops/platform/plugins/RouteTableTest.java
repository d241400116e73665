package com.shopops.platform.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.RouteHandler;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTableTest {

    private static final RouteHandler LIST = req -> { };
    private static final RouteHandler ONE = req -> { };
    private static final RouteHandler NEW = req -> { };
    private static final RouteHandler SAVE = req -> { };

    private final RouteTable table = new RouteTable("traffic");

    @Test
    void literalPathsMatchExactly() {
        table.get("/kpis", "traffic.view", LIST);

        RouteTable.Match match = table.match("GET", "/kpis").orElseThrow();

        assertSame(LIST, match.route().handler());
        assertEquals(Map.of(), match.pathParams());
        assertEquals(Optional.empty(), table.match("GET", "/kpis/extra"));
        assertEquals(Optional.empty(), table.match("GET", "/kpi"));
        assertEquals(Optional.empty(), table.match("GET", "/"));
    }

    @Test
    void parametersAreExtracted() {
        table.get("/keywords/{id}/days/{day}", "traffic.view", ONE);

        RouteTable.Match match = table.match("GET", "/keywords/42/days/2024-03-05").orElseThrow();

        assertSame(ONE, match.route().handler());
        assertEquals(Map.of("id", "42", "day", "2024-03-05"), match.pathParams());
        assertEquals(Optional.empty(), table.match("GET", "/keywords//days/2024-03-05"), "a parameter is never empty");
        assertEquals(Optional.empty(), table.match("GET", "/keywords/42/days"));
    }

    @Test
    void aLiteralSegmentWinsOverAParameterWhicheverCameFirst() {
        table.get("/keywords/{id}", "traffic.view", ONE);
        table.get("/keywords/new", "traffic.view", NEW);
        RouteTable reversed = new RouteTable("traffic");
        reversed.get("/keywords/new", "traffic.view", NEW);
        reversed.get("/keywords/{id}", "traffic.view", ONE);

        for (RouteTable t : new RouteTable[] {table, reversed}) {
            assertSame(NEW, t.match("GET", "/keywords/new").orElseThrow().route().handler());
            RouteTable.Match other = t.match("GET", "/keywords/7").orElseThrow();
            assertSame(ONE, other.route().handler());
            assertEquals(Map.of("id", "7"), other.pathParams());
        }
    }

    @Test
    void methodsAreKeptApart() {
        table.get("/channels/{source}", "traffic.view", ONE);
        table.put("/channels/{source}", "traffic.edit", SAVE);

        assertSame(ONE, table.match("GET", "/channels/直通车").orElseThrow().route().handler());
        assertSame(SAVE, table.match("PUT", "/channels/直通车").orElseThrow().route().handler());
        assertEquals("traffic.edit", table.match("PUT", "/channels/x").orElseThrow().route().permission());
        assertEquals(Optional.empty(), table.match("DELETE", "/channels/x"));

        assertTrue(table.hasOtherMethod("DELETE", "/channels/x"), "405 rather than 404");
        assertTrue(table.hasOtherMethod("GET", "/channels/x"));
        assertFalse(table.hasOtherMethod("DELETE", "/nothing/here"));
    }

    @Test
    void aPathOnlyOneMethodHasIsNotOtherMethod() {
        table.post("/imports", "traffic.edit", SAVE);

        assertFalse(table.hasOtherMethod("POST", "/imports"));
        assertTrue(table.hasOtherMethod("GET", "/imports"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kpis", "/", "", "/a//b", "/a/", "/../x", "/a/./b", "/a b", "/a/{1x}", "/a/{b", "/a/b?c=d"})
    void invalidPathsAreRefused(String path) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> table.get(path, "traffic.view", LIST));

        assertTrue(e.getMessage().startsWith("plugin 'traffic': route GET " + path), e.getMessage());
        assertEquals(0, table.routes().size());
    }

    @Test
    void aNullPathIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> table.get(null, "traffic.view", LIST));
    }

    @Test
    void everyRouteNamesAPermission() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> table.get("/kpis", " ", LIST));
        assertThrows(IllegalArgumentException.class, () -> table.get("/kpis", null, LIST));

        assertTrue(blank.getMessage().contains("permission"), blank.getMessage());
    }

    @Test
    void aRouteNeedsAHandler() {
        assertThrows(IllegalArgumentException.class, () -> table.get("/kpis", "traffic.view", null));
    }

    @Test
    void twoRoutesOfTheSameShapeAndMethodClash() {
        table.get("/x/{a}", "traffic.view", ONE);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> table.get("/x/{b}", "traffic.view", ONE));
        assertThrows(IllegalArgumentException.class, () -> table.get("/x/{a}", "traffic.view", ONE));

        assertTrue(e.getMessage().contains("clashes with /x/{a}"), e.getMessage());
        table.post("/x/{b}", "traffic.edit", SAVE);
        table.get("/x/literal", "traffic.view", NEW);
        assertEquals(3, table.routes().size());
    }
}
