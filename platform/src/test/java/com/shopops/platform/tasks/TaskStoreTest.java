package com.shopops.platform.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.CurrentUser;
import com.shopops.api.Finding;
import com.shopops.api.Role;
import com.shopops.api.Severity;
import com.shopops.platform.tasks.Task.Recurrence;
import com.shopops.platform.tasks.Task.Status;
import com.shopops.platform.tasks.TaskStore.Change;
import com.shopops.platform.tasks.TaskStore.Field;
import com.shopops.platform.tasks.TaskStore.Filter;
import com.shopops.platform.tasks.TaskStore.NewTask;
import com.shopops.platform.testing.TestClock;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The task board's store on a real SQLite file and the real PostgreSQL. */
class TaskStoreTest {

    @TempDir
    Path dir;

    /** Wednesday 2026-11-25, 10:00 in Shanghai. */
    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T02:00:00Z"));

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    /** A user straight in the tables (no password hashing: sign-in is not what is tested here). */
    private static CurrentUser user(Jdbi jdbi, String name, Role role, Long shopId) {
        long id = jdbi.withHandle(h -> {
            long made = h.createQuery("""
                            INSERT INTO users (name, password_hash, active, created_at, updated_at)
                            VALUES (:name, 'x', 1, '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z') RETURNING id""")
                    .bind("name", name).mapTo(Long.class).one();
            h.createUpdate("INSERT INTO user_roles (user_id, role) VALUES (:id, :role)").bind("id", made).bind("role", role.name()).execute();
            if (shopId != null) {
                h.createUpdate("INSERT INTO user_shops (user_id, shop_id) VALUES (:id, :shop)").bind("id", made).bind("shop", shopId).execute();
            }
            return made;
        });
        return new CurrentUser(id, name, Set.of(role), Set.of("tasks.edit", "data.view"));
    }

