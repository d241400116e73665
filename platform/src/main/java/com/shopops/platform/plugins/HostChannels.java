package com.shopops.platform.plugins;

import com.shopops.api.Channels;
import com.shopops.api.PublishingChannel;
import com.shopops.api.PublishingChannel.Setting;
import com.shopops.platform.core.PluginSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's {@link Channels}: the {@link PublishingChannel} extensions of the started plugins, and each
 * shop's settings for them in the core settings table under the owner {@code channel:<id>} (which no
 * plugin id can be, so the generic settings routes never show them). Secret values leave the host only
 * towards the channel itself; what is shown is {@link #MASK} and the last few characters.
 */
public final class HostChannels implements Channels {

    /** What a secret is shown as; sent back unchanged it keeps the stored value. */
    public static final String MASK = "••••";

    private static final Logger log = LoggerFactory.getLogger(HostChannels.class);

    /** A channel with the plugin that offers it. */
    public record Offered(String plugin, PublishingChannel channel) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Path folders;
    private final Supplier<List<Offered>> offered;

    /**
     * @param folders where each channel gets a folder per shop ({@code <folders>/<channel>/<shop id>})
     * @param offered the channels of the started plugins, asked each time (plugins start and stop)
     */
    public HostChannels(Jdbi jdbi, Clock clock, Path folders, Supplier<List<Offered>> offered) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.folders = folders;
        this.offered = offered;
    }

    /** The settings store of one channel. */
    private PluginSettings settings(String channelId) {
        return new PluginSettings(jdbi, "channel:" + channelId, clock);
    }

    private List<Offered> channels() {
        List<Offered> all = new ArrayList<>(offered.get());
        all.sort(Comparator.comparing(o -> o.channel().id()));
        return all;
    }

    /** The channel {@code id}, if a started plugin offers it. */
    public Optional<Offered> find(String id) {
        return channels().stream().filter(o -> o.channel().id().equals(id)).findFirst();
    }

    @Override
    public List<ChannelState> list(long shopId) {
        List<ChannelState> out = new ArrayList<>();
        for (Offered o : channels()) {
            Map<String, String> values = settings(o.channel().id()).all(shopId);
            boolean configured = o.channel().settings().stream().allMatch(s -> !blank(values.get(s.key())));
            out.add(new ChannelState(o.channel().id(), o.plugin(), o.channel().settings(), configured));
        }
        return out;
    }

    /** The shop's values of a channel's settings as they may be shown: secrets masked. */
    public Map<String, String> shown(long shopId, String channelId) {
        Offered o = find(channelId).orElseThrow(() -> unknown(channelId));
        Map<String, String> values = settings(channelId).all(shopId);
        Map<String, String> shown = new LinkedHashMap<>();
        for (Setting s : o.channel().settings()) {
            String v = values.get(s.key());
            shown.put(s.key(), v == null ? null : s.secret() ? mask(v) : v);
        }
        return shown;
    }

    /**
     * Changes some of a channel's settings for a shop: a key the channel does not have is refused; a
     * secret sent back as shown (masked) keeps its value; an empty value removes it.
     *
     * @return the keys whose value changed
     */
    public List<String> change(long shopId, String channelId, Map<String, String> values) {
        Offered o = find(channelId).orElseThrow(() -> unknown(channelId));
        Map<String, Setting> known = new LinkedHashMap<>();
        o.channel().settings().forEach(s -> known.put(s.key(), s));
        for (String key : values.keySet()) {
            if (!known.containsKey(key)) {
                throw new IllegalArgumentException("channel " + channelId + " has no setting '" + key + "'; it has " + known.keySet());
            }
        }
        PluginSettings store = settings(channelId);
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String value = e.getValue() == null ? "" : e.getValue().strip();
            String before = store.get(shopId, e.getKey()).orElse(null);
            if (known.get(e.getKey()).secret() && before != null && value.equals(mask(before))) {
                continue;
            }
            if (value.isEmpty()) {
                if (before != null) {
                    store.remove(shopId, e.getKey());
                    changed.add(e.getKey());
                }
            } else if (!value.equals(before)) {
                store.put(shopId, e.getKey(), value);
                changed.add(e.getKey());
            }
        }
        return changed;
    }

    @Override
    public PublishingChannel.Result publish(long shopId, String channelId, PublishingChannel.Post post) {
        Offered o = find(channelId).orElseThrow(() -> unknown(channelId));
        Map<String, String> values = settings(channelId).all(shopId);
        for (Setting s : o.channel().settings()) {
            if (blank(values.get(s.key()))) {
                return new PublishingChannel.Result(false, null, "channel " + channelId + " is not set up: " + s.key() + " is missing");
            }
        }
        try {
            Map<String, String> given = new LinkedHashMap<>(values);
            Path folder = Files.createDirectories(folders.resolve(channelId).resolve(Long.toString(shopId)));
            given.put(PublishingChannel.FOLDER, folder.toAbsolutePath().toString());
            PublishingChannel.Result r = o.channel().publish(post, Map.copyOf(given));
            return r == null ? new PublishingChannel.Result(false, null, "channel " + channelId + " answered nothing") : r;
        } catch (Exception | LinkageError e) {
            // The message only: a channel's exception may carry its request, never its settings' secrets in our log.
            log.warn("channel {} failed to publish post {} of shop {}: {}", channelId, post.postId(), shopId, e.getClass().getSimpleName());
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new PublishingChannel.Result(false, null, scrub(why, values, o.channel().settings()));
        }
    }

    /** {@code text} with every secret value of the channel replaced by the mask. */
    static String scrub(String text, Map<String, String> values, List<Setting> settings) {
        String out = text;
        for (Setting s : settings) {
            String v = values.get(s.key());
            if (s.secret() && !blank(v) && v.length() >= 4) {
                out = out.replace(v, MASK);
            }
        }
        return out;
    }

    /** A secret as shown: the mask and, for long ones, the last four characters. */
    public static String mask(String secret) {
        return secret.length() >= 12 ? MASK + secret.substring(secret.length() - 4) : MASK;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static IllegalArgumentException unknown(String id) {
        return new IllegalArgumentException("no started plugin offers the channel '" + id + "'");
    }
}
