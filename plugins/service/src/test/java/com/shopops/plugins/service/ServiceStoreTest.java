package com.shopops.plugins.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.shopops.api.ImportFormat.WriteResult;
import com.shopops.api.Shop;
import com.shopops.api.data.OrderRow;
import com.shopops.api.data.RefundRow;
import com.shopops.api.domain.Order.Status;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.data.CoreTableWriter;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import com.shopops.plugins.service.analysis.AgentDay;
import com.shopops.plugins.service.analysis.AgentFigures;
import com.shopops.plugins.service.analysis.Chat;
import com.shopops.plugins.service.analysis.InquiryOrder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The service store on a real SQLite file and a real PostgreSQL schema: chats and agent days kept per
 * shop with their unknowns (no order, no follow-up said, no score) as unknowns, a row written again
 * unchanged or updated as counted, and a period read with its inquiries' orders looked up in the core's
 * orders and refunds through ShopData.
 */
class ServiceStoreTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);
    static final LocalDate MAY_2 = MAY_1.plusDays(1);

    @TempDir
    Path dir;

    static Chat chat(LocalDate day, String agent, String customer, int hour, long response, boolean inquiry, String order, Boolean followed) {
        return new Chat(day, agent, customer, day.atTime(hour, 0), response, 5, inquiry, order, followed);
    }

    static Instant at(LocalDate day) {
        return day.atTime(12, 0).atZone(SHANGHAI).toInstant();
    }

    static OrderRow order(String id, LocalDate day, Status status, long amount, long refunded) {
        return new OrderRow(id, "buyer-" + id, at(day), status == Status.PLACED || status == Status.CANCELLED ? null : at(day), status,
                null, null, "P1", "锅", 1, amount, amount, refunded, refunded > 0 ? "质量" : null);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void chatsAndAgentDaysPerShopWrittenAgainUnchangedOrUpdated(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "service")) {
            long a = f.newShop("a");
            long b = f.newShop("b");
            ServiceStore store = new ServiceStore(f.database().jdbi());
            assertEquals(Optional.empty(), store.lastDay(a));
            List<Chat> chats = List.of(chat(MAY_1, "小美", "c1", 9, 12, true, "100001", true),
                    chat(MAY_1, "小美", "c2", 10, 30, true, null, null),
                    chat(MAY_2, "阿强", "c1", 9, 50, false, null, false));
            List<AgentDay> days = List.of(new AgentDay(MAY_1, "小美", 480, 4.8, 10L, 9L), new AgentDay(MAY_1, "阿强", 300, null, null, null));
            assertEquals(new WriteResult(3, 0), f.database().jdbi().inTransaction(h -> ServiceStore.writeChats(h, a, chats)));
            assertEquals(new WriteResult(2, 0), f.database().jdbi().inTransaction(h -> ServiceStore.writeAgentDays(h, a, days)));
            f.database().jdbi().useTransaction(h -> ServiceStore.writeChats(h, b, List.of(chat(MAY_1, "x", "y", 8, 1, true, null, null))));

            assertEquals(chats, store.chats(a, MAY_1, MAY_2));
            assertEquals(chats.subList(0, 2), store.chats(a, MAY_1, MAY_1));
            assertEquals(days, store.agentDays(a, MAY_1, MAY_2));
            assertEquals(Optional.of(MAY_2), store.lastDay(a));
            assertEquals(1, store.chats(b, MAY_1, MAY_2).size(), "the other shop's chat stays its own");

            // Written again: unchanged. Then with changes, unknowns among them: updated.
            assertEquals(new WriteResult(0, 0), f.database().jdbi().inTransaction(h -> ServiceStore.writeChats(h, a, chats)));
            assertEquals(new WriteResult(0, 0), f.database().jdbi().inTransaction(h -> ServiceStore.writeAgentDays(h, a, days)));
            List<Chat> changed = List.of(chat(MAY_1, "小美", "c1", 9, 12, true, null, true), chat(MAY_1, "小美", "c2", 10, 30, true, "100009", false),
                    chats.get(2));
            assertEquals(new WriteResult(0, 2), f.database().jdbi().inTransaction(h -> ServiceStore.writeChats(h, a, changed)));
            assertEquals(changed, store.chats(a, MAY_1, MAY_2));
            List<AgentDay> newDays = List.of(new AgentDay(MAY_1, "小美", 480, null, null, null), new AgentDay(MAY_1, "阿强", 300, 4.0, 2L, 2L));
            assertEquals(new WriteResult(0, 2), f.database().jdbi().inTransaction(h -> ServiceStore.writeAgentDays(h, a, newDays)));
            assertEquals(newDays, store.agentDays(a, MAY_1, MAY_2));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aPeriodsInquiriesFindTheirOrdersAndRefundsInTheCore(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir, "service")) {
            Shop shop = new ShopStore(f.database().jdbi(), Clock.systemUTC()).create(new ShopStore.NewShop("tb", "TB", "taobao", "CNY", "Asia/Shanghai"));
            List<OrderRow> orders = new ArrayList<>(List.of(
                    order("100001", MAY_1, Status.PAID, 10_000, 0),          // paid
                    order("100002", MAY_1, Status.COMPLETED, 20_000, 0),     // paid, a partial refund below
                    order("100003", MAY_2, Status.REFUNDED, 30_000, 30_000), // paid, refunded in full
                    order("100004", MAY_2, Status.CANCELLED, 40_000, 0),     // never paid
                    order("100005", MAY_2, Status.PLACED, 50_000, 0),        // not paid (yet)
                    order("100006", MAY_1.plusDays(9), Status.PAID, 60_000, 0))); // too long after the period to be its inquiry's
            f.database().jdbi().useTransaction(h -> {
                CoreTableWriter w = new CoreTableWriter(h, shop);
                w.orders(orders);
                w.refunds(List.of(new RefundRow("r1", "100002", at(MAY_1.plusDays(5)), 5_000, "尺码")));
            });
            List<Chat> chats = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                chats.add(chat(i <= 2 ? MAY_1 : MAY_2, "小美", "c" + i, 9, 10, true, "10000" + i, null));
            }
            chats.add(chat(MAY_2, "小美", "c9", 11, 10, false, "100001", null)); // after-sales: no inquiry
            chats.add(chat(MAY_2, "小美", "c10", 12, 10, true, null, null));      // an inquiry without an order
            f.database().jdbi().useTransaction(h -> ServiceStore.writeChats(h, shop.id(), chats));

            ServicePeriod p = ServicePeriod.read(new ServiceStore(f.database().jdbi()), f.data(), shop.id(), MAY_1, MAY_2);
            assertEquals(Map.of("100001", new InquiryOrder(true, false, 10_000), "100002", new InquiryOrder(true, true, 20_000),
                    "100003", new InquiryOrder(true, true, 30_000), "100004", new InquiryOrder(false, false, 40_000),
                    "100005", new InquiryOrder(false, false, 50_000)), p.orders());
            assertFalse(p.orders().containsKey("100006"));
            // 7 inquiries; 100001, 100002, 100003 paid: 3 of 7; 2 of the 3 refunded; ¥600 paid.
            AgentFigures team = p.team();
            assertEquals(List.of(8L, 7L, 3L, 2L, 60_000L), List.of(team.chats(), team.inquiries(), team.converted(), team.refunded(),
                    team.orderAmount()));
            assertEquals(2.0 / 3, team.refundRate(), 1e-12);
            assertNull(ServicePeriod.read(new ServiceStore(f.database().jdbi()), f.data(), shop.id(), MAY_1.minusDays(9), MAY_1.minusDays(8))
                    .team().conversion(), "no chats, no conversion");
        }
    }
}
