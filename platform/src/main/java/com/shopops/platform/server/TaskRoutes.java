package com.shopops.platform.server;

import com.shopops.platform.data.SpreadsheetCsv;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopops.api.CurrentUser;
import com.shopops.api.Role;
import com.shopops.api.Shop;
import com.shopops.platform.core.CorePermissions;
import com.shopops.platform.tasks.IsoWeek;
import com.shopops.platform.tasks.Task;
import com.shopops.platform.tasks.TaskComment;
import com.shopops.platform.tasks.TaskStore;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The task board over HTTP: findings and ideas become tasks, the team moves and comments on them, the
 * weekly meeting reads them by role. Reading needs {@code data.view}, every change {@code tasks.edit},
 * and each change is audited with the task before and after. Listing first brings the shop's standing
 * checks up to date (added once, reopened when their day or week has come).
 */
final class TaskRoutes {

    private static final ObjectMapper JSON = Json.mapper();
    private static final Set<String> NEW_FIELDS = Set.of("title", "detail", "role", "assigneeId", "due", "findingDay",
            "findingKey", "figures", "finding");
    private static final Set<String> CHANGE_FIELDS = Set.of("status", "role", "assigneeId", "due", "title", "detail");

    private final TaskStore tasks;

    TaskRoutes(TaskStore tasks) {
        this.tasks = tasks;
    }

    void register(CoreRoutes routes) {
        String view = CorePermissions.DATA_VIEW.name();
        String edit = CorePermissions.TASKS_EDIT.name();
        // The fixed paths come before /tasks/{id}, which would take them for ids.
        routes.get("/api/shops/{shop}/tasks", view,
                        "The shop's tasks (status: open,doing,done,dropped; role or none; assignee: id, me or none; from, to: due days; limit)",
                        this::list)
                .post("/api/shops/{shop}/tasks", edit,
                        "Make a task, by hand or from a finding (finding: the briefing's finding, copied into figures)", this::create)
                .get("/api/shops/{shop}/tasks.csv", view, "The shop's tasks as CSV, with the same filters", this::csv)
                .get("/api/shops/{shop}/tasks/week", view,
                        "The weekly meeting's view: tasks due, done and overdue in an ISO week (week=2026-W48), by role", this::week)
                .get("/api/shops/{shop}/tasks/assignees", view, "Whom the shop's tasks can be given to", this::assignees)
                .get("/api/shops/{shop}/tasks/{id}", view, "A task with its comments", this::one)
                .put("/api/shops/{shop}/tasks/{id}", edit,
                        "Change a task's status, role, assignee, due day, title or detail (null empties a field)", this::change)
                .post("/api/shops/{shop}/tasks/{id}/comments", edit, "Comment on a task", this::comment);
    }

    private void list(Context ctx) {
        Shop shop = Access.shop(ctx);
        LocalDate today = refresh(shop);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("today", today);
        answer.put("tasks", tasks.list(shop.id(), filter(ctx)));
        ctx.json(answer);
    }

    private void csv(Context ctx) {
        Shop shop = Access.shop(ctx);
        refresh(shop);
        SpreadsheetCsv.send(ctx, "shopops-tasks-" + shop.code() + ".csv", out -> tasks.csv(shop.id(), filter(ctx), out));
    }

    record WeekAnswer(LocalDate today, String week, LocalDate from, LocalDate to, List<TaskStore.RoleWeek> roles,
                      TaskStore.Counts total) {
    }

    private void week(Context ctx) {
        Shop shop = Access.shop(ctx);
        LocalDate today = refresh(shop);
        String asked = Params.text(ctx, "week");
        TaskStore.Week week = tasks.week(shop.id(), asked == null ? IsoWeek.of(today) : IsoWeek.parse(asked));
        ctx.json(new WeekAnswer(today, week.week(), week.from(), week.to(), week.roles(), week.total()));
    }

    private void assignees(Context ctx) {
        ctx.json(tasks.assignees(Access.shop(ctx).id()));
    }

    private void one(Context ctx) {
        long id = Params.id(ctx, "id");
        tasks.detail(Access.shop(ctx).id(), id).ifPresentOrElse(ctx::json, () -> noTask(ctx, id));
    }

    private void create(Context ctx) {
        Shop shop = Access.shop(ctx);
        JsonNode body = object(ctx, NEW_FIELDS);
        JsonNode finding = body.get("finding");
        if (finding != null && !finding.isNull() && !finding.isObject()) {
            throw new IllegalArgumentException("finding: an object with the finding's fields");
        }
        boolean fromFinding = finding != null && finding.isObject();
        Map<String, Object> figures = body.hasNonNull("figures") ? map(body.get("figures"), "figures")
                : fromFinding ? map(finding, "finding") : null;
        String title = text(body, "title");
        String detail = text(body, "detail");
        Role role = role(body);
        String findingKey = text(body, "findingKey");
        LocalDate findingDay = day(body, "findingDay");
        if (fromFinding) {
            // One click on a finding: what is not given comes from the finding itself.
            title = title != null ? title : text(finding, "title");
            detail = detail != null ? detail : text(finding, "suggestion");
            role = role != null || !finding.hasNonNull("role") ? role : Task.parseRole(finding.get("role").asText());
            findingKey = findingKey != null ? findingKey : firstText(finding, "findingKey", "key");
            findingDay = findingDay != null ? findingDay : firstDay(finding, "findingDay", "day");
        }
        Task made = tasks.create(shop.id(), new TaskStore.NewTask(title, detail, role, id(body, "assigneeId"), day(body, "due"),
                findingDay, findingKey, figures), Access.user(ctx));
        Access.action(ctx, "task.create");
        Access.note(ctx, "task #" + made.id(), null, describe(made), null);
        ctx.status(201).json(made);
    }