    private static NewTask titled(String title) {
        return new NewTask(title, null, null, null, null, null, null, null);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTaskMadeFromAFindingKeepsItsFiguresAndTheBriefingFindsIt(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            long shop = f.newShop("a");
            TaskStore tasks = new TaskStore(f.database().jdbi(), clock);
            CurrentUser op = user(f.database().jdbi(), "op", Role.OPERATOR, shop);
            CurrentUser designer = user(f.database().jdbi(), "美工小美", Role.DESIGN, shop);
            Finding finding = new Finding("traffic", Severity.WARNING, "Paid search visitors fell 18%",
                    "1,240 visitors yesterday against 1,512.", "uv.paid", 1240.0, 1512.0, Finding.Unit.COUNT,
                    "Check keyword bids and the main image's CTR.", Role.PROMOTION, "/ui/traffic/#sources", 27200);
            Map<String, Object> figures = new LinkedHashMap<>(TaskStore.figuresOf(finding));
            figures.put("trend", List.of(1.0, 2.0));

            Task made = tasks.create(shop, new NewTask(" Change the main image ", "Test two images", Role.DESIGN,
                    designer.id(), day("2026-11-27"), day("2026-11-24"), "traffic.uv.paid.0", figures), op);

            assertEquals("Change the main image", made.title());
            assertEquals(Role.DESIGN, made.role());
            assertEquals(designer.id(), made.assigneeId());
            assertEquals("美工小美", made.assigneeName());
            assertEquals(Status.OPEN, made.status());
            assertEquals(day("2026-11-27"), made.due());
            assertEquals("op", made.createdBy());
            assertEquals(clock.instant(), made.createdAt());
            assertNull(made.doneAt());
            assertEquals(0, made.comments());
            assertEquals(List.of("plugin", "severity", "title", "detail", "metric", "value", "expected", "unit", "suggestion", "link"),
                    List.copyOf(made.figures().keySet()), "the finding's fields only, in order");
            assertEquals(1240.0, ((Number) made.figures().get("value")).doubleValue());
            assertEquals(1512.0, ((Number) made.figures().get("expected")).doubleValue());
            assertEquals("warning", made.figures().get("severity"));
            assertEquals("count", made.figures().get("unit"));
            assertEquals(made, tasks.find(shop, made.id()).orElseThrow(), "stored as made");

            // A second task from the same finding: the briefing shows the latest.
            Task again = tasks.create(shop, new NewTask(null, null, null, null, null, day("2026-11-24"), "traffic.uv.paid.0",
                    figures), op);
            assertEquals("Paid search visitors fell 18%", again.title(), "the finding's title when none is given");
            Task other = tasks.create(shop, new NewTask("Other", null, null, null, null, day("2026-11-24"), "ads.roi.0", null), op);
            assertEquals(Map.of("traffic.uv.paid.0", again.id(), "ads.roi.0", other.id()), tasks.forFindings(shop, day("2026-11-24")));
            assertEquals(Map.of(), tasks.forFindings(shop, day("2026-11-23")));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTaskNamingAStoredFindingCopiesItsFiguresAndRole(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            long shop = f.newShop("a");
            Jdbi jdbi = f.database().jdbi();
            jdbi.useHandle(h -> {
                long briefing = h.createQuery("""
                                INSERT INTO briefings (shop_id, day, lang, made_at, took_ms)
                                VALUES (:shop, '2026-11-24', 'en', '2026-11-25T00:00:00.000000Z', 12) RETURNING id""")
                        .bind("shop", shop).mapTo(Long.class).one();
                h.createUpdate("""
                                INSERT INTO findings (shop_id, briefing_id, day, position, finding_key, plugin, severity, title,
                                    detail, metric, value, expected, unit, suggestion, role, link, impact)
                                VALUES (:shop, :briefing, '2026-11-24', 0, 'core.aov.0', 'core', 'critical', 'AOV fell',
                                    'AOV 8,900 against 10,000', 'aov', 8900, 10000, 'MONEY', 'Offer a bundle', 'OPERATOR', NULL, 1100)""")
                        .bind("shop", shop).bind("briefing", briefing).execute();
            });
            TaskStore tasks = new TaskStore(jdbi, clock);
            Task made = tasks.create(shop, new NewTask(null, null, null, null, null, day("2026-11-24"), "core.aov.0", null), null);
            assertEquals("AOV fell", made.title());
            assertEquals(Role.OPERATOR, made.role());
            assertEquals(8900.0, ((Number) made.figures().get("value")).doubleValue());
            assertEquals("Offer a bundle", made.figures().get("suggestion"));
            assertNull(made.createdBy());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void badTasksAreRefusedNamingTheField(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            long shop = f.newShop("a");
            long otherShop = f.newShop("b");
            Jdbi jdbi = f.database().jdbi();
            TaskStore tasks = new TaskStore(jdbi, clock);
            CurrentUser op = user(jdbi, "op", Role.OPERATOR, shop);
            CurrentUser elsewhere = user(jdbi, "elsewhere", Role.SERVICE, otherShop);
            CurrentUser boss = user(jdbi, "boss", Role.OWNER, null);
            CurrentUser closed = user(jdbi, "closed", Role.DESIGN, shop);
            jdbi.useHandle(h -> h.createUpdate("UPDATE users SET active = 0 WHERE id = :id").bind("id", closed.id()).execute());

            assertMessage("title", () -> tasks.create(shop, titled("  "), op));
            assertMessage("title", () -> tasks.create(shop, titled("x".repeat(201)), op));
            assertMessage("detail", () -> tasks.create(shop, new NewTask("t", "x".repeat(4001), null, null, null, null, null, null), op));
            assertMessage("findingDay", () -> tasks.create(shop, new NewTask("t", null, null, null, null, null, "k", null), op));
            assertMessage("findingKey", () -> tasks.create(shop, new NewTask("t", null, null, null, null, day("2026-11-24"), null, null), op));
            assertMessage("assigneeId", () -> tasks.create(shop, new NewTask("t", null, null, elsewhere.id(), null, null, null, null), op));
            assertMessage("assigneeId", () -> tasks.create(shop, new NewTask("t", null, null, closed.id(), null, null, null, null), op));
            assertMessage("assigneeId", () -> tasks.create(shop, new NewTask("t", null, null, 999_999L, null, null, null, null), op));
            assertEquals(0, tasks.list(shop, Filter.ALL).size(), "nothing half-made");
            assertEquals("boss", tasks.create(shop, new NewTask("t", null, null, boss.id(), null, null, null, null), op).assigneeName(),
                    "an owner sees every shop");
            assertEquals(List.of("boss", "op"), tasks.assignees(shop).stream().map(TaskStore.Assignee::name).toList());
            assertEquals(List.of("boss", "elsewhere"), tasks.assignees(otherShop).stream().map(TaskStore.Assignee::name).toList());
        }
    }

    private static void assertMessage(String field, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(field + ":"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theBoardListsByStatusRoleAssigneeAndDueAndNeverAnotherShopsTasks(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            long shop = f.newShop("a");
            long otherShop = f.newShop("b");
            Jdbi jdbi = f.database().jdbi();
            TaskStore tasks = new TaskStore(jdbi, clock);
            CurrentUser op = user(jdbi, "op", Role.OPERATOR, shop);
            Task image = tasks.create(shop, new NewTask("Main image", null, Role.DESIGN, op.id(), day("2026-11-26"), null, null, null), op);
            Task bids = tasks.create(shop, new NewTask("Bids", null, Role.PROMOTION, null, day("2026-11-30"), null, null, null), op);
            Task loose = tasks.create(shop, titled("No role, no day"), op);
            Task theirs = tasks.create(otherShop, new NewTask("Theirs", null, Role.DESIGN, null, null, null, null, null), null);
            tasks.update(shop, bids.id(), Change.status(Status.DONE), op);

            assertEquals(List.of(image.id(), loose.id(), bids.id()), ids(tasks.list(shop, Filter.ALL)),
                    "open first by due day (none last), then the closed");
            assertEquals(List.of(image.id(), loose.id()), ids(tasks.list(shop, filter(Set.of(Status.OPEN, Status.DOING), null, false, null, false, null, null))));
            assertEquals(List.of(image.id()), ids(tasks.list(shop, filter(Set.of(), Role.DESIGN, false, null, false, null, null))));
            assertEquals(List.of(loose.id()), ids(tasks.list(shop, filter(Set.of(), null, true, null, false, null, null))));
            assertEquals(List.of(image.id()), ids(tasks.list(shop, filter(Set.of(), null, false, op.id(), false, null, null))));
            assertEquals(List.of(loose.id(), bids.id()), ids(tasks.list(shop, filter(Set.of(), null, false, null, true, null, null))));
            assertEquals(List.of(bids.id()), ids(tasks.list(shop, filter(Set.of(), null, false, null, false, day("2026-11-27"), day("2026-11-30")))));
            assertEquals(List.of(theirs.id()), ids(tasks.list(otherShop, Filter.ALL)));
            assertTrue(tasks.find(shop, theirs.id()).isEmpty(), "another shop's task is not found");
            assertTrue(tasks.detail(shop, theirs.id()).isEmpty());
            assertTrue(tasks.update(shop, theirs.id(), Change.status(Status.DONE), op).isEmpty());
            assertTrue(tasks.comment(shop, theirs.id(), "hi", op).isEmpty());
            assertEquals(Status.OPEN, tasks.find(otherShop, theirs.id()).orElseThrow().status());
        }
    }

    private static Filter filter(Set<Status> statuses, Role role, boolean withoutRole, Long assignee, boolean unassigned,
                                 LocalDate from, LocalDate to) {
        return new Filter(statuses, role, withoutRole, assignee, unassigned, from, to, 100);
    }

    private static List<Long> ids(List<Task> tasks) {
        return tasks.stream().map(Task::id).toList();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void changesArePartialClosingStampsDoneAtAndCommentsAreKeptAsWritten(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            long shop = f.newShop("a");
            Jdbi jdbi = f.database().jdbi();
            TaskStore tasks = new TaskStore(jdbi, clock);
            CurrentUser op = user(jdbi, "op", Role.OPERATOR, shop);
            CurrentUser service = user(jdbi, "kefu", Role.SERVICE, shop);
            Task made = tasks.create(shop, new NewTask("Reply script", "Write it", Role.SERVICE, service.id(), day("2026-11-26"),
                    null, null, null), op);

            clock.advance(Duration.ofMinutes(5));
            TaskStore.Updated doing = tasks.update(shop, made.id(), Change.status(Status.DOING), service).orElseThrow();
            assertEquals(made, doing.before());
            assertEquals(Status.DOING, doing.after().status());
            assertNull(doing.after().doneAt());
            assertEquals("Write it", doing.after().detail(), "what was not named stays");
            assertEquals(clock.instant(), doing.after().updatedAt());

            clock.advance(Duration.ofMinutes(5));
            Task done = tasks.update(shop, made.id(), Change.status(Status.DONE), service).orElseThrow().after();
            assertEquals(clock.instant(), done.doneAt());
            Task reopened = tasks.update(shop, made.id(), Change.status(Status.OPEN), op).orElseThrow().after();
            assertNull(reopened.doneAt());

            Task cleared = tasks.update(shop, made.id(), new Change(null, null, null, null, "Reply script v2", null,
                    Set.of(Field.ROLE, Field.ASSIGNEE, Field.DUE, Field.DETAIL)), op).orElseThrow().after();
            assertEquals("Reply script v2", cleared.title());
            assertNull(cleared.role());
            assertNull(cleared.assigneeId());
            assertNull(cleared.due());
            assertNull(cleared.detail());
            Task set = tasks.update(shop, made.id(), new Change(null, Role.DESIGN, op.id(), day("2026-12-01"), null, "again", Set.of()), op)
                    .orElseThrow().after();
            assertEquals(Role.DESIGN, set.role());
            assertEquals("op", set.assigneeName());
            assertEquals(day("2026-12-01"), set.due());
            assertEquals("again", set.detail());
            assertMessage("title", () -> tasks.update(shop, made.id(), new Change(null, null, null, null, " ", null, Set.of()), op));
            assertMessage("assigneeId", () -> tasks.update(shop, made.id(), new Change(null, null, 424_242L, null, null, null, Set.of()), op));

            String html = "<b>html</b> & <script>alert(1)</script>";
            TaskComment comment = tasks.comment(shop, made.id(), html, service).orElseThrow();
            clock.advance(Duration.ofSeconds(1));
            tasks.comment(shop, made.id(), "second", op);
            assertMessage("text", () -> tasks.comment(shop, made.id(), " \n ", op));
            TaskStore.Detail detail = tasks.detail(shop, made.id()).orElseThrow();
            assertEquals(2, detail.task().comments());
            assertEquals(List.of(html, "second"), detail.comments().stream().map(TaskComment::text).toList());
            assertEquals("kefu", detail.comments().get(0).userName());
            assertEquals(service.id(), detail.comments().get(0).userId());
            assertEquals(comment, detail.comments().get(0));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void overdueTasksAreTheOpenOnesDueByTheDay(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            long shop = f.newShop("a");
            TaskStore tasks = new TaskStore(f.database().jdbi(), clock);
            Task early = tasks.create(shop, new NewTask("Early", null, null, null, day("2026-11-20"), null, null, null), null);
            Task onDay = tasks.create(shop, new NewTask("On the day", null, null, null, day("2026-11-24"), null, null, null), null);
            Task later = tasks.create(shop, new NewTask("Later", null, null, null, day("2026-11-25"), null, null, null), null);
            Task closed = tasks.create(shop, new NewTask("Closed", null, null, null, day("2026-11-20"), null, null, null), null);
            tasks.create(shop, titled("No day"), null);
            tasks.update(shop, closed.id(), Change.status(Status.DROPPED), null);
            tasks.update(shop, onDay.id(), Change.status(Status.DOING), null);

            assertEquals(List.of(early.id(), onDay.id()), ids(tasks.overdue(shop, day("2026-11-24"))));
            assertEquals(List.of(early.id(), onDay.id(), later.id()), ids(tasks.overdue(shop, day("2026-11-25"))));
            assertTrue(early.lateAfter(day("2026-11-24")));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theWeekGroupsTasksByRoleWithDueDoneAndOverdue(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            long shop = f.newShop("a");
            TaskStore tasks = new TaskStore(f.database().jdbi(), clock);
            IsoWeek week = IsoWeek.parse("2026-W48"); // 23 to 29 November
            Task dueDesign = tasks.create(shop, new NewTask("Pages", null, Role.DESIGN, null, day("2026-11-29"), null, null, null), null);
            Task lateDesign = tasks.create(shop, new NewTask("Old pages", null, Role.DESIGN, null, day("2026-11-20"), null, null, null), null);
            Task promo = tasks.create(shop, new NewTask("Bids", null, Role.PROMOTION, null, day("2026-12-10"), null, null, null), null);
            Task loose = tasks.create(shop, new NewTask("Loose", null, null, null, day("2026-11-23"), null, null, null), null);
            tasks.create(shop, new NewTask("Next week", null, Role.DESIGN, null, day("2026-11-30"), null, null, null), null);
            // Done at 23:30 on Sunday in Shanghai (15:30 UTC): in week 48 for the shop, though UTC says the same day.
            clock.set(Instant.parse("2026-11-29T15:30:00Z"));
            tasks.update(shop, promo.id(), Change.status(Status.DONE), null);
            // Done at 00:30 on Monday 30 November in Shanghai (16:30 UTC on Sunday): next week for the shop.
            Task mondayDone = tasks.create(shop, new NewTask("Monday", null, Role.PROMOTION, null, null, null, null, null), null);
            clock.set(Instant.parse("2026-11-29T16:30:00Z"));
            tasks.update(shop, mondayDone.id(), Change.status(Status.DONE), null);

            TaskStore.Week view = tasks.week(shop, week);
            assertEquals("2026-W48", view.week());
            assertEquals(day("2026-11-23"), view.from());
            assertEquals(day("2026-11-29"), view.to());
            assertEquals(java.util.Arrays.asList(Role.PROMOTION, Role.DESIGN, null), view.roles().stream().map(TaskStore.RoleWeek::role).toList());
            TaskStore.RoleWeek design = view.roles().get(1);
            assertEquals(List.of(dueDesign.id()), ids(design.due()));
            assertEquals(List.of(lateDesign.id()), ids(design.overdue()));
            assertEquals(new TaskStore.Counts(1, 0, 1), design.counts());
            TaskStore.RoleWeek promotion = view.roles().get(0);
            assertEquals(List.of(promo.id()), ids(promotion.done()));
            assertEquals(List.of(), promotion.due());
            assertEquals(List.of(loose.id()), ids(view.roles().get(2).due()));
            assertEquals(new TaskStore.Counts(2, 1, 1), view.total());
            assertEquals(List.of(mondayDone.id()), ids(tasks.week(shop, week.plusWeeks(1)).roles().stream()
                    .filter(r -> r.role() == Role.PROMOTION).findFirst().orElseThrow().done()));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theStandingChecksArePutOnceAndReopenOnTheirNextDayOrWeek(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            long shop = f.newShop("a");
            Jdbi jdbi = f.database().jdbi();
            TaskStore tasks = new TaskStore(jdbi, clock);
            CurrentUser op = user(jdbi, "op", Role.OPERATOR, shop);
            assertEquals(day("2026-11-25"), tasks.today(shop));

            assertEquals(3, tasks.ensureRecurringChecks(shop));
            assertEquals(0, tasks.ensureRecurringChecks(shop), "once per shop");
            assertEquals(0, tasks.reopenDue(shop, tasks.today(shop)));
            Map<String, Task> checks = checks(tasks, shop);
            assertEquals(Set.of("page-health", "top5-copycats", "top5-reviews"), checks.keySet());
            Task health = checks.get("page-health");
            assertEquals(Recurrence.WEEKLY, health.recurrence());
            assertEquals(Role.OPERATOR, health.role());
            assertEquals(day("2026-11-29"), health.due(), "this week's Sunday");
            assertEquals(day("2026-11-25"), checks.get("top5-reviews").due());
            assertEquals(Role.SERVICE, checks.get("top5-reviews").role());

            // Done at 23:00 on Wednesday; nothing reopens the same day.
            clock.set(Instant.parse("2026-11-25T15:00:00Z"));
            tasks.update(shop, checks.get("top5-reviews").id(), Change.status(Status.DONE), op);
            tasks.update(shop, checks.get("top5-copycats").id(), Change.status(Status.DROPPED), op);
            tasks.update(shop, health.id(), Change.status(Status.DONE), op);
            assertEquals(0, tasks.reopenDue(shop, tasks.today(shop)));

            // Thursday in Shanghai: the daily checks come back for Thursday, the weekly one waits.
            clock.set(Instant.parse("2026-11-25T16:00:00Z"));
            assertEquals(day("2026-11-26"), tasks.today(shop));
            assertEquals(2, tasks.reopenDue(shop, tasks.today(shop)));
            assertEquals(0, tasks.reopenDue(shop, tasks.today(shop)), "idempotent");
            checks = checks(tasks, shop);
            Task reviews = checks.get("top5-reviews");
            assertEquals(Status.OPEN, reviews.status());
            assertEquals(day("2026-11-26"), reviews.due());
            assertNull(reviews.doneAt());
            assertEquals(Status.OPEN, checks.get("top5-copycats").status(), "dropped comes back too");
            assertEquals(Status.DONE, checks.get("page-health").status());
            TaskComment note = tasks.detail(shop, reviews.id()).orElseThrow().comments().get(0);
            assertEquals("Reopened for 2026-11-26.", note.text());
            assertNull(note.userId());
            assertEquals(TaskComment.SYSTEM, note.userName());

            // An open daily check not done stays open and becomes overdue instead of piling up.
            clock.set(Instant.parse("2026-11-28T01:00:00Z"));
            assertEquals(0, tasks.reopenDue(shop, tasks.today(shop)));
            assertTrue(ids(tasks.overdue(shop, day("2026-11-27"))).contains(reviews.id()));

            // Monday of the next week: the weekly check reopens, due that Sunday.
            clock.set(Instant.parse("2026-11-30T01:00:00Z"));
            assertEquals(1, tasks.reopenDue(shop, tasks.today(shop)));
            health = checks(tasks, shop).get("page-health");
            assertEquals(Status.OPEN, health.status());
            assertEquals(day("2026-12-06"), health.due());
            assertEquals("Reopened for week 2026-W49.",
                    tasks.detail(shop, health.id()).orElseThrow().comments().get(0).text());
        }
    }

    private static Map<String, Task> checks(TaskStore tasks, long shop) {
        Map<String, Task> byKey = new LinkedHashMap<>();
        tasks.list(shop, Filter.ALL).stream().filter(t -> t.checkKey() != null).forEach(t -> byKey.put(t.checkKey(), t));
        return byKey;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theCsvHasEveryTaskAndDefusesFormulas(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            long shop = f.newShop("a");
            TaskStore tasks = new TaskStore(f.database().jdbi(), clock);
            Task t = tasks.create(shop, new NewTask("=HYPERLINK(\"x\")", "line one\nline two", Role.FINANCE, null,
                    day("2026-11-20"), null, null, null), null);
            StringWriter out = new StringWriter();
            tasks.csv(shop, Filter.ALL, out);
            String[] lines = out.toString().split("\r\n", 2);
            assertTrue(lines[0].startsWith("id,status,title,role,assignee,due,overdue"), lines[0]);
            assertTrue(lines[1].startsWith(t.id() + ",OPEN,\"'=HYPERLINK(\"\"x\"\")\",FINANCE,,2026-11-20,yes"), lines[1]);
            assertNotNull(lines[1]);
        }
    }
}
