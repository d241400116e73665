package com.shopops.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shopops demo} and {@code serve --demo} through the distribution. */
class DemoIT {

    @TempDir
    Path work;

    private JsonNode summary(String data) throws Exception {
        Distribution.Run run = Distribution.cli(work, "summary", "--shop", "demo", "--json", "--data", data);
        assertEquals(0, run.exit(), run.err());
        return Distribution.JSON.readTree(run.out());
    }

    @Test
    void theSameSeedGivesTheSameShopAndAnotherSeedAnother() throws Exception {
        String a = work.resolve("a").toString();
        String b = work.resolve("b").toString();
        String c = work.resolve("c").toString();
        for (String[] run : new String[][] {{a, "5"}, {b, "5"}, {c, "6"}}) {
            Distribution.Run made = Distribution.cli(work, "demo", "--days", "10", "--seed", run[1], "--until", "2026-11-22",
                    "--data", run[0]);
            assertEquals(0, made.exit(), made.err());
            assertTrue(made.out().contains("created demo shop demo: 2026-11-13 to 2026-11-22"), made.out());
        }
        JsonNode first = summary(a);
        assertTrue(first.get("orders").asLong() > 500, first.toString());
        assertTrue(first.get("customers").asLong() < first.get("orders").asLong(), "returning customers: " + first);
        assertTrue(first.get("refunds").asLong() > 0, first.toString());
        assertEquals(first, summary(b));
        assertNotEquals(first, summary(c));

        Distribution.Run again = Distribution.cli(work, "demo", "--data", a);
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("exists already"), again.err());
    }

    @Test
    void serveDemoAnswersAtOnceAndFillsTheShopInTheBackground() throws Exception {
        String data = work.resolve("data").toString();
        try (Distribution.Server server = Distribution.Server.start(work, "--data", data, "--demo")) {
            assertEquals(200, server.get("/api/shops/demo/summary").status(), "the shop is there when the server answers");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            JsonNode s = server.get("/api/shops/demo/summary").json();
            while (s.get("lastOrder").isNull() && System.nanoTime() < deadline) {
                Thread.sleep(500);
                s = server.get("/api/shops/demo/summary").json();
            }
            // A year of history, but the server may still be writing it: wait for the last day to arrive.
            while (System.nanoTime() < deadline && !server.log().contains("demo shop 'demo' filled")) {
                Thread.sleep(500);
            }
            s = server.get("/api/shops/demo/summary").json();
            assertTrue(s.get("orders").asLong() > 20_000, s.toString());
            assertEquals("CNY", s.get("currency").asText());
            assertTrue(s.get("firstOrder").asText().compareTo(s.get("lastOrder").asText()) < 0);
        }
    }
}
