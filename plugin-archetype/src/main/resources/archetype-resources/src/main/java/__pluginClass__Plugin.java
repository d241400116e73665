package ${package};

import ${package}.analysis.DayNotes;
import com.shopops.api.BriefingContributor;
import com.shopops.api.Finding;
import com.shopops.api.MenuEntry;
import com.shopops.api.Messages;
import com.shopops.api.Permission;
import com.shopops.api.PluginContext;
import com.shopops.api.Role;
import com.shopops.api.Routes;
import com.shopops.api.Severity;
import com.shopops.api.Shop;
import com.shopops.api.ShopOpsPlugin;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * The plugin's entry: what it adds to ShopOps (routes, permissions, a page in the navigation, findings for
 * the morning briefing). Here: the shop's diary, notes the team writes on a day ("the hero item was out of
 * stock from 14:00 to 16:00"), which the next morning's briefing shows.
 */
@Extension
public final class ${pluginClass}Plugin implements ShopOpsPlugin, BriefingContributor {

    /** See the notes. */
    static final String VIEW = "${pluginId}.view";
    /** Write notes. */
    static final String EDIT = "${pluginId}.edit";

    private ${pluginClass}Store store;
    private Messages messages;

    @Override
    public void start(PluginContext context) {
        store = new ${pluginClass}Store(context.jdbi(), context.clock());
        messages = context.messages();
    }

    @Override
    public void routes(Routes routes) {
        new ${pluginClass}Routes(store).register(routes);
    }

    @Override
    public List<Permission> permissions() {
        return List.of(
                new Permission(VIEW, "See the shop's diary", Role.all()),
                new Permission(EDIT, "Write in the shop's diary", EnumSet.of(Role.OWNER, Role.OPERATOR, Role.SERVICE)));
    }

    @Override
    public List<MenuEntry> menu() {
        return List.of(new MenuEntry("menu.${pluginId}", "index.html", VIEW, 90));
    }

    @Override
    public List<Finding> findings(Shop shop, LocalDate day) {
        return findings(shop, day, Locale.ENGLISH);
    }

    @Override
    public List<Finding> findings(Shop shop, LocalDate day, Locale locale) {
        DayNotes notes = DayNotes.of(store.notes(shop.id(), day, day));
        if (notes.count() == 0) {
            return List.of();
        }
        return List.of(new Finding("${pluginId}", Severity.INFO,
                messages.text(locale, "finding.title", notes.count(), day),
                messages.text(locale, "finding.detail", notes.latest()),
                "diaryNotes", (double) notes.count(), null, Finding.Unit.COUNT,
                messages.text(locale, "finding.suggestion"), Role.OPERATOR, "/ui/${pluginId}/index.html", 0));
    }
}
