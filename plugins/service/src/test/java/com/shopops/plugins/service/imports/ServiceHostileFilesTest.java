package com.shopops.plugins.service.imports;

import com.shopops.api.Shop;
import com.shopops.platform.core.EventBus;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.imports.ImportFormats;
import com.shopops.platform.imports.ImportRunner;
import com.shopops.platform.testing.HostileFiles;
import com.shopops.platform.testing.HostileFiles.Sample;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken chat and agent-day reports, spoiled from {@link ServiceImportTest}'s samples (the
 * spoilers and the checks are {@link HostileFiles}'), imported through the host's import engine into an
 * SQLite file with the service migrations: refused with a reason or every row accounted for, never a crash,
 * a hang or a half-written batch, the stored rows keeping the formats' rules, and the same file imported
 * again changing nothing.
 */
class ServiceHostileFilesTest {

    @TempDir
    Path dir;

    @Test
    void aSpoiledReportIsRefusedOrHasEveryRowAccountedForAndNeverWritesHalf() throws Exception {
        try (Fresh f = TestDatabases.migrated(Kind.SQLITE, dir, "service")) {
            Jdbi jdbi = f.database().jdbi();
            Shop shop = new ShopStore(jdbi, Clock.systemUTC()).create(new ShopStore.NewShop("tb", "TB", "taobao", "CNY", "Asia/Shanghai"));
            // Batches of 4 rows: a batch that cannot be written comes after batches that were.
            ImportRunner runner = new ImportRunner(jdbi, new ImportFormats(List.of(new ServiceChats(), new AgentDays()), List::of),
                    new EventBus(), 4);
            HostileFiles.Tally tally = new HostileFiles(jdbi, runner, shop, dir)
                    .watching("service_chats", "service_agent_days")
                    .keeping("agents and customers are named", """
                            SELECT COUNT(*) FROM service_chats WHERE TRIM(agent) IN ('', '-', '--', '—') OR TRIM(customer) IN ('', '-', '--', '—')""")
                    // text compared as text orders by day only in this shape
                    .keeping("a day is YYYY-MM-DD", """
                            SELECT (SELECT COUNT(*) FROM service_chats WHERE day NOT GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
                                 + (SELECT COUNT(*) FROM service_agent_days WHERE day NOT GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')""")
                    .keeping("a chat starts on its day", "SELECT COUNT(*) FROM service_chats WHERE SUBSTR(started_at, 1, 10) <> day")
                    .keeping("a first response is within a day", """
                            SELECT COUNT(*) FROM service_chats WHERE first_response_seconds < 0 OR first_response_seconds > 86400""")
                    .keeping("a score is 0 to 5 and satisfied at most the reviews", """
                            SELECT COUNT(*) FROM service_agent_days WHERE score < 0 OR score > 5 OR satisfied > rated OR online_minutes > 1440""")
                    .importingTwice()
                    .rounds(12)
                    .run(List.of(new Sample("service", "service-chats", ServiceImportTest.chats()).adding("service_chats"),
                            new Sample("service", "service-agent-days", ServiceImportTest.agentDays()).adding("service_agent_days")));
            System.out.println("hostile service reports: " + tally);
        }
    }
}
