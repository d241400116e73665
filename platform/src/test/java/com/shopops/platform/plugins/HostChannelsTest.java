package com.shopops.platform.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.Channels.ChannelState;
import com.shopops.api.PublishingChannel;
import com.shopops.platform.core.PluginSettings;
import com.shopops.platform.testing.TestDatabases;
import com.shopops.platform.testing.TestDatabases.Fresh;
import com.shopops.platform.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The host's publishing channels over a real database: each shop's settings kept apart, secrets shown
 * masked and kept when sent back masked, a channel not set up refused before it is called, and a channel
 * that throws turned into a failed result whose words carry no secret.
 */
class HostChannelsTest {

    private static final String SECRET = "s3cr3t-signing-key-0042";

    @TempDir
    Path dir;

    /** A channel that records what it was given and fails when the post's title says so. */
    static final class Recording implements PublishingChannel {
        final List<Map<String, String>> calls = new ArrayList<>();

        @Override
        public String id() {
            return "webhook";
        }

        @Override
        public List<Setting> settings() {
            return List.of(new Setting("url", false), new Setting("secret", true));
        }

        @Override
        public Result publish(Post post, Map<String, String> settings) throws Exception {
            calls.add(settings);
            if (post.title().equals("boom")) {
                throw new IllegalStateException("POST " + settings.get("url") + " signed with " + settings.get("secret") + " refused");
            }
            return new Result(true, "ext-" + post.postId(), null);
        }
    }

    private static PublishingChannel.Post post(long shop, String title) {
        return new PublishingChannel.Post(shop, 7, title, "body", List.of(), Instant.parse("2024-05-01T02:00:00Z"), "content-7-webhook");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void settingsPerShopMaskedSecretsAndFailuresInWords(Kind kind) throws Exception {
        try (Fresh f = TestDatabases.migrated(kind, dir)) {
            long shop = f.newShop("flagship");
            long other = f.newShop("outlet");
            Recording webhook = new Recording();
            HostChannels channels = new HostChannels(f.database().jdbi(), Clock.systemUTC(), dir.resolve("files/channels"),
                    () -> List.of(new HostChannels.Offered("content", webhook)));

            assertEquals(List.of(new ChannelState("webhook", "content", webhook.settings(), false)), channels.list(shop));
            PublishingChannel.Result notSetUp = channels.publish(shop, "webhook", post(shop, "hello"));
            assertFalse(notSetUp.published());
            assertTrue(notSetUp.error().contains("url is missing"), notSetUp.error());
            assertTrue(webhook.calls.isEmpty(), "a channel not set up is not called");

            Map<String, String> values = new LinkedHashMap<>();
            values.put("url", "http://127.0.0.1:9/hook");
            values.put("secret", SECRET);
            assertEquals(List.of("url", "secret"), channels.change(shop, "webhook", values));
            assertTrue(channels.list(shop).get(0).configured());
            assertFalse(channels.list(other).get(0).configured(), "another shop's channel is its own");

            // Shown: the URL as it is, the secret masked with its last four characters.
            Map<String, String> shown = channels.shown(shop, "webhook");
            assertEquals("http://127.0.0.1:9/hook", shown.get("url"));
            assertEquals(HostChannels.MASK + "0042", shown.get("secret"));
            assertFalse(shown.toString().contains(SECRET));

            // The form sent back as shown keeps the secret; a new URL changes only the URL.
            assertEquals(List.of("url"), channels.change(shop, "webhook", Map.of("url", "http://127.0.0.1:9/hook2",
                    "secret", HostChannels.MASK + "0042")));
            assertEquals(SECRET, new PluginSettings(f.database().jdbi(), "channel:webhook", Clock.systemUTC())
                    .get(shop, "secret").orElseThrow());

            PublishingChannel.Result ok = channels.publish(shop, "webhook", post(shop, "hello"));
            assertEquals(new PublishingChannel.Result(true, "ext-7", null), ok);
            Path folder = dir.resolve("files/channels/webhook/" + shop).toAbsolutePath();
            assertEquals(Map.of("url", "http://127.0.0.1:9/hook2", "secret", SECRET, PublishingChannel.FOLDER, folder.toString()),
                    webhook.calls.get(0), "the channel gets the secret and a folder of its own for the shop");
            assertTrue(java.nio.file.Files.isDirectory(folder));

            PublishingChannel.Result failed = channels.publish(shop, "webhook", post(shop, "boom"));
            assertFalse(failed.published());
            assertTrue(failed.error().contains("http://127.0.0.1:9/hook2"), failed.error());
            assertFalse(failed.error().contains(SECRET), "the error shown never carries the secret: " + failed.error());

            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                    () -> channels.change(shop, "webhook", Map.of("token", "x")));
            assertTrue(bad.getMessage().contains("[url, secret]"), bad.getMessage());
            assertThrows(IllegalArgumentException.class, () -> channels.publish(shop, "weibo", post(shop, "hello")));

            // An empty value removes the setting: the channel is not set up any more.
            assertEquals(List.of("secret"), channels.change(shop, "webhook", Map.of("secret", "")));
            assertFalse(channels.list(shop).get(0).configured());
        }
    }

    @Test
    void shortSecretsShowNothingOfThemselves() {
        assertEquals(HostChannels.MASK, HostChannels.mask("short"));
        assertEquals(HostChannels.MASK + "cdef", HostChannels.mask("0123456789abcdef"));
        assertEquals("key " + HostChannels.MASK + " leaked", HostChannels.scrub("key abcdef leaked", Map.of("secret", "abcdef"),
                List.of(new PublishingChannel.Setting("secret", true))));
    }
}
