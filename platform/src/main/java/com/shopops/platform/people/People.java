package com.shopops.platform.people;

import com.shopops.api.CurrentUser;
import com.shopops.api.Role;
import com.shopops.api.Shop;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Everything about the people of an installation in one place: users, which role holds which
 * permission, sessions, API tokens, the sign-in throttle and the audit log.
 */
public final class People {

    private final Users users;
    private final PermissionGrants grants;
    private final Sessions sessions;
    private final ApiTokens tokens;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    /** Session lengths and sign-in limits; {@link #DEFAULTS} suits a shop team. */
    public record Policy(Duration sessionIdle, Duration sessionLifetime, int failuresPerName, int failuresPerAddress,
                         Duration failureWindow) {

        /** Sessions end after 12 hours idle and 7 days at most; 5 wrong passwords for a name (or 20 from one address) in 15 minutes lock sign-in for the rest of the 15 minutes. */
        public static final Policy DEFAULTS = new Policy(Duration.ofHours(12), Duration.ofDays(7), 5, 20,
                Duration.ofMinutes(15));
    }

    public People(Jdbi jdbi, Clock clock, Policy policy, Supplier<List<PermissionGrants.Declared>> declared) {
        this.users = new Users(jdbi, clock);
        this.grants = new PermissionGrants(jdbi, clock, declared);
        this.sessions = new Sessions(jdbi, clock, policy.sessionIdle(), policy.sessionLifetime());
        this.tokens = new ApiTokens(jdbi, clock);
        this.throttle = new LoginThrottle(jdbi, clock, policy.failuresPerName(), policy.failuresPerAddress(),
                policy.failureWindow());
        this.audit = new AuditLog(jdbi, clock);
    }

    /** What a sign-in attempt came to: a session, or a refusal with the reason and, when throttled, how long to wait. */
    public record SignIn(Sessions.Started session, CurrentUser user, String refusal, Duration retryAfter) {

        public boolean ok() {
            return session != null;
        }
    }

    /** Checks a name and password and starts a session; failures are counted towards the throttle. */
    public SignIn signIn(String name, String password, String address) {
        String who = name == null ? "" : name.strip();
        Optional<Duration> wait = throttle.waitFor(who, address);
        if (wait.isPresent()) {
            return new SignIn(null, null, "too many failed sign-ins; try again later", wait.get());
        }
        Optional<Users.Credentials> credentials = users.credentials(who);
        boolean right = Passwords.matches(password == null ? "" : password, credentials.map(Users.Credentials::passwordHash).orElse(null));
        Optional<CurrentUser> user = right && credentials.get().active() ? currentUser(credentials.get().id()) : Optional.empty();
        if (user.isEmpty()) {
            throttle.failed(who, address);
            // The same answer for an unknown name, a wrong password and a closed account: nothing to enumerate.
            return new SignIn(null, null, "wrong name or password", null);
        }
        throttle.succeeded(who);
        return new SignIn(sessions.start(user.get().id()), user.get(), null, null);
    }

    /** The user with this id as a request sees them, with every permission their roles hold; empty when closed. */
    public Optional<CurrentUser> currentUser(long userId) {
        return users.byId(userId).filter(Users.User::active)
                .map(u -> new CurrentUser(u.id(), u.name(), u.roles(), grants.permissionsOf(u.roles())));
    }

    /** True when the user may see the shop: owners see every shop, others the shops granted to them. */
    public boolean canSee(CurrentUser user, Shop shop) {
        return user.roles().contains(Role.OWNER) || users.shopIds(user.id()).contains(shop.id());
    }

    public Users users() {
        return users;
    }

    public PermissionGrants grants() {
        return grants;
    }

    public Sessions sessions() {
        return sessions;
    }

    public ApiTokens tokens() {
        return tokens;
    }

    public AuditLog audit() {
        return audit;
    }
}
