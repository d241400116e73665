package com.shopops.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit's host without plugins (plugins load in the worked example under {@code examples/}, which CI
 * builds against the installed kit): the shop exists, requests go as the owner while the same route refuses
 * a stranger, a file imports through a real import job, the briefing's findings come back, and closing stops
 * the server.
 */
class ShopOpsTestHostTest {

    @TempDir
    Path dir;

    @Test
    void aHostWithItsShopAnImportAndABriefing() throws Exception {
        Path file = dir.resolve("orders.csv");
        // two sales on 4 March 2024 and a cancellation (kept as one, counted in no figure): 2 × 2.55 + 1 × 10.00 = 15.10
        Files.writeString(file, """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,2,3/4/2024 8:26,2.55,17850,United Kingdom
                536366,71053,WHITE METAL LANTERN,1,3/4/2024 9:01,10.00,,United Kingdom
                C536379,D,Discount,-1,3/4/2024 9:41,27.50,14527,United Kingdom
                """);
        URI address;
        try (ShopOpsTestHost host = ShopOpsTestHost.start()) {
            address = host.uri();
            JsonNode shops = host.get("/api/shops").json();
            assertEquals(ShopOpsTestHost.SHOP, shops.get(0).get("code").asText(), shops.toString());

            HttpResponse<String> stranger = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(address.resolve("/api/shops")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, stranger.statusCode(), "the owner's token is the kit's, not the route's default");

            JsonNode job = host.importFile("orders", file, "online-retail");
            assertEquals("done", job.get("state").asText(), job.toString());
            assertEquals(3, job.get("imported").asInt(), job.toString());
            JsonNode summary = host.get("/api/shops/test/summary?from=2024-03-04&to=2024-03-04").json();
            assertEquals(1510, summary.get("revenue").asLong(), summary.toString());
            assertEquals(1, summary.get("guestOrders").asLong(), summary.toString());

            assertFalse(host.findings(LocalDate.of(2024, 3, 4)).isEmpty(), "the core's own findings, e.g. no target set");
            assertThrows(AssertionError.class, () -> host.findings(LocalDate.now().plusDays(3)), "a day not begun is refused");
        }
        assertThrows(java.io.IOException.class, () -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(address.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString()), "stopped");
    }
}
