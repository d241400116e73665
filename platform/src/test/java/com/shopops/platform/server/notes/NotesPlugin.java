package com.shopops.platform.server.notes;

import com.shopops.api.MenuEntry;
import com.shopops.api.Permission;
import com.shopops.api.PublishingChannel;
import com.shopops.api.Role;
import com.shopops.api.ShopOpsPlugin;
import java.util.List;
import java.util.Map;

/**
 * A plugin for the host's own tests, packed into a zip by the test that uses it (its class and a few UI
 * files in the jar): a page under {@code /ui/notes/} and a publishing channel {@code outbox} with a secret
 * setting. No {@code @Extension}: the test writes the extension index itself, so that this class is not
 * also an extension of the host's own class path.
 */
public class NotesPlugin implements ShopOpsPlugin, PublishingChannel {

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission("notes.view", "See notes", Role.all()));
    }

    @Override
    public List<MenuEntry> menu() {
        return List.of(new MenuEntry("notes.menu", "index.html", "notes.view", 100));
    }

    @Override
    public String id() {
        return "outbox";
    }

    @Override
    public List<Setting> settings() {
        return List.of(new Setting("url", false), new Setting("signingKey", true));
    }

    @Override
    public Result publish(Post post, Map<String, String> settings) {
        return new Result(true, "note-" + post.postId(), null);
    }
}
