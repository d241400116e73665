package com.shopops.plugins.content.channels;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shopops.api.PublishingChannel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * The {@code outbox} channel: writes each post as a JSON file into the folder the host keeps for this
 * channel and shop, for a person or a script to pick up (upload by hand, sync to a drive). It needs no
 * settings, so every shop has it.
 *
 * <p>A post becomes {@code <yyyyMMdd-HHmmss of scheduledAt in UTC>-<idempotency key>.json} and its
 * images are copied into {@code <the same name without .json>.files/}. The JSON has the webhook's fields
 * ({@code postId, shopId, title, body, scheduledAt, idempotencyKey}) and lists the images by
 * {@code name, contentType, size, sha256} and {@code file}, their path relative to the outbox folder. A key
 * with characters other than letters, digits, {@code . _ -} has them replaced by {@code _} and a short
 * digest of the whole key added, so two keys never share a file.
 *
 * <p>Every file is written under a temporary name in its own folder and then renamed, the images first
 * and the JSON last: a reader that sees a post's JSON finds it complete with all its images, and never a
 * half-written file. A key already in the outbox (under any time, since a rescheduled post keeps its key)
 * is published again without writing anything. The external id is the JSON file's name.
 */
@Extension
public final class OutboxChannel implements PublishingChannel {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
    private static final int KEY_LENGTH = 80;
    private static final String TEMP_PREFIX = ".outbox-";
    private static final String TEMP_SUFFIX = ".tmp";
    /**
     * One publish at a time in this host: two attempts at the same post (a retry overlapping a slow first
     * try) must find one another's file rather than both write. Outbox writes are short.
     */
    private static final Object WRITING = new Object();

    @Override
    public String id() {
        return "outbox";
    }

    @Override
    public List<Setting> settings() {
        return List.of();
    }

    @Override
    public Result publish(Post post, Map<String, String> settings) throws IOException {
        String given = settings.get(FOLDER);
        if (given == null || given.isBlank()) {
            return new Result(false, null, "the host gave the outbox no folder");
        }
        String badKey = PostJson.badKey(post.idempotencyKey());
        if (badKey != null) {
            return new Result(false, null, badKey);
        }
        Path folder = Path.of(given);
        String key = fileSafe(post.idempotencyKey());
        synchronized (WRITING) {
            // The host creates the folder before the call; made here too so a removed one is no failure.
            Files.createDirectories(folder);
            String existing = existing(folder, key);
            if (existing != null) {
                return new Result(true, existing, null);
            }
            // Read after the look-up: a post already in the outbox stays published when its images are gone since.
            List<PostJson.Image> images;
            try {
                images = PostJson.read(post);
            } catch (PostJson.ImageUnreadable e) {
                return new Result(false, null, e.getMessage());
            }
            // A post without a time still gets a name; the key, not the time, finds it again.
            Instant at = post.scheduledAt() == null ? Instant.now() : post.scheduledAt();
            String base = STAMP.format(at) + "-" + key;
            write(folder, base, post, images);
            return new Result(true, base + ".json", null);
        }
    }

    /** The images into {@code <base>.files/}, then the JSON that lists them. */
    private static void write(Path folder, String base, Post post, List<PostJson.Image> images) throws IOException {
        ObjectNode json = PostJson.post(post);
        List<ObjectNode> entries = PostJson.images(json, images);
        if (!images.isEmpty()) {
            Path files = Files.createDirectories(folder.resolve(base + ".files"));
            Set<String> names = new HashSet<>();
            for (int i = 0; i < images.size(); i++) {
                String name = imageFileName(images.get(i).name(), i, names);
                place(files, name, images.get(i).bytes());
                entries.get(i).put("file", base + ".files/" + name);
            }
        }
        place(folder, base + ".json", PostJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} as {@code folder/name} through a temporary file renamed into place. */
    private static void place(Path folder, String name, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(folder, TEMP_PREFIX, TEMP_SUFFIX);
        try {
            Files.write(temp, bytes);
            Path target = folder.resolve(name);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                // Some file systems (certain network shares) cannot rename atomically: the JSON still comes
                // last, so its presence keeps meaning "complete".
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The name of a JSON file already written for {@code key}, under whatever time, or null. Matched on
     * the whole name so that key {@code b} does not find {@code ...-a-b.json}.
     */
    private static String existing(Path folder, String key) throws IOException {
        Pattern name = Pattern.compile("\\d{8}-\\d{6}-" + Pattern.quote(key) + "\\.json");
        List<String> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, p -> name.matcher(p.getFileName().toString()).matches())) {
            files.forEach(p -> found.add(p.getFileName().toString()));
        }
        found.sort(null);
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * {@code key} as a part of a file name: letters, digits, {@code . _ -}; anything else or a length past {@value #KEY_LENGTH} gets a digest of the whole key appended so distinct keys stay
     * distinct.
     */
    static String fileSafe(String key) {
        // No path separator survives, and the name starts with the time, so ".." is plain text here.
        String safe = UNSAFE.matcher(key).replaceAll("_");
        if (safe.equals(key) && key.length() <= KEY_LENGTH) {
            return key;
        }
        if (safe.length() > KEY_LENGTH) {
            safe = safe.substring(0, KEY_LENGTH);
        }
        return safe + "-" + PostJson.sha256(key.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    }

    /** The image's name in the files folder: its own when safe and not taken, else made so. */
    private static String imageFileName(String name, int index, Set<String> taken) {
        String safe = UNSAFE.matcher(name).replaceAll("_");
        if (safe.isEmpty() || safe.startsWith(".")) {
            safe = "image" + safe;
        }
        String unique = safe;
        for (int n = index + 1; !taken.add(unique); n++) {
            unique = n + "-" + safe;
        }
        return unique;
    }
}
