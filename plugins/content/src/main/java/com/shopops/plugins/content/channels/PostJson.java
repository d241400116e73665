package com.shopops.plugins.content.channels;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shopops.api.PublishingChannel.Post;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The post as both channels write it, so a receiver of the webhook and a reader of the outbox see the same
 * fields: {@code postId, shopId, title, body, scheduledAt, idempotencyKey, images}.
 */
final class PostJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private PostJson() {
    }

    /**
     * An image file read once: the webhook sends its bytes, the outbox copies them, both list its digest.
     *
     * @param name        the file's name, without its folder
     * @param contentType from the name's ending
     * @param bytes       the content
     * @param sha256      lowercase hex of the content's SHA-256
     */
    record Image(String name, String contentType, byte[] bytes, String sha256) {
        long size() {
            return bytes.length;
        }
    }

    /** Why an image could not be read; its text names the file only, never the whole path. */
    static final class ImageUnreadable extends Exception {
        ImageUnreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The post's fields without the images, in the order receivers see them. */
    static ObjectNode post(Post post) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("postId", post.postId());
        json.put("shopId", post.shopId());
        json.put("title", post.title());
        json.put("body", post.body());
        // ISO-8601 in UTC ("2024-05-01T08:00:00Z"): the same instant whatever the shop's or host's zone.
        json.put("scheduledAt", post.scheduledAt() == null ? null : post.scheduledAt().toString());
        json.put("idempotencyKey", post.idempotencyKey());
        return json;
    }

    /** Adds {@code images} to {@code json} as an array and returns that array's entries, one per image. */
    static List<ObjectNode> images(ObjectNode json, List<Image> images) {
        ArrayNode array = json.putArray("images");
        List<ObjectNode> entries = new ArrayList<>();
        for (Image image : images) {
            ObjectNode entry = array.addObject();
            entry.put("name", image.name());
            entry.put("contentType", image.contentType());
            entry.put("size", image.size());
            entry.put("sha256", image.sha256());
            entries.add(entry);
        }
        return entries;
    }

    /** Reads the post's image files; a post without images has none. */
    static List<Image> read(Post post) throws ImageUnreadable {
        List<Image> images = new ArrayList<>();
        if (post.images() == null) {
            return images;
        }
        for (Path path : post.images()) {
            String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(path);
            } catch (NoSuchFileException e) {
                throw new ImageUnreadable("image " + name + " is missing", e);
            } catch (IOException e) {
                throw new ImageUnreadable("image " + name + " cannot be read (" + e.getClass().getSimpleName() + ")", e);
            }
            images.add(new Image(name, contentType(name), bytes, sha256(bytes)));
        }
        return images;
    }

    /** The content type of an image named {@code name}, from its ending. */
    static String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (lower.endsWith(".gif")) {
            return "image/gif";
        }
        if (lower.endsWith(".webp")) {
            return "image/webp";
        }
        return "application/octet-stream";
    }

    /** Lowercase hex of the SHA-256 of {@code bytes}. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            // Every Java runtime must have SHA-256.
            throw new IllegalStateException(e);
        }
    }

    /** Why {@code key} cannot serve as an idempotency key, or null when it can. */
    static String badKey(String key) {
        if (key == null || key.isBlank()) {
            return "the post has no idempotency key";
        }
        // A header value and a file name: line breaks and other control characters have no place in it.
        for (int i = 0; i < key.length(); i++) {
            if (Character.isISOControl(key.charAt(i))) {
                return "the post's idempotency key has a control character";
            }
        }
        return null;
    }
}
