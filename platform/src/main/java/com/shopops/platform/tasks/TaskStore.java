package com.shopops.platform.tasks;

import static com.shopops.platform.data.SpreadsheetCsv.cell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopops.api.CurrentUser;
import com.shopops.api.Finding;
import com.shopops.api.Role;
import com.shopops.platform.tasks.Task.Recurrence;
import com.shopops.platform.tasks.Task.Status;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The task board's storage: tasks made from findings or by hand, their comments, the standing checks
 * that reopen themselves, and the views the board, the weekly meeting and the morning briefing read.
 * Dates are the shop's local days, timestamps UTC; SQL runs on SQLite and PostgreSQL alike.
 */
public final class TaskStore {

    /** The finding fields a task keeps a copy of, in this order. */
    public static final List<String> FIGURE_FIELDS = List.of("plugin", "severity", "title", "detail", "metric", "value",
            "expected", "unit", "suggestion", "link");

    static final int TITLE_MAX = 200;
    static final int TEXT_MAX = 4000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SELECT = """
            SELECT t.*, a.name AS assignee_name, c.name AS created_by_name,
                   (SELECT COUNT(*) FROM task_comments k WHERE k.task_id = t.id) AS comment_count
            FROM tasks t LEFT JOIN users a ON a.id = t.assignee_id LEFT JOIN users c ON c.id = t.created_by
            """;
    /** Open and doing first, then by due day (none last), then newest first. */
    private static final String ORDER = "\n" + """
            ORDER BY CASE WHEN t.status IN ('OPEN', 'DOING') THEN 0 ELSE 1 END,
                     CASE WHEN t.due_day IS NULL THEN 1 ELSE 0 END, t.due_day, t.id DESC""";

    private final Jdbi jdbi;
    private final Clock clock;

