package com.shopops.platform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopops.platform.Installation;
import com.shopops.platform.config.Config;
import com.shopops.platform.people.AuditLog;
import com.shopops.platform.server.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code targets set} and {@code targets show} on a real SQLite installation, as a script runs them. */
class TargetsCommandTest {

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
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
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void setTakesMoneyInYuanExactlyAndShowPrintsTheBreakdown() throws Exception {
        assertEquals(0, run("shops", "add", "flagship").exit());

        Result set = run("targets", "set", "--year", "2030", "--sales", "1,200,000.07", "--conversion-rate", "3.1%", "--aov", "89");
        assertEquals(0, set.exit(), set.err());
        assertTrue(set.out().contains("1,200,000.07 CNY"), set.out());

        Result json = run("targets", "show", "--year", "2030", "--json");
        assertEquals(0, json.exit(), json.err());
        JsonNode plan = Json.mapper().readTree(json.out());
        assertEquals(120_000_007L, plan.get("sales").asLong(), "stored in fen, exactly");
        assertEquals(0.031, plan.get("baselines").get("conversionRate").asDouble());
        assertEquals(8_900L, plan.get("baselines").get("aov").asLong());
        long months = 0;
        for (JsonNode m : plan.get("months")) {
            months += m.get("sales").asLong();
        }
        assertEquals(120_000_007L, months);
        assertEquals(365, plan.get("days").size());

        Result month = run("targets", "set", "--year", "2030", "--month", "2", "--sales", "0.01");
        assertEquals(0, month.exit(), month.err());
        long february = plan.get("months").get(1).get("sales").asLong();
        Result text = run("targets", "show", "--year", "2030");
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("2030-02") && text.out().contains("(set by hand)"), text.out());
        assertTrue(text.out().contains(String.format("%,.2f CNY", (120_000_007L - february + 1) / 100.0)), text.out());
        assertTrue(text.out().contains("3.10 %"), text.out());

        for (List<String> bad : List.of(List.of("--sales", "1.001"), List.of("--sales", "-5"), List.of("--sales", "abc"),
                List.of("--sales", "1", "--conversion-rate", "150%"))) {
            String[] args = new String[4 + bad.size()];
            args[0] = "targets";
            args[1] = "set";
            args[2] = "--year";
            args[3] = "2031";
            for (int i = 0; i < bad.size(); i++) {
                args[4 + i] = bad.get(i);
            }
            Result refused = run(args);
            assertEquals(1, refused.exit(), bad + ": " + refused.out());
            assertTrue(refused.err().startsWith("shopops: "), refused.err());
        }
        assertTrue(run("targets", "set", "--year", "2031", "--sales", "1.001").err().contains("more decimals"));
        assertEquals(1, run("targets", "set", "--year", "1999", "--sales", "1").exit());
        assertEquals(2, run("targets", "set", "--sales", "1").exit(), "--year is required");

        Map<String, String> flags = new HashMap<>();
        flags.put("data", dir.resolve("data").toString());
        flags.put("plugins", dir.resolve("plugins").toString());
        try (Installation installation = Installation.open(Config.load(null, Map.of(), flags))) {
            List<AuditLog.Entry> audit = installation.people().audit().list(AuditLog.Filter.everything()).stream()
                    .filter(e -> e.action().equals("targets.set")).toList();
            assertEquals(2, audit.size(), "command-line changes are audited; refused ones are not");
            assertEquals("2030-02", audit.get(0).target());
            assertEquals("flagship", audit.get(0).shop());
            assertEquals("sales " + february + "; year 120000007", audit.get(0).before());
        }
    }
}
