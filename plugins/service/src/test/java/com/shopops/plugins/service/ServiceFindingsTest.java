package com.shopops.plugins.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.shopops.api.Finding;
import com.shopops.api.Role;
import com.shopops.api.Severity;
import com.shopops.api.Shop;
import com.shopops.api.data.OrderRow;
import com.shopops.api.data.RefundRow;
import com.shopops.api.domain.Order.Status;
import com.shopops.platform.core.BundleMessages;
import com.shopops.platform.core.PluginSettings;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.data.CoreTableWriter;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import com.shopops.plugins.service.analysis.Chat;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The briefing's findings on a small hand-made shop in a real SQLite file, every expected figure worked out
 * in the comments: agents A and E convert every inquiry, B one in five; A's orders come back; the answers of
 * the last week are slower than the week before's. The thresholds are the shop's settings.
 */
class ServiceFindingsTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate D = LocalDate.of(2024, 5, 14);
    static final LocalDate EARLIER = D.minusDays(10);

    @TempDir
    Path dir;

    static OrderRow order(String id, Status status, long refunded) {
        var at = EARLIER.atTime(12, 0).atZone(SHANGHAI).toInstant();
        return new OrderRow(id, "buyer-" + id, at, status == Status.CANCELLED ? null : at, status, null, null, "P1", "锅", 1, 10_000,
                10_000, refunded, refunded > 0 ? "质量" : null);
    }

    static Chat chat(LocalDate day, String agent, int n, long response, boolean inquiry, String order) {
        return new Chat(day, agent, "c" + n, day.atTime(10, 0).plusMinutes(n), response, 6, inquiry, order, null);
    }

    /**
     * In the week before the last (1–7 May): A's 10 inquiries become a1..a10 (a1, a2 refunded in full, a3 in
     * part), E's 10 become e1..e10, B's 5 only b1 (b2 cancelled) — 25 chats at 20 s. In the last week (8–14 May):
     * 21 after-sales chats of C at 30 s.
     */
    static Shop handMade(Fresh f, String code) {
        Shop shop = new ShopStore(f.database().jdbi(), Clock.systemUTC()).create(new ShopStore.NewShop(code, null, null, "CNY", "Asia/Shanghai"));
        List<OrderRow> orders = new ArrayList<>();
        List<Chat> chats = new ArrayList<>();
        int n = 0;
        for (int i = 1; i <= 10; i++) {
            orders.add(order("a" + i, i <= 2 ? Status.REFUNDED : Status.COMPLETED, i <= 2 ? 10_000 : 0));
            orders.add(order("e" + i, Status.COMPLETED, 0));
            chats.add(chat(EARLIER, "A", n++, 20, true, "a" + i));
            chats.add(chat(EARLIER, "E", n++, 20, true, "e" + i));
        }
        orders.add(order("b1", Status.COMPLETED, 0));
        orders.add(order("b2", Status.CANCELLED, 0));
        for (int i = 1; i <= 5; i++) {
            chats.add(chat(EARLIER, "B", n++, 20, true, i <= 2 ? "b" + i : null));
        }
        for (int i = 0; i < 21; i++) {
            chats.add(chat(D.minusDays(i % 7), "C", n++, 30, false, null));
        }
        f.database().jdbi().useTransaction(h -> {
            CoreTableWriter w = new CoreTableWriter(h, shop);
            w.orders(orders);
            w.refunds(List.of(new RefundRow("r1", "a3", EARLIER.plusDays(2).atTime(9, 0).atZone(SHANGHAI).toInstant(), 3_000, "尺码")));
            ServiceStore.writeChats(h, shop.id(), chats);
        });
        return shop;
    }

    @Test
    void aWeakAgentASlowerWeekAndAnAgentWhoseOrdersComeBack() throws Exception {
        try (Fresh f = TestDatabases.migrated(Kind.SQLITE, dir, "service")) {
            Shop shop = handMade(f, "tb");
            Shop empty = new ShopStore(f.database().jdbi(), Clock.systemUTC()).create(new ShopStore.NewShop("jd", null, null, "CNY", "Asia/Shanghai"));
            PluginSettings settings = new PluginSettings(f.database().jdbi(), "service", Clock.systemUTC());
            ServiceFindings findings = new ServiceFindings(new ServiceStore(f.database().jdbi()), f.data(), settings,
                    new BundleMessages("service", getClass().getClassLoader()));
            // Agents need 5 inquiries to be judged (B has 5).
            settings.put(shop.id(), "min-inquiries", "5");
            Map<String, Finding> by = findings.findings(shop, D, Locale.ENGLISH).stream().collect(Collectors.toMap(Finding::metric, x -> x));
            assertEquals(List.of("service.conversion", "service.refund-rate", "service.response-time"), by.keySet().stream().sorted().toList());

            // Team: 21 paid of 25 inquiries = 0.84; B 1 of 5 = 0.2, 64 points below; impact 0.64 × 5 × ¥100 = ¥320.
            Finding weak = by.get("service.conversion");
            assertEquals(Severity.WARNING, weak.severity());
            assertEquals(0.2, weak.value(), 1e-12);
            assertEquals(21.0 / 25, weak.expected(), 1e-12);
            assertEquals(32_000, weak.impact());
            assertEquals("B converts 20% of inquiries, the team 84%", weak.title());
            assertEquals(Role.SERVICE, weak.role());
            assertEquals("/ui/service/index.html?shop=tb&agent=B", weak.link());

            // Last week 21 chats at 30 s against 25 at 20 s the week before: 50% slower.
            Finding slower = by.get("service.response-time");
            assertEquals(30.0, slower.value(), 1e-12);
            assertEquals(20.0, slower.expected(), 1e-12);
            assertEquals("Customer service answers 50% slower: 30 s against 20 s", slower.title());
            assertEquals(14, slower.trend().size());
            assertEquals(30.0, slower.trend().get(13), 1e-12);

            // A: 3 of 10 orders refunded (two in full, one in part) = 0.3; the team 3 of 21; impact (0.3 − 1/7) × ¥1,000 = ¥157.14.
            Finding refunds = by.get("service.refund-rate");
            assertEquals(Severity.INFO, refunds.severity());
            assertEquals(0.3, refunds.value(), 1e-12);
            assertEquals(3.0 / 21, refunds.expected(), 1e-12);
            assertEquals(15_714, refunds.impact());

            // The thresholds are the shop's: B's 64 points are not far below at 70; a 50% rise is no finding at 60%.
            settings.put(shop.id(), "weak-gap", "0.7");
            settings.put(shop.id(), "response-rise", "0.6");
            assertEquals(List.of("service.refund-rate"), findings.findings(shop, D, Locale.ENGLISH).stream().map(Finding::metric).toList());
            // With the default of 30 inquiries nobody is ranked, so no agent's conversion is judged (refunds need 10 orders, not a rank).
            settings.remove(shop.id(), "min-inquiries");
            settings.remove(shop.id(), "weak-gap");
            assertEquals(List.of("service.refund-rate"), findings.findings(shop, D, Locale.ENGLISH).stream().map(Finding::metric).toList());
            assertEquals(List.of(), findings.findings(empty, D, Locale.ENGLISH), "no chats, no findings");
        }
    }
}