    public TaskStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * What a new task is made of. Only the title is required; made from a finding, it also names the
     * finding's briefing day and key, and {@code figures} holds the finding's fields (see
     * {@link #figuresOf(Finding)}; other keys are dropped). Without figures, they are copied from the
     * stored briefing's finding when there is one.
     */
    public record NewTask(String title, String detail, Role role, Long assigneeId, LocalDate due, LocalDate findingDay,
                          String findingKey, Map<String, Object> figures) {
    }

    /** Which tasks to list; null and empty mean "any". */
    public record Filter(Set<Status> statuses, Role role, boolean withoutRole, Long assigneeId, boolean unassigned,
                         LocalDate dueFrom, LocalDate dueTo, int limit) {

        /** Every task, up to 1,000. */
        public static final Filter ALL = new Filter(Set.of(), null, false, null, false, null, null, 1000);

        public Filter {
            statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(statuses);
            limit = Math.max(1, Math.min(limit, 10_000));
        }
    }

    /** The fields of a task that {@link Change#clear()} can empty. */
    public enum Field { ROLE, ASSIGNEE, DUE, DETAIL }

    /**
     * A partial change: null fields stay as they are, the fields named in {@code clear} are emptied.
     */
    public record Change(Status status, Role role, Long assigneeId, LocalDate due, String title, String detail,
                         Set<Field> clear) {

        public Change {
            clear = clear == null || clear.isEmpty() ? Set.of() : Set.copyOf(clear);
        }

        /** Only a new status. */
        public static Change status(Status status) {
            return new Change(status, null, null, null, null, null, Set.of());
        }
    }

    /** A task with its comments, oldest first. */
    public record Detail(Task task, List<TaskComment> comments) {
    }

    /** A task before and after a change, for the audit log. */
    public record Updated(Task before, Task after) {
    }

    /** Someone a task of the shop can be given to. */
    public record Assignee(long id, String name, Set<Role> roles) {
    }

    /** Counts of a week's tasks. */
    public record Counts(int due, int done, int overdue) {
    }

    /**
     * One role's tasks for the weekly meeting.
     *
     * @param role    the role, or null for tasks with no role
     * @param due     due in the week, whatever their status
     * @param done    done in the week (shop-local), whenever they were due
     * @param overdue still open or doing and due before the week began
     */
    public record RoleWeek(Role role, List<Task> due, List<Task> done, List<Task> overdue, Counts counts) {
    }

    /**
     * The weekly meeting's view of a week: by role in the order of {@link Role}, tasks without a role last,
     * only roles with something to say.
     */
    public record Week(String week, LocalDate from, LocalDate to, List<RoleWeek> roles, Counts total) {
    }

    /**
     * A finding's fields as a task keeps them: severity and unit as lower-case names, the rest as they are,
     * nulls left out.
     */
    public static Map<String, Object> figuresOf(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plugin", f.plugin());
        m.put("severity", f.severity() == null ? null : f.severity().name().toLowerCase(Locale.ROOT));
        m.put("title", f.title());
        m.put("detail", f.detail());
        m.put("metric", f.metric());
        m.put("value", f.value());
        m.put("expected", f.expected());
        m.put("unit", f.unit() == null ? null : f.unit().name().toLowerCase(Locale.ROOT));
        m.put("suggestion", f.suggestion());
        m.put("link", f.link());
        m.values().removeIf(Objects::isNull);
        return m;
    }

    /** The shop's today: the date in its time zone now. */
    public LocalDate today(long shopId) {
        return LocalDate.ofInstant(clock.instant(), zone(shopId));
    }

    /**
     * Makes a task; {@code by} is who made it (null: ShopOps itself). Refuses, naming the field, a missing
     * title, texts too long, half a finding link, and an assignee who is closed or cannot see the shop.
     */
    public Task create(long shopId, NewTask task, CurrentUser by) {
        Objects.requireNonNull(task, "task");
        if ((task.findingDay() == null) != blank(task.findingKey())) {
            throw new IllegalArgumentException(task.findingDay() == null
                    ? "findingDay: give the briefing day of finding '" + task.findingKey() + "'"
                    : "findingKey: give the key of the finding of " + task.findingDay() + " the task comes from");
        }
        String findingKey = blank(task.findingKey()) ? null : limit("findingKey", task.findingKey().strip(), TITLE_MAX);
        Instant now = clock.instant();
        long id = jdbi.inTransaction(h -> {
            zone(h, shopId);
            Map<String, Object> figures = figures(task.figures());
            Role role = task.role();
            if (figures.isEmpty() && findingKey != null) {
                Optional<StoredFinding> stored = storedFinding(h, shopId, task.findingDay(), findingKey);
                if (stored.isPresent()) {
                    figures = stored.get().figures();
                    role = role != null ? role : stored.get().role();
                }
            }
            String title = blank(task.title()) ? text(figures.get("title")) : task.title();
            if (blank(title)) {
                throw new IllegalArgumentException("title: give the task a title");
            }
            if (task.assigneeId() != null) {
                requireAssignee(h, shopId, task.assigneeId());
            }
            return h.createQuery("""
                            INSERT INTO tasks (shop_id, title, detail, role, assignee_id, due_day, status, finding_day,
                                               finding_key, figures, recurrence, check_key, created_by, created_at, updated_at)
                            VALUES (:shop, :title, :detail, :role, :assignee, :due, 'OPEN', :findingDay, :findingKey,
                                    :figures, NULL, NULL, :by, :now, :now) RETURNING id""")
                    .bind("shop", shopId).bind("title", limit("title", oneLine(title), TITLE_MAX))
                    .bind("detail", blank(task.detail()) ? null : limit("detail", task.detail().strip(), TEXT_MAX))
                    .bind("role", role == null ? null : role.name()).bind("assignee", task.assigneeId())
                    .bindByType("due", task.due(), LocalDate.class)
                    .bindByType("findingDay", task.findingDay(), LocalDate.class).bind("findingKey", findingKey)
                    .bind("figures", figures.isEmpty() ? null : json(figures)).bind("by", by == null ? null : by.id())
                    .bind("now", now).mapTo(Long.class).one();
        });
        return find(shopId, id).orElseThrow();
    }

    /** Tasks still open or being done that were due by the end of {@code day}: what the briefing calls overdue. */
    public List<Task> overdue(long shopId, LocalDate day) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + """
                         WHERE t.shop_id = :shop AND t.status IN ('OPEN', 'DOING') AND t.due_day IS NOT NULL
                           AND t.due_day <= :day""" + ORDER)
                .bind("shop", shopId).bind("day", day).map((rs, ctx) -> task(rs)).list());
    }

    /** Finding key → id of the latest task made from that finding of the briefing of {@code findingDay}. */
    public Map<String, Long> forFindings(long shopId, LocalDate findingDay) {
        Map<String, Long> tasks = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT finding_key, MAX(id) AS id FROM tasks
                        WHERE shop_id = :shop AND finding_day = :day AND finding_key IS NOT NULL
                        GROUP BY finding_key ORDER BY finding_key""")
                .bind("shop", shopId).bind("day", findingDay)
                .map((rs, ctx) -> Map.entry(rs.getString("finding_key"), rs.getLong("id")))
                .forEach(e -> tasks.put(e.getKey(), e.getValue())));
        return tasks;
    }

    /** The tasks matching {@code filter}: open and doing first, then by due day. */
    public List<Task> list(long shopId, Filter filter) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE t.shop_id = :shop");
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("shop", shopId);
        if (!filter.statuses().isEmpty()) {
            List<String> names = new ArrayList<>();
            int i = 0;
            for (Status s : new TreeSet<>(filter.statuses())) {
                names.add(":status" + i);
                binds.put("status" + i++, s.name());
            }
            sql.append(" AND t.status IN (").append(String.join(", ", names)).append(')');
        }
        if (filter.withoutRole()) {
            sql.append(" AND t.role IS NULL");
        } else if (filter.role() != null) {
            sql.append(" AND t.role = :role");
            binds.put("role", filter.role().name());
        }
        if (filter.unassigned()) {
            sql.append(" AND t.assignee_id IS NULL");
        } else if (filter.assigneeId() != null) {
            sql.append(" AND t.assignee_id = :assignee");
            binds.put("assignee", filter.assigneeId());
        }
        if (filter.dueFrom() != null) {
            sql.append(" AND t.due_day >= :from");
            binds.put("from", filter.dueFrom());
        }
        if (filter.dueTo() != null) {
            sql.append(" AND t.due_day <= :to");
            binds.put("to", filter.dueTo());
        }
        sql.append(ORDER).append(" LIMIT ").append(filter.limit());
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(sql.toString());
            binds.forEach(q::bind);
            return q.map((rs, ctx) -> task(rs)).list();
        });
    }

    /** The shop's task with this id; empty for another shop's. */
    public Optional<Task> find(long shopId, long id) {
        return jdbi.withHandle(h -> find(h, shopId, id));
    }

    /** The shop's task with this id and its comments; empty for another shop's. */
    public Optional<Detail> detail(long shopId, long id) {
        return jdbi.withHandle(h -> find(h, shopId, id).map(t -> new Detail(t, h.createQuery("""
                        SELECT * FROM task_comments WHERE task_id = :id AND shop_id = :shop ORDER BY at, id""")
                .bind("id", id).bind("shop", shopId).map((rs, ctx) -> comment(rs)).list())));
    }

    /**
     * Applies a partial change; closing (done, dropped) stamps {@code doneAt}, opening again clears it.
     * Empty when the shop has no such task.
     */
    public Optional<Updated> update(long shopId, long id, Change change, CurrentUser by) {
        Objects.requireNonNull(change, "change");
        if (change.title() != null && blank(change.title())) {
            throw new IllegalArgumentException("title: a task keeps a title; give a new one or leave it out");
        }
        return jdbi.inTransaction(h -> {
            Optional<Task> found = find(h, shopId, id);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Task before = found.get();
            Map<String, Object> set = new LinkedHashMap<>();
            if (change.title() != null && !oneLine(change.title()).equals(before.title())) {
                set.put("title", limit("title", oneLine(change.title()), TITLE_MAX));
            }
            if (change.clear().contains(Field.DETAIL)) {
                set.put("detail", null);
            } else if (change.detail() != null) {
                set.put("detail", blank(change.detail()) ? null : limit("detail", change.detail().strip(), TEXT_MAX));
            }
            if (change.clear().contains(Field.ROLE)) {
                set.put("role", null);
            } else if (change.role() != null) {
                set.put("role", change.role().name());
            }
            if (change.clear().contains(Field.ASSIGNEE)) {
                set.put("assignee_id", null);
            } else if (change.assigneeId() != null && !change.assigneeId().equals(before.assigneeId())) {
                requireAssignee(h, shopId, change.assigneeId());
                set.put("assignee_id", change.assigneeId());
            }
            if (change.clear().contains(Field.DUE)) {
                set.put("due_day", null);
            } else if (change.due() != null) {
                set.put("due_day", change.due());
            }
            Instant now = clock.instant();
            if (change.status() != null && change.status() != before.status()) {
                set.put("status", change.status().name());
                set.put("done_at", change.status().active() ? null : now);
            }
            if (!set.isEmpty()) {
                set.put("updated_at", now);
                String assignments = set.keySet().stream().map(c -> c + " = :" + c).collect(Collectors.joining(", "));
                var update = h.createUpdate("UPDATE tasks SET " + assignments + " WHERE id = :id AND shop_id = :shop")
                        .bind("id", id).bind("shop", shopId);
                set.forEach((column, value) -> bindNullable(update, column, value));
                update.execute();
            }
            return Optional.of(new Updated(before, find(h, shopId, id).orElseThrow()));
        });
    }

    /** Adds {@code by}'s comment to the shop's task; empty when the shop has no such task. */
    public Optional<TaskComment> comment(long shopId, long taskId, String text, CurrentUser by) {
        Objects.requireNonNull(by, "by");
        if (blank(text)) {
            throw new IllegalArgumentException("text: write something to comment");
        }
        String body = limit("text", text.strip(), TEXT_MAX);
        return jdbi.inTransaction(h -> find(h, shopId, taskId).map(t -> addComment(h, shopId, taskId, by.id(), by.name(), body)));
    }

    /** The week's tasks by role: due in the week, done in it, and overdue from before it. */
    public Week week(long shopId, IsoWeek week) {
        return jdbi.withHandle(h -> {
            ZoneId zone = zone(h, shopId);
            Instant from = week.monday().atStartOfDay(zone).toInstant();
            Instant to = week.sunday().plusDays(1).atStartOfDay(zone).toInstant();
            List<Task> tasks = h.createQuery(SELECT + """
                             WHERE t.shop_id = :shop AND (
                                   (t.due_day >= :monday AND t.due_day <= :sunday)
                                OR (t.status IN ('OPEN', 'DOING') AND t.due_day < :monday)
                                OR (t.status = 'DONE' AND t.done_at >= :from AND t.done_at < :to))""" + ORDER)
                    .bind("shop", shopId).bind("monday", week.monday()).bind("sunday", week.sunday())
                    .bind("from", from).bind("to", to).map((rs, ctx) -> task(rs)).list();
            Map<Role, List<List<Task>>> byRole = new LinkedHashMap<>();
            List<List<Task>> none = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (Role r : Role.values()) {
                byRole.put(r, List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
            }
            for (Task t : tasks) {
                List<List<Task>> lists = t.role() == null ? none : byRole.get(t.role());
                if (t.due() != null && week.contains(t.due())) {
                    lists.get(0).add(t);
                }
                if (t.status() == Status.DONE && t.doneAt() != null && !t.doneAt().isBefore(from) && t.doneAt().isBefore(to)) {
                    lists.get(1).add(t);
                }
                if (t.status().active() && t.due() != null && t.due().isBefore(week.monday())) {
                    lists.get(2).add(t);
                }
            }
            List<RoleWeek> roles = new ArrayList<>();
            byRole.forEach((role, lists) -> roleWeek(role, lists).ifPresent(roles::add));
            roleWeek(null, none).ifPresent(roles::add);
            Counts total = new Counts(roles.stream().mapToInt(r -> r.counts().due()).sum(),
                    roles.stream().mapToInt(r -> r.counts().done()).sum(), roles.stream().mapToInt(r -> r.counts().overdue()).sum());
            return new Week(week.toString(), week.monday(), week.sunday(), roles, total);
        });
    }

    private static Optional<RoleWeek> roleWeek(Role role, List<List<Task>> lists) {
        if (lists.stream().allMatch(List::isEmpty)) {
            return Optional.empty();
        }
        return Optional.of(new RoleWeek(role, List.copyOf(lists.get(0)), List.copyOf(lists.get(1)), List.copyOf(lists.get(2)),
                new Counts(lists.get(0).size(), lists.get(1).size(), lists.get(2).size())));
    }

    /**
     * Puts each standing check of {@link RecurringChecks} on the shop's board unless it is there already
     * (one task per check and shop, whatever its status): open, due today or this Sunday.
     *
     * @return how many checks were added
     */
    public int ensureRecurringChecks(long shopId) {
        return ensureRecurringChecks(shopId, today(shopId));
    }

    private int ensureRecurringChecks(long shopId, LocalDate today) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> {
            // Read first: the board calls this on every load, and a read takes no write lock.
            Set<String> there = Set.copyOf(h.createQuery("SELECT check_key FROM tasks WHERE shop_id = :shop AND check_key IS NOT NULL")
                    .bind("shop", shopId).mapTo(String.class).list());
            int added = 0;
            for (RecurringChecks.Check check : RecurringChecks.all()) {
                if (there.contains(check.key())) {
                    continue;
                }
                // ON CONFLICT keeps two hosts (or two requests) adding the same check from failing.
                added += h.createUpdate("""
                                INSERT INTO tasks (shop_id, title, detail, role, status, recurrence, check_key,
                                                   due_day, created_at, updated_at)
                                VALUES (:shop, :title, :detail, :role, 'OPEN', :recurrence, :key, :due, :now, :now)
                                ON CONFLICT (shop_id, check_key) DO NOTHING""")
                        .bind("shop", shopId).bind("title", check.title()).bind("detail", check.detail())
                        .bind("role", check.role().name()).bind("recurrence", check.recurrence().name())
                        .bind("key", check.key()).bind("due", RecurringChecks.firstDue(check.recurrence(), today))
                        .bind("now", now).execute();
            }
            return added;
        });
    }

    /**
     * Puts the standing checks on the board ({@link #ensureRecurringChecks}) and reopens every recurring
     * task that was closed (done or dropped) before its next day or week, which {@code today} has reached;
     * each reopened task gets a comment saying for which day or week. Running it again changes nothing.
     *
     * @return how many tasks were reopened
     */
    public int reopenDue(long shopId, LocalDate today) {
        ensureRecurringChecks(shopId, today);
        ZoneId zone = zone(shopId);
        List<Task> closed = jdbi.withHandle(h -> h.createQuery(SELECT + """
                         WHERE t.shop_id = :shop AND t.recurrence IS NOT NULL AND t.status IN ('DONE', 'DROPPED')""")
                .bind("shop", shopId).map((rs, ctx) -> task(rs)).list());
        int reopened = 0;
        for (Task t : closed) {
            Instant closedAt = t.doneAt() != null ? t.doneAt() : t.updatedAt();
            Optional<RecurringChecks.Reopening> next = RecurringChecks.reopening(t.recurrence(),
                    LocalDate.ofInstant(closedAt, zone), today);
            if (next.isEmpty()) {
                continue;
            }
            Instant now = clock.instant();
            boolean done = jdbi.inTransaction(h -> {
                // Only the state read above is reopened: a concurrent reopening, or a change made meanwhile, wins.
                int changed = h.createUpdate("""
                                UPDATE tasks SET status = 'OPEN', due_day = :due, done_at = NULL, updated_at = :now
                                WHERE id = :id AND shop_id = :shop AND status = :status AND updated_at = :updated""")
                        .bind("due", next.get().due()).bind("now", now).bind("id", t.id()).bind("shop", shopId)
                        .bind("status", t.status().name()).bind("updated", t.updatedAt()).execute();
                if (changed == 1) {
                    addComment(h, shopId, t.id(), null, TaskComment.SYSTEM, (t.recurrence() == Recurrence.DAILY
                            ? "Reopened for " : "Reopened for week ") + next.get().period() + ".");
                }
                return changed == 1;
            });
            reopened += done ? 1 : 0;
        }
        return reopened;
    }

    /** The active users who can see the shop (owners see every shop), by name: whom a task can be given to. */
    public List<Assignee> assignees(long shopId) {
        return jdbi.withHandle(h -> {
            Map<Long, Set<Role>> roles = new LinkedHashMap<>();
            h.createQuery("SELECT user_id, role FROM user_roles")
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> roles.computeIfAbsent(e.getKey(), k -> EnumSet.noneOf(Role.class)).add(Role.valueOf(e.getValue())));
            return h.createQuery("SELECT u.id, u.name FROM users u WHERE " + SEES_SHOP + " ORDER BY u.name")
                    .bind("shop", shopId)
                    .map((rs, ctx) -> new Assignee(rs.getLong(1), rs.getString(2), roles.getOrDefault(rs.getLong(1), Set.of())))
                    .list();
        });
    }

    /** Writes the tasks matching {@code filter} as CSV with a header row; texts a spreadsheet would run are defused. */
    public void csv(long shopId, Filter filter, Writer out) {
        LocalDate today = today(shopId);
        try (CsvWriter csv = CsvWriter.builder().build(out)) {
            csv.writeRecord("id", "status", "title", "role", "assignee", "due", "overdue", "finding_day", "finding_key",
                    "finding_title", "value", "expected", "unit", "recurrence", "check", "created_by", "created_at",
                    "updated_at", "done_at", "comments", "detail");
            for (Task t : list(shopId, filter)) {
                Map<String, Object> f = t.figures();
                csv.writeRecord(String.valueOf(t.id()), t.status().name(), cell(t.title()), name(t.role()),
                        cell(t.assigneeName()), str(t.due()), t.lateAfter(today.minusDays(1)) ? "yes" : "",
                        str(t.findingDay()), cell(t.findingKey()), cell(text(f.get("title"))), str(f.get("value")),
                        str(f.get("expected")), cell(text(f.get("unit"))), name(t.recurrence()), cell(t.checkKey()),
                        cell(t.createdBy()), str(t.createdAt()), str(t.updatedAt()), str(t.doneAt()),
                        String.valueOf(t.comments()), cell(t.detail()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- inside ----

    /** A user who may be given a shop's tasks: active, and an owner or granted the shop. */
    private static final String SEES_SHOP = """
            u.active = 1 AND (EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'OWNER')
                              OR EXISTS (SELECT 1 FROM user_shops g WHERE g.user_id = u.id AND g.shop_id = :shop))""";

    private record StoredFinding(Map<String, Object> figures, Role role) {
    }

    private static Optional<StoredFinding> storedFinding(Handle h, long shopId, LocalDate day, String key) {
        return h.createQuery("""
                        SELECT plugin, severity, title, detail, metric, value, expected, unit, suggestion, link, role
                        FROM findings WHERE shop_id = :shop AND day = :day AND finding_key = :key ORDER BY id DESC LIMIT 1""")
                .bind("shop", shopId).bind("day", day).bind("key", key)
                .map((rs, ctx) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (String field : FIGURE_FIELDS) {
                        Object value = field.equals("value") || field.equals("expected") ? nullableDouble(rs, field) : rs.getString(field);
                        if (value != null) {
                            m.put(field, value);
                        }
                    }
                    String role = rs.getString("role");
                    return new StoredFinding(m, role == null ? null : Role.valueOf(role.toUpperCase(Locale.ROOT)));
                }).findOne();
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static void requireAssignee(Handle h, long shopId, long userId) {
        boolean ok = h.createQuery("SELECT COUNT(*) FROM users u WHERE u.id = :id AND " + SEES_SHOP)
                .bind("id", userId).bind("shop", shopId).mapTo(Integer.class).one() > 0;
        if (!ok) {
            throw new IllegalArgumentException("assigneeId: user " + userId + " does not exist, is closed or cannot see this shop");
        }
    }

    private TaskComment addComment(Handle h, long shopId, long taskId, Long userId, String userName, String text) {
        Instant now = clock.instant();
        long id = h.createQuery("""
                        INSERT INTO task_comments (shop_id, task_id, user_id, user_name, text, at)
                        VALUES (:shop, :task, :user, :name, :text, :now) RETURNING id""")
                .bind("shop", shopId).bind("task", taskId).bindByType("user", userId, Long.class).bind("name", userName)
                .bind("text", text).bind("now", now).mapTo(Long.class).one();
        h.createUpdate("UPDATE tasks SET updated_at = :now WHERE id = :id AND shop_id = :shop")
                .bind("now", now).bind("id", taskId).bind("shop", shopId).execute();
        return new TaskComment(id, taskId, userId, userName, text, now);
    }

    private Optional<Task> find(Handle h, long shopId, long id) {
        return h.createQuery(SELECT + " WHERE t.id = :id AND t.shop_id = :shop").bind("id", id).bind("shop", shopId)
                .map((rs, ctx) -> task(rs)).findOne();
    }

    private ZoneId zone(long shopId) {
        return jdbi.withHandle(h -> zone(h, shopId));
    }

    private static ZoneId zone(Handle h, long shopId) {
        return h.createQuery("SELECT time_zone FROM shops WHERE id = :id").bind("id", shopId).mapTo(String.class)
                .findOne().map(ZoneId::of).orElseThrow(() -> new IllegalArgumentException("there is no shop with id " + shopId));
    }

    private static Task task(ResultSet rs) throws SQLException {
        String role = rs.getString("role");
        String recurrence = rs.getString("recurrence");
        long assignee = rs.getLong("assignee_id");
        Long assigneeId = rs.wasNull() ? null : assignee;
        return new Task(rs.getLong("id"), rs.getLong("shop_id"), rs.getString("title"), rs.getString("detail"),
                role == null ? null : Role.valueOf(role), assigneeId, rs.getString("assignee_name"), day(rs, "due_day"),
                Status.valueOf(rs.getString("status")), day(rs, "finding_day"), rs.getString("finding_key"),
                parseFigures(rs.getString("figures")), recurrence == null ? null : Recurrence.valueOf(recurrence),
                rs.getString("check_key"), rs.getString("created_by_name"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "done_at"), rs.getInt("comment_count"));
    }

    private static TaskComment comment(ResultSet rs) throws SQLException {
        long user = rs.getLong("user_id");
        Long userId = rs.wasNull() ? null : user;
        return new TaskComment(rs.getLong("id"), rs.getLong("task_id"), userId, rs.getString("user_name"),
                rs.getString("text"), instant(rs, "at"));
    }

    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : LocalDate.parse(text);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : Instant.parse(text);
    }

    /** The finding fields of {@code given}, nulls and other keys left out. */
    private static Map<String, Object> figures(Map<String, Object> given) {
        Map<String, Object> kept = new LinkedHashMap<>();
        if (given != null) {
            for (String field : FIGURE_FIELDS) {
                Object value = given.get(field);
                if (value instanceof Enum<?> e) {
                    value = e.name().toLowerCase(Locale.ROOT);
                }
                if (value != null) {
                    kept.put(field, value);
                }
            }
        }
        return kept;
    }

    private static String json(Map<String, Object> figures) {
        try {
            return JSON.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("figures: not representable as JSON: " + e.getOriginalMessage());
        }
    }

    private static Map<String, Object> parseFigures(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a task's stored figures are not JSON: " + e.getOriginalMessage());
        }
    }

    private static void bindNullable(org.jdbi.v3.core.statement.Update update, String column, Object value) {
        if (value == null) {
            update.bindByType(column, null, column.equals("assignee_id") ? Long.class : String.class);
        } else {
            update.bind(column, value);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    private static String limit(String field, String text, int max) {
        if (text.codePointCount(0, text.length()) > max) {
            throw new IllegalArgumentException(field + ": at most " + max + " characters");
        }
        return text;
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String name(Enum<?> e) {
        return e == null ? "" : e.name();
    }

}
