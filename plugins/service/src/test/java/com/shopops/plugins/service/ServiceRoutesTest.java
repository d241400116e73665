package com.shopops.plugins.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.shopops.api.Permission;
import com.shopops.api.Role;
import com.shopops.platform.testing.PluginRoutes;
import com.shopops.plugins.service.analysis.AgentFigures;
import io.javalin.http.BadRequestResponse;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the routes decide without a server: which permission each route needs (customer service may read,
 * only owner and operator change settings), the period asked for, the figures' JSON fields, and the
 * settings' checks. (Over HTTP the routes are the dist's integration tests'.)
 */
class ServiceRoutesTest {

    static final LocalDate LAST = LocalDate.of(2024, 5, 31);

    @Test
    void readsNeedTheViewPermissionSettingsTheEditOne() {
        List<String> seen = PluginRoutes.registered(new ServiceRoutes(null, null, null, null, null)::register).stream()
                .map(r -> r.method() + " " + r.path() + " " + r.permission()).toList();
        assertEquals(List.of("GET /team service.view", "GET /agents service.view", "GET /ranking service.view", "GET /trend service.view",
                "GET /settings service.view", "PUT /settings service.edit"), seen);
        Map<String, Set<Role>> roles = new ServicePlugin().permissions().stream().collect(Collectors.toMap(Permission::name, Permission::defaultRoles));
        assertEquals(EnumSet.of(Role.OWNER, Role.OPERATOR, Role.SERVICE), roles.get("service.view"));
        assertEquals(EnumSet.of(Role.OWNER, Role.OPERATOR), roles.get("service.edit"));
    }

    @Test
    void thePeriodAskedFor() {
        LocalDate may1 = LocalDate.of(2024, 5, 1);
        assertArrayEquals(new LocalDate[] {LAST.minusDays(29), LAST}, ServiceRoutes.period(null, null, 30, () -> LAST), "30 days to the last");
        assertArrayEquals(new LocalDate[] {may1, may1.plusDays(29)}, ServiceRoutes.period(may1, null, 30, () -> LAST));
        assertArrayEquals(new LocalDate[] {may1.minusDays(6), may1}, ServiceRoutes.period(null, may1, 7, () -> LAST));
        assertArrayEquals(new LocalDate[] {may1, may1}, ServiceRoutes.period(may1, may1, 30, () -> LAST));
        assertEquals("from 2024-05-31 is after to 2024-05-01",
                assertThrows(BadRequestResponse.class, () -> ServiceRoutes.period(LAST, may1, 30, () -> LAST)).getMessage());
        ServiceRoutes.period(may1, may1.plusDays(365), 30, () -> LAST);
        assertThrows(BadRequestResponse.class, () -> ServiceRoutes.period(may1, may1.plusDays(366), 30, () -> LAST));
    }

    @Test
    void theFiguresFieldsAndNoCostPrice() {
        AgentFigures f = new AgentFigures("小美", 4, 3, 2, 1, 30_000, 100, 30, 3, 2, 900, 30, 138, 30, 25);
        Map<String, Object> json = ServiceRoutes.json(f);
        assertEquals(List.of("agent", "chats", "inquiries", "converted", "conversion", "refunded", "refundRate", "orderAmount",
                "averageResponseSeconds", "onlineMinutes", "chatsPerHour", "score", "rated", "satisfied", "satisfaction", "followUpRate",
                "messagesPerChat"), List.copyOf(json.keySet()));
        assertEquals(2.0 / 3, (Double) json.get("conversion"), 1e-12);
        assertEquals(25.0, (Double) json.get("averageResponseSeconds"), 1e-12);
        assertEquals(4.6, (Double) json.get("score"), 1e-12);
    }

    @Test
    void settingsAreCheckedAndNameTheBadField() {
        ServiceSettings s = ServiceSettings.DEFAULT.with(Map.of("conversionTarget", 0.6, "minInquiries", 20));
        assertEquals(new ServiceSettings(0.6, 20, 0.10, 0.20, 0.05, 30), s);
        assertEquals(s, ServiceSettings.DEFAULT.with(s.asJson()));
        assertEquals("conversionTarget: a fraction above 0, at most 1",
                assertThrows(IllegalArgumentException.class, () -> ServiceSettings.DEFAULT.with(Map.of("conversionTarget", 50))).getMessage());
        assertEquals("minInquiries: a whole number, not 2.5",
                assertThrows(IllegalArgumentException.class, () -> ServiceSettings.DEFAULT.with(Map.of("minInquiries", 2.5))).getMessage());
        assertEquals("weakGap: a number, not ten",
                assertThrows(IllegalArgumentException.class, () -> ServiceSettings.DEFAULT.with(Map.of("weakGap", "ten"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServiceSettings.DEFAULT.with(Map.of("costPrice", 1)));
    }
}
