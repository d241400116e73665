package com.shopops.plugins.content.channels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopops.api.PublishingChannel;
import com.shopops.api.PublishingChannel.Post;
import com.shopops.api.PublishingChannel.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox channel writing into a real folder. */
class OutboxChannelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    private Path outbox;
    private Path pictures;
    private final OutboxChannel channel = new OutboxChannel();

    @BeforeEach
    void folders() throws Exception {
        outbox = Files.createDirectories(temp.resolve("outbox/3"));
        pictures = Files.createDirectories(temp.resolve("pictures"));
    }

    private Result publish(Post post) throws Exception {
        return channel.publish(post, Map.of(PublishingChannel.FOLDER, outbox.toString()));
    }

    private static Post post(long id, String key, List<Path> images) {
        return new Post(3, id, "新品上架", "Spring drop <script>alert(1)</script>", images,
                Instant.parse("2024-05-01T08:30:05.250Z"), key);
    }

    /** Every file under the outbox, relative, with its last change. */
    private Map<String, FileTime> tree() throws Exception {
        try (Stream<Path> files = Files.walk(outbox)) {
            Map<String, FileTime> out = new TreeMap<>();
            for (Path p : files.filter(p -> !p.equals(outbox)).collect(Collectors.toList())) {
                out.put(outbox.relativize(p).toString().replace('\\', '/'), Files.getLastModifiedTime(p));
            }
            return out;
        }
    }

    @Test
    void writesThePostAndItsImages() throws Exception {
        byte[] png = "not really a png".getBytes(StandardCharsets.UTF_8);
        Path image = Files.write(pictures.resolve("drop.png"), png);
        Path photo = Files.write(pictures.resolve("shelf.webp"), new byte[] {9, 8, 7});

        Result result = publish(post(71, "post-71-outbox", List.of(image, photo)));

        String name = "20240501-083005-post-71-outbox.json";
        assertEquals(new Result(true, name, null), result);
        JsonNode json = JSON.readTree(outbox.resolve(name).toFile());
        assertEquals(71, json.get("postId").asLong());
        assertEquals(3, json.get("shopId").asLong());
        assertEquals("新品上架", json.get("title").asText());
        assertEquals("Spring drop <script>alert(1)</script>", json.get("body").asText());
        assertEquals("2024-05-01T08:30:05.250Z", json.get("scheduledAt").asText());
        assertEquals("post-71-outbox", json.get("idempotencyKey").asText());
        JsonNode images = json.get("images");
        assertEquals(2, images.size());
        JsonNode first = images.get(0);
        assertEquals("drop.png", first.get("name").asText());
        assertEquals("image/png", first.get("contentType").asText());
        assertEquals(png.length, first.get("size").asLong());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)), first.get("sha256").asText());
        assertNull(first.get("data"), "the outbox copies images instead of inlining them");
        assertEquals("20240501-083005-post-71-outbox.files/drop.png", first.get("file").asText());
        assertArrayEquals(png, Files.readAllBytes(outbox.resolve(first.get("file").asText())));
        assertEquals("image/webp", images.get(1).get("contentType").asText());
        assertArrayEquals(new byte[] {9, 8, 7}, Files.readAllBytes(outbox.resolve(images.get(1).get("file").asText())));

        assertEquals(List.of("20240501-083005-post-71-outbox.files", "20240501-083005-post-71-outbox.files/drop.png",
                "20240501-083005-post-71-outbox.files/shelf.webp", name), List.copyOf(tree().keySet()),
                "nothing else, no temporary files");
    }

    @Test
    void publishingTheSamePostAgainWritesNothing() throws Exception {
        Path image = Files.write(pictures.resolve("drop.png"), new byte[] {1, 2, 3});
        Post post = post(71, "post-71-outbox", List.of(image));
        Result first = publish(post);
        // An old time on the JSON: rewriting it would show even within the file system's time resolution.
        Files.setLastModifiedTime(outbox.resolve(first.externalId()), FileTime.fromMillis(1_000_000));
        Map<String, FileTime> before = tree();

        Result again = publish(post);
        // Rescheduled, the post keeps its key: still the one already written.
        Result moved = publish(new Post(3, 71, "changed", "changed", List.of(image), Instant.parse("2024-06-01T00:00:00Z"), "post-71-outbox"));

        Files.delete(image);
        Result imagesGone = publish(post);

        assertEquals(first, again);
        assertEquals(first, moved);
        assertEquals(first, imagesGone);
        assertEquals(before, tree());
    }

    @Test
    void twoPostsMakeTwoFiles() throws Exception {
        Result one = publish(post(71, "post-71-outbox", List.of()));
        Result two = publish(post(72, "post-72-outbox", List.of()));
        // Keys that differ only in characters a file name cannot hold still get files of their own.
        Result slash = publish(post(73, "shop/3:post?73", List.of()));
        Result colon = publish(post(74, "shop:3:post:73", List.of()));
        Result escape = publish(post(75, "../../escape", List.of()));

        assertTrue(one.published() && two.published() && slash.published() && colon.published() && escape.published());
        assertNotEquals(one.externalId(), two.externalId());
        assertNotEquals(slash.externalId(), colon.externalId());
        assertTrue(escape.externalId().startsWith("20240501-083005-.._.._escape-"), escape.externalId());
        assertEquals(5, tree().size(), tree().toString());
        for (Result r : List.of(one, two, slash, colon, escape)) {
            assertTrue(Files.isRegularFile(outbox.resolve(r.externalId())), r.externalId());
            assertTrue(r.externalId().matches("20240501-083005-[A-Za-z0-9._-]+\\.json"), r.externalId());
        }
        assertEquals(72, JSON.readTree(outbox.resolve(two.externalId()).toFile()).get("postId").asLong());
        assertEquals("shop/3:post?73", JSON.readTree(outbox.resolve(slash.externalId()).toFile()).get("idempotencyKey").asText());
        // A key that is the end of another key's name is not taken for it.
        assertTrue(publish(post(76, "outbox", List.of())).externalId().equals("20240501-083005-outbox.json"));
    }

    @Test
    void sameImageNamesFromTwoFoldersStayApart() throws Exception {
        Path a = Files.write(Files.createDirectories(pictures.resolve("a")).resolve("photo.jpg"), new byte[] {1});
        Path b = Files.write(Files.createDirectories(pictures.resolve("b")).resolve("photo.jpg"), new byte[] {2});

        Result result = publish(post(71, "k", List.of(a, b)));

        JsonNode images = JSON.readTree(outbox.resolve(result.externalId()).toFile()).get("images");
        assertNotEquals(images.get(0).get("file").asText(), images.get(1).get("file").asText());
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(outbox.resolve(images.get(0).get("file").asText())));
        assertArrayEquals(new byte[] {2}, Files.readAllBytes(outbox.resolve(images.get(1).get("file").asText())));
    }

    @Test
    void aMissingImageFailsAndLeavesNothing() throws Exception {
        Result result = publish(post(71, "k", List.of(pictures.resolve("gone.png"))));

        assertFalse(result.published());
        assertEquals("image gone.png is missing", result.error());
        assertTrue(tree().isEmpty());
    }

    @Test
    void aMissingFolderSettingFails() throws Exception {
        Result result = channel.publish(post(71, "k", List.of()), Map.of());

        assertFalse(result.published());
        assertNull(result.externalId());
        assertEquals("the host gave the outbox no folder", result.error());
        assertTrue(tree().isEmpty());
    }

    @Test
    void needsNoSettings() {
        assertEquals("outbox", channel.id());
        assertTrue(channel.settings().isEmpty());
    }
}
