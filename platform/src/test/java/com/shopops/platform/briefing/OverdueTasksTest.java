package com.shopops.platform.briefing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Finding;
import com.shopops.api.Role;
import com.shopops.api.Severity;
import com.shopops.api.Shop;
import com.shopops.platform.core.BundleMessages;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.tasks.Task;
import com.shopops.platform.tasks.TaskStore;
import com.shopops.platform.testing.TestClock;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tasks left open past their due day come back in the next morning's briefing. */
class OverdueTasksTest {

    @TempDir
    Path dir;

    /** 09:00 on the 23rd in Shanghai: the briefing is about the 22nd. */
    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T01:00:00Z"));

    private static TaskStore.NewTask task(String title, Role role, LocalDate due) {
        return new TaskStore.NewTask(title, null, role, null, due, null, null, Map.of());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void openAndDoingTasksDueByTheBriefingsDayAreWarnings(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            Shop shop = new ShopStore(f.database().jdbi(), clock).create(new ShopStore.NewShop("s", "Shop", "taobao", "CNY", "Asia/Shanghai"));
            TaskStore tasks = new TaskStore(f.database().jdbi(), clock);
            LocalDate day = LocalDate.of(2026, 11, 22);
            Task late = tasks.create(shop.id(), task("Fix the main image", Role.DESIGN, day.minusDays(3)), null);
            Task doing = tasks.create(shop.id(), task("Raise bids on 连衣裙", Role.PROMOTION, day), null);
            tasks.update(shop.id(), doing.id(), new TaskStore.Change(Task.Status.DOING, null, null, null, null, null, null), null);
            Task done = tasks.create(shop.id(), task("Answer the bad review", Role.SERVICE, day.minusDays(1)), null);
            tasks.update(shop.id(), done.id(), new TaskStore.Change(Task.Status.DONE, null, null, null, null, null, null), null);
            tasks.create(shop.id(), task("Due today", Role.OPERATOR, day.plusDays(1)), null);
            tasks.create(shop.id(), task("No due day", Role.OPERATOR, null), null);

            List<Finding> found = new OverdueTasks(tasks, new BundleMessages("core", getClass().getClassLoader()))
                    .findings(shop, day, Locale.ENGLISH);
            assertEquals(List.of("Overdue: Fix the main image", "Overdue: Raise bids on 连衣裙"),
                    found.stream().map(Finding::title).toList());
            assertTrue(found.stream().allMatch(x -> x.severity() == Severity.WARNING && x.metric().equals("task.overdue")));
            assertEquals(Role.DESIGN, found.get(0).role(), "the task's role should act");
            assertEquals("/tasks.html?task=" + late.id(), found.get(0).link());
            assertTrue(found.get(1).detail().contains("Doing") && found.get(1).detail().contains("Promotion"),
                    found.get(1).detail());
        }
    }
}
