package com.shopops.plugins.service.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Shop;
import com.shopops.platform.core.EventBus;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.imports.ImportFormats;
import com.shopops.platform.imports.ImportRunner;
import com.shopops.platform.imports.ImportSummary;
import com.shopops.platform.imports.ImportSummary.RowError;
import com.shopops.platform.testing.HostileFiles;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import com.shopops.plugins.service.ServiceStore;
import com.shopops.plugins.service.analysis.AgentDay;
import com.shopops.plugins.service.analysis.Chat;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two service formats through the host's import engine into a real SQLite file with the service
 * migrations: detected by their headers (Chinese for chats, English for agent days, and a GBK file as the
 * back office writes it), every bad row rejected with its line, column and reason, the good rows stored as
 * read, and the same file imported again changing nothing.
 */
class ServiceImportTest {

    static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);

    @TempDir
    Path dir;

    static String chats() {
        return HostileFiles.resource(ServiceImportTest.class, "/imports/service-chats.csv", StandardCharsets.UTF_8);
    }

    static String agentDays() {
        return HostileFiles.resource(ServiceImportTest.class, "/imports/service-agent-days.csv", StandardCharsets.UTF_8);
    }

    private ImportSummary run(Fresh f, Shop shop, String name, String text, Charset charset) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, text.getBytes(charset));
        ImportRunner runner = new ImportRunner(f.database().jdbi(), new ImportFormats(List.of(new ServiceChats(), new AgentDays()), List::of),
                new EventBus());
        return runner.run(new ImportRunner.Request(shop, "service", null, file, name, Map.of(), false), ImportRunner.Progress.NONE);
    }

    @Test
    void chatsWithChineseHeadersBadRowsRejectedAndAgainNothingChanges() throws Exception {
        try (Fresh f = TestDatabases.migrated(Kind.SQLITE, dir, "service")) {
            Shop shop = new ShopStore(f.database().jdbi(), Clock.systemUTC()).create(new ShopStore.NewShop("tb", "TB", "taobao", "CNY", "Asia/Shanghai"));
            ImportSummary s = run(f, shop, "chats.csv", chats(), StandardCharsets.UTF_8);
            assertEquals("service-chats", s.format());
            assertEquals(List.of(9L, 3L, 6L), List.of(s.read(), s.imported(), s.rejected()), s.toString());
            assertEquals(List.of(5L, 6L, 7L, 8L, 9L, 10L), s.errors().stream().map(RowError::line).toList());
            assertEquals(List.of("首次响应(秒)", "客服", "开始时间", "类型", "消息数", "跟进"), s.errors().stream().map(RowError::column).toList());
            assertTrue(s.errors().get(2).reason().contains("is not on 2024-05-01"), s.errors().get(2).reason());

            ServiceStore store = new ServiceStore(f.database().jdbi());
            assertEquals(List.of(
                    new Chat(MAY_1, "小美", "tb_buyer1", LocalDateTime.of(2024, 5, 1, 9, 30, 5), 12, 8, true, "100001", true),
                    // 00:01:05 is 65 seconds; no order
                    new Chat(MAY_1, "小美", "tb_buyer2", LocalDateTime.of(2024, 5, 1, 10, 2), 65, 5, true, null, false),
                    // after-sales, follow-up not said
                    new Chat(MAY_1, "阿强", "tb_buyer3", LocalDateTime.of(2024, 5, 1, 11, 0), 30, 3, false, null, null)),
                    store.chats(shop.id(), MAY_1, MAY_1));

            ImportSummary again = run(f, shop, "chats.csv", chats(), StandardCharsets.UTF_8);
            assertEquals(List.of(0L, 0L, 3L, 6L), List.of(again.imported(), again.updated(), again.unchanged(), again.rejected()), again.toString());

            // A chat reported again with another first response replaces its row.
            ImportSummary changed = run(f, shop, "chats-2.csv", chats().replace("tb_buyer1,09:30:05,12", "tb_buyer1,09:30:05,15"),
                    StandardCharsets.UTF_8);
            assertEquals(List.of(0L, 1L, 2L), List.of(changed.imported(), changed.updated(), changed.unchanged()), changed.toString());
            assertEquals(15, store.chats(shop.id(), MAY_1, MAY_1).get(0).firstResponseSeconds());

            // The back office's GBK export with its own header names (接待时间, 首响时长, 买家昵称).
            String gbk = """
                    日期,客服昵称,买家昵称,接待时间,首响时长,客服消息数,订单号
                    2024/5/2,小美,tb_buyer9,8:05,20,4,100002
                    """;
            ImportSummary g = run(f, shop, "gbk.csv", gbk, Charset.forName("GBK"));
            assertEquals(List.of(1L, 0L), List.of(g.imported(), g.rejected()), g.toString());
            assertEquals(new Chat(MAY_1.plusDays(1), "小美", "tb_buyer9", LocalDateTime.of(2024, 5, 2, 8, 5), 20, 4, true, "100002", null),
                    store.chats(shop.id(), MAY_1.plusDays(1), MAY_1.plusDays(1)).get(0));
        }
    }

    @Test
    void agentDaysWithEnglishHeadersBadRowsRejectedAndAgainNothingChanges() throws Exception {
        try (Fresh f = TestDatabases.migrated(Kind.SQLITE, dir, "service")) {
            Shop shop = new ShopStore(f.database().jdbi(), Clock.systemUTC()).create(new ShopStore.NewShop("tb", "TB", "taobao", "CNY", "Asia/Shanghai"));
            ImportSummary s = run(f, shop, "days.csv", agentDays(), StandardCharsets.UTF_8);
            assertEquals("service-agent-days", s.format());
            assertEquals(List.of(5L, 2L, 3L), List.of(s.read(), s.imported(), s.rejected()), s.toString());
            assertEquals(List.of(4L, 5L, 6L), s.errors().stream().map(RowError::line).toList());
            assertEquals(List.of("Online minutes", "Review score", "Satisfied"), s.errors().stream().map(RowError::column).toList());
            assertEquals(List.of(new AgentDay(MAY_1, "小美", 480, 4.8, 10L, 9L), new AgentDay(MAY_1, "阿强", 300, null, null, null)),
                    new ServiceStore(f.database().jdbi()).agentDays(shop.id(), MAY_1, MAY_1));
            ImportSummary again = run(f, shop, "days.csv", agentDays(), StandardCharsets.UTF_8);
            assertEquals(List.of(0L, 0L, 2L), List.of(again.imported(), again.updated(), again.unchanged()), again.toString());
        }
    }
}
