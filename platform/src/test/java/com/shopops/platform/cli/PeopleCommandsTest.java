package com.shopops.platform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.platform.config.Config;
import com.shopops.platform.Installation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init, user add and token create on a real SQLite installation, as a script runs them. */
class PeopleCommandsTest {

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private Result run(String stdin, String... args) {
        InputStream in = System.in;
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            var cli = ShopOpsCommand.commandLine();
            cli.setErr(new java.io.PrintWriter(System.err, true));
            String[] all = new String[args.length + 4];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = "--data";
            all[args.length + 1] = dir.resolve("data").toString();
            all[args.length + 2] = "--plugins";
            all[args.length + 3] = dir.resolve("plugins").toString();
            return new Result(cli.execute(all), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(in);
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void initCreatesTheOwnerOnceAndTokenCreatePrintsTheTokenAlone() throws Exception {
        Result init = run("owner password one\n", "init", "--admin", "boss", "--password-stdin");
        assertEquals(0, init.exit(), init.err());
        Result again = run("owner password one\n", "init", "--admin", "other", "--password-stdin");
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("has users already"), again.err());

        assertEquals(0, run("", "shops", "add", "flagship").exit());
        Result add = run("service password\n", "user", "add", "xiaomei", "--role", "service,finance", "--shop", "flagship",
                "--password-stdin");
        assertEquals(0, add.exit(), add.err());
        assertTrue(add.out().contains("flagship"), add.out());
        Result badShop = run("service password\n", "user", "add", "x", "--role", "design", "--shop", "nowhere", "--password-stdin");
        assertEquals(1, badShop.exit());
        assertTrue(badShop.err().contains("no shop 'nowhere'"), badShop.err());

        Result token = run("", "token", "create", "nightly-import");
        assertEquals(0, token.exit(), token.err());
        String secret = token.out().strip();
        assertTrue(secret.matches("sho_[A-Za-z0-9_-]{43}"), "only the token on standard output: " + token.out());

        Map<String, String> flags = new HashMap<>();
        flags.put("data", dir.resolve("data").toString());
        flags.put("plugins", dir.resolve("plugins").toString());
        try (Installation installation = Installation.open(Config.load(null, Map.of(), flags))) {
            long bossId = installation.people().users().byName("boss").orElseThrow().id();
            assertEquals(bossId, installation.people().tokens().userOf(secret).orElseThrow(), "acts as the only owner");
            var actions = installation.people().audit().list(com.shopops.platform.people.AuditLog.Filter.everything())
                    .stream().map(com.shopops.platform.people.AuditLog.Entry::action).toList();
            assertEquals(java.util.List.of("token.create", "user.create", "user.create"), actions, "command-line changes are audited");
        }
        Result revoke = run("", "token", "revoke", "1");
        assertEquals(0, revoke.exit(), revoke.err());
        assertEquals(1, run("", "token", "revoke", "1").exit(), "already revoked");
    }
}