    private void change(Context ctx) {
        Shop shop = Access.shop(ctx);
        long id = Params.id(ctx, "id");
        JsonNode body = object(ctx, CHANGE_FIELDS);
        Set<TaskStore.Field> clear = EnumSet.noneOf(TaskStore.Field.class);
        clearIfNull(body, "role", TaskStore.Field.ROLE, clear);
        clearIfNull(body, "assigneeId", TaskStore.Field.ASSIGNEE, clear);
        clearIfNull(body, "due", TaskStore.Field.DUE, clear);
        clearIfNull(body, "detail", TaskStore.Field.DETAIL, clear);
        for (String required : List.of("status", "title")) {
            if (body.has(required) && body.get(required).isNull()) {
                throw new IllegalArgumentException(required + ": a task always has one; give a new value or leave it out");
            }
        }
        TaskStore.Change change = new TaskStore.Change(body.hasNonNull("status") ? Task.Status.parse(body.get("status").asText()) : null,
                role(body), id(body, "assigneeId"), day(body, "due"), text(body, "title"), text(body, "detail"), clear);
        var updated = tasks.update(shop.id(), id, change, Access.user(ctx));
        if (updated.isEmpty()) {
            noTask(ctx, id);
            return;
        }
        Access.action(ctx, "task.change");
        Access.note(ctx, "task #" + id, describe(updated.get().before()), describe(updated.get().after()), null);
        ctx.json(updated.get().after());
    }

    record NewComment(String text) {
    }

    private void comment(Context ctx) {
        Shop shop = Access.shop(ctx);
        long id = Params.id(ctx, "id");
        NewComment body = ctx.bodyAsClass(NewComment.class);
        CurrentUser user = Access.user(ctx);
        var made = tasks.comment(shop.id(), id, body == null ? null : body.text(), user);
        if (made.isEmpty()) {
            noTask(ctx, id);
            return;
        }
        TaskComment comment = made.get();
        Access.action(ctx, "task.comment");
        Access.note(ctx, "task #" + id, null, comment.text().length() > 200 ? comment.text().substring(0, 200) + "…" : comment.text(),
                null);
        ctx.status(201).json(comment);
    }

    /** Adds the shop's standing checks and reopens those whose day or week has come; answers the shop's today. */
    private LocalDate refresh(Shop shop) {
        LocalDate today = tasks.today(shop.id());
        tasks.reopenDue(shop.id(), today);
        return today;
    }

    private static void noTask(Context ctx, long id) {
        ApiError.respond(ctx, 404, "the shop has no task " + id);
    }

    private static TaskStore.Filter filter(Context ctx) {
        Set<Task.Status> statuses = EnumSet.noneOf(Task.Status.class);
        String status = Params.text(ctx, "status");
        if (status != null) {
            for (String s : status.split(",")) {
                if (!s.isBlank()) {
                    statuses.add(Task.Status.parse(s));
                }
            }
        }
        String role = Params.text(ctx, "role");
        boolean withoutRole = "none".equalsIgnoreCase(role);
        String assignee = Params.text(ctx, "assignee");
        boolean unassigned = "none".equalsIgnoreCase(assignee);
        Long assigneeId = null;
        if ("me".equalsIgnoreCase(assignee)) {
            assigneeId = Access.user(ctx).id();
        } else if (assignee != null && !unassigned) {
            try {
                assigneeId = Long.parseLong(assignee);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("assignee: a user id, me or none, not '" + assignee + "'");
            }
        }
        LocalDate from = Params.day(ctx, "from");
        LocalDate to = Params.day(ctx, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from: " + from + " is after to: " + to);
        }
        return new TaskStore.Filter(statuses, role == null || withoutRole ? null : Task.parseRole(role), withoutRole, assigneeId,
                unassigned, from, to, Params.number(ctx, "limit", 1000));
    }

    /** The body as a JSON object with only {@code allowed} fields. */
    private static JsonNode object(Context ctx, Set<String> allowed) {
        JsonNode body = ctx.bodyAsClass(JsonNode.class);
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body: a JSON object with " + String.join(", ", allowed.stream().sorted().toList()));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "'; a task has "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        return body;
    }

    private static void clearIfNull(JsonNode body, String field, TaskStore.Field which, Set<TaskStore.Field> clear) {
        if (body.has(field) && body.get(field).isNull()) {
            clear.add(which);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new IllegalArgumentException(field + ": a text");
        }
        return v.asText();
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String f : fields) {
            String v = text(node, f);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static LocalDate firstDay(JsonNode node, String... fields) {
        for (String f : fields) {
            LocalDate v = day(node, f);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Role role(JsonNode body) {
        String role = text(body, "role");
        return role == null || role.isBlank() ? null : Task.parseRole(role);
    }

    private static LocalDate day(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": a day as YYYY-MM-DD, not '" + text + "'");
        }
    }

    private static Long id(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.canConvertToLong() && v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isTextual() && v.asText().strip().matches("\\d{1,18}")) {
            return Long.parseLong(v.asText().strip());
        }
        throw new IllegalArgumentException(field + ": a user id, not " + v);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(JsonNode node, String field) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(field + ": an object with the finding's fields");
        }
        return JSON.convertValue(node, LinkedHashMap.class);
    }

    /** A task in one line for the audit log. */
    private static String describe(Task t) {
        return t.status() + "; " + t.title() + "; role " + (t.role() == null ? "-" : t.role()) + "; assignee "
                + (t.assigneeName() == null ? "-" : t.assigneeName()) + "; due " + (t.due() == null ? "-" : t.due());
    }
}
