package com.shopops.platform.server;

import com.shopops.api.CurrentUser;
import com.shopops.api.Shop;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.people.AuditLog;
import com.shopops.platform.people.People;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who is making a request and whether they may: the session cookie or an API token, the CSRF check for
 * changes made with a cookie, the permission a route needs, the shops the user may see, and the audit
 * entry for every change. Each core route is wrapped by {@link #guard}; plugin routes get the same
 * through {@link PluginDispatch}.
 */
final class Access {

    /** The session cookie's name. */
    static final String COOKIE = "shopops_session";

    /** The header a browser sends its CSRF token in. */
    static final String CSRF_HEADER = "X-CSRF-Token";

    /** A route anyone may call, signed in or not. */
    static final String PUBLIC = "public";

    /** A route any signed-in user may call. */
    static final String SIGNED_IN = "signed-in";

    private static final Set<HandlerType> CHANGES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
            HandlerType.DELETE);

    private final People people;
    private final ShopStore shops;

    Access(People people, ShopStore shops) {
        this.people = people;
        this.shops = shops;
    }

    /** The signed-in caller: the user, and the CSRF token when they came with the session cookie. */
    record Caller(CurrentUser user, String csrf) {

        boolean byCookie() {
            return csrf != null;
        }
    }

    /** What a route records about its change beyond who, when and which route. */
    record Note(String target, String before, String after, String alert) {
    }

    /** The caller behind the request, worked out once per request. */
    Optional<Caller> caller(Context ctx) {
        Optional<Caller> known = ctx.attribute("shopops.caller");
        if (known != null) {
            return known;
        }
        Optional<Caller> found = identify(ctx);
        ctx.attribute("shopops.caller", found);
        return found;
    }

    private Optional<Caller> identify(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return people.tokens().userOf(authorization.substring(7).strip())
                    .flatMap(people::currentUser).map(u -> new Caller(u, null));
        }
        String session = ctx.cookie(COOKIE);
        if (session == null) {
            return Optional.empty();
        }
        return people.sessions().find(session).flatMap(s -> people.currentUser(s.userId()).map(u -> new Caller(u, s.csrf())));
    }

    /** The signed-in user of a guarded request. */
    static CurrentUser user(Context ctx) {
        Optional<Caller> caller = ctx.attribute("shopops.caller");
        return caller.orElseThrow().user();
    }

    /** The shop of a guarded request with {@code {shop}} in its path, already checked against the user. */
    static Shop shop(Context ctx) {
        return ctx.attribute("shopops.shop");
    }

    /** Adds what the route changed to the request's audit entry. */
    static void note(Context ctx, String target, String before, String after, String alert) {
        ctx.attribute("shopops.audit", new Note(target, before, after, alert));
    }

    /** Names the action of the request's audit entry (default: the method and the route's path). */
    static void action(Context ctx, String action) {
        ctx.attribute("shopops.action", action);
    }

    /**
     * Wraps a core route: anyone for {@link #PUBLIC}; otherwise a signed-in user (401), a valid CSRF
     * token on a change made with the cookie (403), the shop in the path visible to the user (404), and
     * {@code permission} unless it is {@link #SIGNED_IN} (403). A change that succeeds is audited.
     */
    Handler guard(String permission, String path, Handler handler) {
        if (permission.equals(PUBLIC)) {
            return handler;
        }
        boolean shopScoped = path.contains("{shop}");
        return ctx -> {
            Optional<Caller> caller = caller(ctx);
            if (caller.isEmpty()) {
                ApiError.respond(ctx, 401, "sign in first");
                return;
            }
            if (!checkChange(ctx, caller.get())) {
                return;
            }
            if (shopScoped && !resolveShop(ctx, caller.get().user())) {
                return;
            }
            if (!permission.equals(SIGNED_IN) && !caller.get().user().can(permission)) {
                forbidden(ctx, permission);
                return;
            }
            handler.handle(ctx);
            // Only a change that came back without an exception is recorded; a thrown one changed nothing.
            audit(ctx, caller.get().user(), ctx.method().name() + " " + path);
        };
    }

    /** Answers 403 naming the permission that is needed. */
    static void forbidden(Context ctx, String permission) {
        ApiError.respond(ctx, 403, "permission '" + permission + "' is needed");
    }

    /**
     * For a change (POST, PUT, PATCH, DELETE): a caller with the cookie must send the session's CSRF
     * token, and a browser's Origin, when sent, must be this server. Answers 403 and says false otherwise.
     */
    boolean checkChange(Context ctx, Caller caller) {
        if (!CHANGES.contains(ctx.method()) || !caller.byCookie()) {
            return true;
        }
        if (!sameOrigin(ctx)) {
            ApiError.respond(ctx, 403, "this request came from another site");
            return false;
        }
        if (!com.shopops.platform.people.SecretTokens.same(caller.csrf(), ctx.header(CSRF_HEADER))) {
            ApiError.respond(ctx, 403, "missing or wrong CSRF token: send the " + CSRF_HEADER + " header from /api/me");
            return false;
        }
        return true;
    }

    /** Resolves {@code {shop}}; answers 404 (for an unknown shop and a shop not granted alike) and says false. */
    boolean resolveShop(Context ctx, CurrentUser user) {
        String code = ctx.pathParam("shop");
        Optional<Shop> shop = shops.byCode(code).filter(s -> people.canSee(user, s));
        if (shop.isEmpty()) {
            ApiError.respond(ctx, 404, "no shop '" + code + "'");
            return false;
        }
        ctx.attribute("shopops.shop", shop.get());
        return true;
    }

    /** Records a change that succeeded. */
    void audit(Context ctx, CurrentUser user, String defaultAction) {
        if (!CHANGES.contains(ctx.method()) || ctx.statusCode() >= 400) {
            return;
        }
        Note note = ctx.attribute("shopops.audit");
        String action = ctx.attribute("shopops.action");
        Shop shop = shop(ctx);
        people.audit().record(new AuditLog.Change(user.id(), user.name(), shop == null ? null : shop.id(),
                action != null ? action : defaultAction, note != null ? note.target() : ctx.path(),
                note == null ? null : note.before(), note == null ? null : note.after(), ctx.statusCode(), ctx.ip(),
                note == null ? null : note.alert()));
    }

    /** Starts the session cookie: HttpOnly, SameSite=Strict, Secure when the request came over HTTPS. */
    static void startCookie(Context ctx, String sessionId, long maxAgeSeconds) {
        ctx.cookie(new Cookie(COOKIE, sessionId, "/", (int) maxAgeSeconds, secure(ctx), true, null, SameSite.STRICT));
    }

    /** Removes the session cookie. */
    static void endCookie(Context ctx) {
        ctx.cookie(new Cookie(COOKIE, "", "/", 0, secure(ctx), true, null, SameSite.STRICT));
    }

    private static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    private static boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String host = ctx.header("Host");
            String originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && originHost != null && host.toLowerCase(Locale.ROOT).equals(originHost.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    People people() {
        return people;
    }
}
