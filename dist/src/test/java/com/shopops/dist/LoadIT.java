package com.shopops.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load (issue #11): while a large import writes into the demo shop from the command line (another process
 * on the same SQLite file, the hardest case for its locks), concurrent clients read the briefing and the
 * traffic plugin's KPIs over HTTP for a bounded time. Every answer must be a 200: in particular SQLite's
 * "database is locked" never reaches a user. The latencies (p50, p99, max) are printed and, when
 * {@code shopops.load.results} names a file, written there.
 *
 * <p>CI runs the short version (10 clients, 10 s, 100,000 lines); {@code bench/load/run} runs 50 clients
 * for 60 s against a 1,000,000-line import.
 */
class LoadIT {

    private static final int CLIENTS = Integer.getInteger("shopops.load.clients", 10);
    private static final int SECONDS = Integer.getInteger("shopops.load.seconds", 10);
    private static final int LINES = Integer.getInteger("shopops.load.lines", 100_000);
    private static final String RESULTS = System.getProperty("shopops.load.results", "");

    @TempDir
    Path work;

    @Test
    void readersGetEveryAnswerWhileAnImportWrites() throws Exception {
        Path csv = work.resolve("orders.csv");
        writeOrders(csv, LINES);
        try (Distribution.Server server = Distribution.Server.demo(work)) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            LocalDate last = LocalDate.parse(Distribution.DEMO_LAST_DAY);
            List<String> paths = List.of("/api/shops/demo/briefing",
                    Distribution.Server.plugin("demo", "traffic", "/kpis?from=" + last.withDayOfMonth(1) + "&to=" + last),
                    Distribution.Server.plugin("demo", "traffic", "/kpis?from=" + last.minusDays(364) + "&to=" + last),
                    Distribution.Server.plugin("demo", "traffic", "/kpis?from=" + last + "&to=" + last),
                    "/api/shops/demo/summary");
            Process importing = Distribution.shopops(List.of("import", "orders", csv.toString(),
                    "--shop", "demo", "--format", "online-retail", "--data", work.resolve("data").toString(), "--no-progress", "--json"))
                    .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("import.log").toFile()).start();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            List<String> errors = new CopyOnWriteArrayList<>();
            Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.execute(() -> {
                    SplittableRandom random = new SplittableRandom(client);
                    while (System.nanoTime() < end) {
                        String path = paths.get(random.nextInt(paths.size()));
                        long started = System.nanoTime();
                        try {
                            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                                    .header("Authorization", "Bearer " + server.token).timeout(Duration.ofSeconds(60)).GET().build(),
                                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                            latencies.add(System.nanoTime() - started);
                            if (answer.statusCode() != 200) {
                                errors.add(path + " → " + answer.statusCode() + " " + answer.body());
                            } else {
                                served.computeIfAbsent(path.replaceAll("\\?.*", ""), k -> new AtomicInteger()).incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.add(path + " → " + e);
                        }
                    }
                });
            }
            clients.shutdown();
            assertTrue(clients.awaitTermination(SECONDS + 120L, TimeUnit.SECONDS), "the clients finished");
            boolean importStillRunning = importing.isAlive();
            assertTrue(importing.waitFor(10, TimeUnit.MINUTES), "the import finished");
            assertEquals(0, importing.exitValue(), Files.readString(work.resolve("import.log")));

            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            String figures = String.format("load: %d clients for %d s while importing %,d lines (the import %s the reads): %,d answers,"
                            + " %d errors, p50 %.0f ms, p99 %.0f ms, max %.0f ms; by route %s", CLIENTS, SECONDS, LINES,
                    importStillRunning ? "outlasted" : "ended before the end of", sorted.size(), errors.size(), ms(percentile(sorted, 0.50)),
                    ms(percentile(sorted, 0.99)), ms(sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1)), served);
            System.out.println(figures);
            if (!RESULTS.isEmpty()) {
                Files.writeString(Path.of(RESULTS), figures + System.lineSeparator(), StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            }
            assertEquals(List.of(), errors.subList(0, Math.min(errors.size(), 20)), figures);
            assertTrue(sorted.size() > CLIENTS, "the clients were served: " + figures);
            assertTrue(!server.log().contains("database is locked"), "no lock error, not even in the log");
        }
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Order lines in the UCI online-retail layout, in the demo's last year. */
    private static void writeOrders(Path csv, int lines) throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        LocalDateTime start = LocalDate.parse(Distribution.DEMO_LAST_DAY).minusDays(364).atTime(8, 0);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
            int written = 0;
            for (int invoice = 900_000; written < lines; invoice++) {
                String customer = String.valueOf(50_000 + random.nextInt(5_000));
                LocalDateTime at = start.plusMinutes(written * 524_000L / lines);
                String date = at.getMonthValue() + "/" + at.getDayOfMonth() + "/" + at.getYear() % 100 + " " + at.getHour() + ":"
                        + String.format("%02d", at.getMinute());
                for (int l = 1 + random.nextInt(20); l > 0 && written < lines; l--, written++) {
                    int product = random.nextInt(800);
                    w.write(invoice + ",L" + product + ",LOAD ITEM " + product + "," + (1 + random.nextInt(5)) + "," + date + ","
                            + (1 + product % 50) + ".90," + customer + ",China\n");
                }
            }
        }
    }
}
