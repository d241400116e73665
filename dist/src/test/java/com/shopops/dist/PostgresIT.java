package com.shopops.dist;

import static com.shopops.dist.Distribution.Server.plugin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.shopops.platform.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same distribution on PostgreSQL: core and plugin migrations, and a plugin route writing and reading. */
class PostgresIT {

    @Test
    void theHostAndTheTrafficPluginRunOnPostgresql(@TempDir Path work) throws Exception {
        TestDatabases.requirePostgres();
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(TestDatabases.PG_URL); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            String url = TestDatabases.PG_URL + "&currentSchema=" + schema;
            String[] args = {"--data", work.resolve("data").toString(), "--db", url,
                    "--plugins", Distribution.pluginsCopy(work.resolve("plugins")).toString(), "--demo"};
            try (Distribution.Server server = Distribution.Server.start(work, args)) {
                assertEquals("STARTED", server.state("traffic"));
                assertEquals(200, server.put(plugin("demo", "traffic", "/channels/聚划算"), "{\"channel\":\"campaign\"}").status());
            }
            try (Distribution.Server server = Distribution.Server.start(work, args)) {
                var list = server.get(plugin("demo", "traffic", "/channels")).json().get("channels");
                assertEquals("聚划算", list.get(0).get("source").asText());
                assertEquals("campaign", list.get(0).get("channel").asText());
            }
            try (Connection c = DriverManager.getConnection(url);
                 ResultSet rs = c.createStatement().executeQuery("""
                         SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()
                         AND table_name IN ('core_schema_history', 'traffic_schema_history', 'shops', 'traffic_source_channels')""")) {
                rs.next();
                assertEquals(4, rs.getInt(1), "core and traffic migrated into the given schema, each with its own history");
            }
        } finally {
            try (Connection c = DriverManager.getConnection(TestDatabases.PG_URL); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
