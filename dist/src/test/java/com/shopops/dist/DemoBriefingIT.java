package com.shopops.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo shop's last morning, as the team reads it first: every plugin the distribution ships has something
 * true to say in the briefing (its share of the demo tells a story the plugin finds), in English and in Chinese,
 * and each plugin's findings point to its own page.
 */
class DemoBriefingIT {

    @TempDir
    static Path work;

    @Test
    void everyShippedPluginSpeaksInTheDemoBriefing() throws Exception {
        try (Distribution.Server server = Distribution.Server.demo(work)) {
            Set<String> shipped = new TreeSet<>();
            for (JsonNode p : server.get("/api/plugins").json()) {
                assertEquals("STARTED", p.get("state").asText(), p.toString());
                shipped.add(p.get("id").asText());
            }
            assertTrue(shipped.containsAll(List.of("traffic", "ads", "activities", "members", "content", "competitors", "listings",
                    "service")), shipped.toString());
            for (String lang : List.of("en", "zh-CN")) {
                JsonNode briefing = server.post("/api/shops/demo/briefing?format=json&lang=" + lang + "&date="
                        + Distribution.DEMO_LAST_DAY, "").json();
                Set<String> speaking = new TreeSet<>();
                List<String> wrongLinks = new ArrayList<>();
                for (JsonNode f : briefing.get("findings")) {
                    String plugin = f.path("plugin").asText();
                    speaking.add(plugin);
                    String link = f.path("link").asText("");
                    if (shipped.contains(plugin) && !link.isEmpty() && !link.startsWith("/ui/" + plugin + "/")) {
                        wrongLinks.add(plugin + ": " + link);
                    }
                }
                Set<String> silent = new TreeSet<>(shipped);
                silent.removeAll(speaking);
                assertEquals(Set.of(), silent, lang + ": plugins without a finding on the demo's last day; " + briefing.get("counts"));
                assertEquals(List.of(), wrongLinks, lang + ": findings that link outside their plugin's pages");
                assertEquals(false, briefing.get("partial").asBoolean(), lang + ": every plugin answered in time");
            }
        }
    }
}
