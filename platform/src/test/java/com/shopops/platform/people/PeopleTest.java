package com.shopops.platform.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.CurrentUser;
import com.shopops.api.Permission;
import com.shopops.api.Role;
import com.shopops.api.Shop;
import com.shopops.platform.core.CorePermissions;
import com.shopops.platform.core.ShopStore;
import com.shopops.platform.testing.TestClock;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Users, grants, sessions, tokens, the sign-in throttle and the audit log, on SQLite and PostgreSQL. */
class PeopleTest {

    private static final String PASSWORD = "correct horse battery";
    private static final Permission TRAFFIC_VIEW = new Permission("traffic.view", "See traffic", Role.all());

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T01:00:00Z"));

    private People people(Fresh f) {
        List<PermissionGrants.Declared> declared = new ArrayList<>();
        CorePermissions.all().forEach(p -> declared.add(new PermissionGrants.Declared("core", p)));
        declared.add(new PermissionGrants.Declared("traffic", TRAFFIC_VIEW));
        return new People(f.database().jdbi(), clock, People.Policy.DEFAULTS, () -> declared);
    }

    private static Shop shop(Fresh f, String code) {
        return new ShopStore(f.database().jdbi(), java.time.Clock.systemUTC())
                .create(new ShopStore.NewShop(code, null, "tmall", null, null));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aUserSignsInWithTheRightPasswordOnlyAndSeesTheShopsGrantedToThem(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            People people = people(f);
            Shop a = shop(f, "a");
            Shop b = shop(f, "b");
            people.users().create(new Users.NewUser("boss", PASSWORD, Set.of(Role.OWNER), List.of()));
            people.users().create(new Users.NewUser("小客服", PASSWORD, Set.of(Role.SERVICE), List.of("b")));

            assertFalse(people.signIn("小客服", "wrong password!", "10.0.0.1").ok());
            assertFalse(people.signIn("nobody", PASSWORD, "10.0.0.1").ok());
            People.SignIn in = people.signIn("小客服", PASSWORD, "10.0.0.1");
            assertTrue(in.ok());
            CurrentUser service = in.user();

            assertFalse(people.canSee(service, a));
            assertTrue(people.canSee(service, b));
            CurrentUser boss = people.signIn("boss", PASSWORD, "10.0.0.1").user();
            assertTrue(people.canSee(boss, a) && people.canSee(boss, b), "the owner sees every shop");
            // Least privilege: service sees data but not costs, ad edits or users; finance sees costs.
            assertTrue(service.can("data.view"));
            assertFalse(service.seesCosts());
            assertFalse(service.can("users.manage"));
            assertTrue(boss.seesCosts());
            assertTrue(boss.can("traffic.view"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void passwordsAreStoredAsArgon2idHashesAndWeakOnesAreRefused(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            People people = people(f);
            assertThrows(IllegalArgumentException.class,
                    () -> people.users().create(new Users.NewUser("a", "short", Set.of(Role.OWNER), List.of())));
            assertThrows(IllegalArgumentException.class,
                    () -> people.users().create(new Users.NewUser("a", "aaaaaaaaaaaa", Set.of(Role.OWNER), List.of())));
            assertThrows(IllegalArgumentException.class,
                    () -> people.users().create(new Users.NewUser("bad name", PASSWORD, Set.of(Role.OWNER), List.of())));
            assertThrows(IllegalArgumentException.class,
                    () -> people.users().create(new Users.NewUser("noroles", PASSWORD, Set.of(), List.of())));
            assertThrows(IllegalArgumentException.class,
                    () -> people.users().create(new Users.NewUser("x", PASSWORD, Set.of(Role.SERVICE), List.of("no-such-shop"))));
            people.users().create(new Users.NewUser("boss", PASSWORD, Set.of(Role.OWNER), List.of()));
            assertThrows(IllegalStateException.class,
                    () -> people.users().create(new Users.NewUser("BOSS", PASSWORD, Set.of(Role.OWNER), List.of())));

            String stored = f.database().jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM users")
                    .mapTo(String.class).one());
            assertTrue(stored.startsWith("$argon2id$"), stored);
            assertFalse(stored.contains(PASSWORD));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theLastActiveOwnerCannotBeDemotedOrClosedAndClosingEndsSessions(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            People people = people(f);
            Users.User boss = people.users().create(new Users.NewUser("boss", PASSWORD, Set.of(Role.OWNER), List.of()));
            assertThrows(IllegalStateException.class,
                    () -> people.users().update(boss.id(), new Users.Change(Set.of(Role.OPERATOR), null, null, null)));
            assertThrows(IllegalStateException.class,
                    () -> people.users().update(boss.id(), new Users.Change(null, null, null, false)));

            Users.User op = people.users().create(new Users.NewUser("op", PASSWORD, Set.of(Role.OPERATOR), List.of()));
            Sessions.Started session = people.signIn("op", PASSWORD, "1.1.1.1").session();
            assertTrue(people.sessions().find(session.id()).isPresent());
            people.users().update(op.id(), new Users.Change(null, null, null, false));
            assertTrue(people.sessions().find(session.id()).isEmpty(), "a closed account's sessions end");
            assertFalse(people.signIn("op", PASSWORD, "1.1.1.1").ok(), "a closed account cannot sign in");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void sessionsEndAfterIdleTimeAndAtTheirLifetimeEvenWhenUsed(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            People people = people(f);
            people.users().create(new Users.NewUser("op", PASSWORD, Set.of(Role.OPERATOR), List.of()));
            Sessions.Started idle = people.signIn("op", PASSWORD, "ip").session();
            clock.advance(Duration.ofHours(11));
            assertTrue(people.sessions().find(idle.id()).isPresent(), "11 h idle: still on (limit 12 h)");
            clock.advance(Duration.ofHours(11));
            assertTrue(people.sessions().find(idle.id()).isPresent(), "the request 11 h ago moved the idle limit on");
            clock.advance(Duration.ofHours(13));
            assertTrue(people.sessions().find(idle.id()).isEmpty(), "13 h without a request: ended");

            Sessions.Started busy = people.signIn("op", PASSWORD, "ip").session();
            for (int hour = 6; hour < 7 * 24; hour += 6) {
                clock.advance(Duration.ofHours(6));
                assertTrue(people.sessions().find(busy.id()).isPresent(), "used every 6 h, hour " + hour);
            }
            clock.advance(Duration.ofHours(6));
            assertTrue(people.sessions().find(busy.id()).isEmpty(), "a session lasts 7 days at most");

            Sessions.Started out = people.signIn("op", PASSWORD, "ip").session();
            people.sessions().end(out.id());
            assertTrue(people.sessions().find(out.id()).isEmpty());
            String storedIds = f.database().jdbi().withHandle(h -> String.join(",",
                    h.createQuery("SELECT id_hash FROM sessions").mapTo(String.class).list()));
            assertFalse(storedIds.contains(busy.id()), "session ids are stored hashed");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void fiveWrongPasswordsLockANameForTheRestOfTheWindowAndTheRightOneThenWaitsToo(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            People people = people(f);
            people.users().create(new Users.NewUser("op", PASSWORD, Set.of(Role.OPERATOR), List.of()));
            for (int i = 0; i < 5; i++) {
                People.SignIn wrong = people.signIn("op", "wrong " + i + " password", "9.9.9." + i);
                assertFalse(wrong.ok());
                assertNull(wrong.retryAfter(), "attempt " + (i + 1) + " is judged, not throttled");
                clock.advance(Duration.ofMinutes(1));
            }
            People.SignIn blocked = people.signIn("OP", PASSWORD, "8.8.8.8");
            assertFalse(blocked.ok(), "the right password waits too, from any address, in any case of the name");
            assertEquals(Duration.ofMinutes(10), blocked.retryAfter(), "the first failure leaves the 15-minute window in 10 minutes");
            clock.advance(Duration.ofMinutes(10));
            assertTrue(people.signIn("op", PASSWORD, "8.8.8.8").ok());
            assertNull(people.signIn("op", "wrong again password", "8.8.8.8").retryAfter(), "success cleared the count");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twentyFailuresFromOneAddressLockThatAddressForEveryName(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            People people = people(f);
            people.users().create(new Users.NewUser("op", PASSWORD, Set.of(Role.OPERATOR), List.of()));
            for (int i = 0; i < 20; i++) {
                people.signIn("guess" + i, "whatever password", "6.6.6.6");
            }
            assertFalse(people.signIn("op", PASSWORD, "6.6.6.6").ok());
            assertTrue(people.signIn("op", PASSWORD, "7.7.7.7").ok(), "another address is not affected");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void tokensActForTheirUserUntilRevokedAndAreStoredHashed(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            People people = people(f);
            Users.User op = people.users().create(new Users.NewUser("op", PASSWORD, Set.of(Role.OPERATOR), List.of()));
            ApiTokens.Created token = people.tokens().create(op.id(), "nightly import");
            assertTrue(token.token().startsWith("sho_"));
            assertEquals(op.id(), people.tokens().userOf(token.token()).orElseThrow());
            assertTrue(people.tokens().userOf(token.token() + "x").isEmpty());
            assertNotEquals(null, people.tokens().list(op.id()).get(0).lastUsedAt());

            Users.User other = people.users().create(new Users.NewUser("other", PASSWORD, Set.of(Role.OPERATOR), List.of()));
            assertTrue(people.tokens().revoke(other.id(), token.id()).isEmpty(), "not another user's token");
            people.tokens().create(other.id(), "other's script");
            assertEquals(2, people.tokens().list(null).size(), "everyone's tokens, for whoever manages users");
            assertEquals(1, people.tokens().list(other.id()).size());
            assertTrue(people.tokens().revoke(op.id(), token.id()).isPresent());
            assertTrue(people.tokens().userOf(token.token()).isEmpty(), "revoked: refused at once");
            String hashes = f.database().jdbi().withHandle(h -> String.join(",",
                    h.createQuery("SELECT token_hash FROM api_tokens").mapTo(String.class).list()));
            assertFalse(hashes.contains(token.token()));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theOwnerChangesWhichRoleHoldsAPermissionButNeverLosesUserManagement(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            People people = people(f);
            assertFalse(people.grants().permissionsOf(Set.of(Role.SERVICE)).contains("data.costs"));
            Set<Role> before = people.grants().set("data.costs", EnumSet.of(Role.OWNER, Role.FINANCE, Role.SERVICE));
            assertEquals(EnumSet.of(Role.OWNER, Role.FINANCE), before);
            assertTrue(people.grants().permissionsOf(Set.of(Role.SERVICE)).contains("data.costs"));

            people.grants().set("traffic.view", EnumSet.of(Role.OWNER));
            assertFalse(people.grants().permissionsOf(Set.of(Role.DESIGN)).contains("traffic.view"));
            assertTrue(people.grants().permissionsOf(Set.of(Role.DESIGN)).contains("data.view"), "other permissions keep their defaults");

            people.grants().set("data.costs", CorePermissions.DATA_COSTS.defaultRoles());
            assertEquals(0, (int) f.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM role_permissions WHERE permission = 'data.costs'").mapTo(Integer.class).one()),
                    "back at the defaults, nothing is stored");

            assertThrows(IllegalArgumentException.class, () -> people.grants().set("users.manage", EnumSet.of(Role.OPERATOR)));
            assertThrows(IllegalArgumentException.class, () -> people.grants().set("no.such", EnumSet.of(Role.OWNER)));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theAuditLogFiltersExportsSafeCsvAndListsAShopsAlerts(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            People people = people(f);
            Shop a = shop(f, "a");
            Shop b = shop(f, "b");
            AuditLog log = people.audit();
            log.record(new AuditLog.Change(1L, "boss", a.id(), "product.change", "SKU-1", "price 9900", "price 990", 200, "ip",
                    "price of SKU-1 moved 90%"));
            clock.advance(Duration.ofDays(1));
            log.record(new AuditLog.Change(2L, "op", b.id(), "setting.change", "=HYPERLINK(\"x\")", "1", "2", 200, "ip", null));
            log.record(new AuditLog.Change(1L, "boss", null, "plugin.install", "ads", null, "1.0.0", 201, "ip", "plugin installed"));

            assertEquals(3, log.list(AuditLog.Filter.everything()).size());
            assertEquals(List.of("plugin.install", "product.change"), log.list(new AuditLog.Filter(null, null, "boss", null, null,
                    null, null, 100)).stream().map(AuditLog.Entry::action).toList(), "newest first");
            assertEquals(1, log.list(new AuditLog.Filter(null, null, null, "b", null, null, null, 100)).size());
            assertEquals(1, log.list(new AuditLog.Filter(null, null, null, null, "plugin.", null, null, 100)).size());
            assertEquals(1, log.list(new AuditLog.Filter(null, java.time.LocalDate.parse("2026-11-23"), null, null, null, null,
                    null, 100)).size(), "to is inclusive: the first day only");

            assertEquals(List.of("product.change", "plugin.install"), log.alerts(a.id(), Instant.EPOCH).stream()
                    .map(AuditLog.Entry::action).toList(), "shop a's alerts and the installation-wide ones, oldest first");
            assertEquals(List.of("plugin.install"), log.alerts(b.id(), Instant.EPOCH).stream().map(AuditLog.Entry::action).toList());

            StringWriter csv = new StringWriter();
            log.csv(AuditLog.Filter.everything(), csv);
            String text = csv.toString();
            assertTrue(text.startsWith("id,at,user,shop,action,target,before,after,status,address,alert"), text);
            assertTrue(text.contains("'=HYPERLINK"), "a formula is kept as text: " + text);
            assertEquals(4, text.strip().split("\r?\n").length);
        }
    }
}
