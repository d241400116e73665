package com.shopops.platform.server;

import com.shopops.api.CurrentUser;
import com.shopops.platform.core.CorePermissions;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.people.ApiTokens;
import com.shopops.platform.people.AuditLog;
import com.shopops.platform.people.People;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Signing in and out, who am I, and the caller's own API tokens. */
final class AuthRoutes {

    private final People people;
    private final ShopStore shops;
    private final Access access;
    private final Predicate<CurrentUser> mayImport;

    AuthRoutes(People people, ShopStore shops, Access access, Predicate<CurrentUser> mayImport) {
        this.people = people;
        this.shops = shops;
        this.access = access;
        this.mayImport = mayImport;
    }

    void register(CoreRoutes routes) {
        routes.post("/api/auth/login", Access.PUBLIC, "Sign in with name and password; sets the session cookie", this::login)
                .post("/api/auth/logout", Access.SIGNED_IN, "Sign out", this::logout)
                .get("/api/me", Access.SIGNED_IN, "The signed-in user, their permissions, shops and CSRF token", this::me)
                .get("/api/tokens", Access.SIGNED_IN, "The caller's API tokens", this::tokens)
                .post("/api/tokens", Access.SIGNED_IN, "Create an API token (shown once)", this::createToken)
                .delete("/api/tokens/{id}", Access.SIGNED_IN, "Revoke an API token", this::revokeToken);
    }

    record Login(String name, String password) {
    }

    private void login(Context ctx) {
        Login body = ctx.bodyAsClass(Login.class);
        People.SignIn result = people.signIn(body.name(), body.password(), ctx.ip());
        if (result.retryAfter() != null) {
            ctx.header("Retry-After", String.valueOf(Math.max(1, result.retryAfter().toSeconds())));
            ApiError.respond(ctx, 429, result.refusal());
            return;
        }
        if (!result.ok()) {
            people.audit().record(new AuditLog.Change(null, body.name() == null ? "" : body.name(), null, "auth.login-failed",
                    null, null, null, 401, ctx.ip(), null));
            ApiError.respond(ctx, 401, result.refusal());
            return;
        }
        Access.startCookie(ctx, result.session().id(), result.session().lifetime().toSeconds());
        people.audit().record(new AuditLog.Change(result.user().id(), result.user().name(), null, "auth.login", null, null,
                null, 200, ctx.ip(), null));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("user", me(result.user(), result.session().csrf()));
        answer.put("csrf", result.session().csrf());
        ctx.json(answer);
    }

    private void logout(Context ctx) {
        people.sessions().end(ctx.cookie(Access.COOKIE));
        Access.endCookie(ctx);
        Access.action(ctx, "auth.logout");
        ctx.status(204);
    }

    private void me(Context ctx) {
        Optional<Access.Caller> caller = access.caller(ctx);
        ctx.json(me(caller.orElseThrow().user(), caller.get().csrf()));
    }

    private Map<String, Object> me(CurrentUser user, String csrf) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("id", user.id());
        me.put("name", user.name());
        me.put("roles", user.roles().stream().map(Enum::name).sorted().toList());
        me.put("permissions", user.permissions().stream().sorted().toList());
        me.put("shops", shops.all().stream().filter(s -> people.canSee(user, s)).toList());
        // whether the import page has something for them: data.import, or a format's own permission
        me.put("mayImport", mayImport.test(user));
        me.put("csrf", csrf);
        return me;
    }

    private void tokens(Context ctx) {
        ctx.json(people.tokens().list(Access.user(ctx).id()));
    }

    record NewToken(String name) {
    }

    private void createToken(Context ctx) {
        ApiTokens.Created created = people.tokens().create(Access.user(ctx).id(), ctx.bodyAsClass(NewToken.class).name());
        Access.action(ctx, "token.create");
        Access.note(ctx, created.name(), null, null, null);
        ctx.status(201).json(created);
    }

    private void revokeToken(Context ctx) {
        CurrentUser user = Access.user(ctx);
        long id = Params.id(ctx, "id");
        // Whoever manages users may revoke anyone's token (a leaked script token, a leaver's); others only their own.
        Optional<ApiTokens.Listed> revoked = people.tokens().revoke(user.can(CorePermissions.USERS_MANAGE.name()) ? null
                : user.id(), id);
        if (revoked.isEmpty()) {
            ApiError.respond(ctx, 404, "no live token " + id);
            return;
        }
        Access.action(ctx, "token.revoke");
        Access.note(ctx, revoked.get().name(), null, null, null);
        ctx.status(204);
    }
}
