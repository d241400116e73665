package com.shopops.platform.server;

import com.shopops.platform.data.SpreadsheetCsv;
import com.shopops.api.Role;
import com.shopops.platform.core.CorePermissions;
import com.shopops.platform.people.AuditLog;
import com.shopops.platform.people.People;
import com.shopops.platform.people.Users;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The owner's settings for people: users, which role may do what, and the audit log. */
final class PeopleRoutes {

    private final People people;

    PeopleRoutes(People people) {
        this.people = people;
    }

    void register(CoreRoutes routes) {
        String manage = CorePermissions.USERS_MANAGE.name();
        String audit = CorePermissions.AUDIT_VIEW.name();
        routes.get("/api/users", manage, "Every user with roles and shops", ctx -> ctx.json(people.users().all()))
                .post("/api/users", manage, "Add a user", this::create)
                .put("/api/users/{id}", manage, "Change a user's roles, shops, password or active state", this::update)
                .get("/api/permissions", manage, "Every permission and the roles that hold it", ctx -> ctx.json(people.grants().all()))
                .put("/api/permissions/{name}", manage, "Set the roles that hold a permission", this::setPermission)
                .get("/api/audit", audit, "The audit log, filtered (from, to, user, shop, action, alerts, limit)",
                        ctx -> ctx.json(people.audit().list(filter(ctx))))
                .get("/api/audit.csv", audit, "The audit log as CSV, with the same filters", this::auditCsv);
    }

    private void create(Context ctx) {
        Users.NewUser body = ctx.bodyAsClass(Users.NewUser.class);
        Users.User user = people.users().create(body);
        Access.action(ctx, "user.create");
        Access.note(ctx, user.name(), null, describe(user), roleAlert(Set.of(), user.roles()));
        ctx.status(201).json(user);
    }

    private void update(Context ctx) {
        long id = Params.id(ctx, "id");
        Users.User before = people.users().byId(id).orElseThrow(() -> new Users.NoSuchUser(id));
        Users.Change change = ctx.bodyAsClass(Users.Change.class);
        Users.User after = people.users().update(id, change);
        Access.action(ctx, "user.change");
        String passwordNote = change.password() != null ? "; password changed" : "";
        Access.note(ctx, after.name(), describe(before), describe(after) + passwordNote, roleAlert(before.roles(), after.roles()));
        ctx.json(after);
    }

    record Holders(List<Role> roles) {
    }

    private void setPermission(Context ctx) {
        String name = ctx.pathParam("name");
        Holders body = ctx.bodyAsClass(Holders.class);
        Set<Role> before = people.grants().set(name, body.roles() == null ? List.of() : body.roles());
        Set<Role> after = people.grants().all().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow().roles();
        Access.action(ctx, "permission.change");
        Access.note(ctx, name, roles(before), roles(after),
                before.equals(after) ? null : "permission '" + name + "' changed: " + roles(before) + " → " + roles(after));
        ctx.json(people.grants().all().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow());
    }

    private void auditCsv(Context ctx) {
        SpreadsheetCsv.send(ctx, "shopops-audit.csv", out -> people.audit().csv(filter(ctx), out));
    }

    private static AuditLog.Filter filter(Context ctx) {
        return new AuditLog.Filter(Params.day(ctx, "from"), Params.day(ctx, "to"), Params.text(ctx, "user"),
                Params.text(ctx, "shop"), Params.text(ctx, "action"), "true".equals(ctx.queryParam("alerts")), null,
                Params.number(ctx, "limit", 500));
    }

    private static String describe(Users.User u) {
        return "roles " + roles(u.roles()) + "; shops " + (u.allShops() ? "all" : u.shops()) + "; " + (u.active() ? "active" : "closed");
    }

    private static String roles(Set<Role> roles) {
        return new TreeSet<>(roles.stream().map(Enum::name).toList()).toString();
    }

    /** A change of a user's roles changes what they may do: the owner hears of it in the briefing. */
    private static String roleAlert(Set<Role> before, Set<Role> after) {
        return before.equals(after) ? null : "roles changed: " + roles(before) + " → " + roles(after);
    }
}
