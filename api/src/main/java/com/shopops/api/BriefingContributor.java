package com.shopops.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.pf4j.ExtensionPoint;

/**
 * Contributes findings to a shop's morning briefing. The host asks every enabled plugin with a time
 * limit each; one that throws or runs over gives an error finding and never holds up the others.
 *
 * <pre>{@code
 * @Extension
 * public class PageHealthFindings implements BriefingContributor {
 *     public List<Finding> findings(Shop shop, LocalDate day) {
 *         PageHealth health = PageHealth.of(store.week(shop.id(), day));
 *         return health.passes() ? List.of() : List.of(health.finding());
 *     }
 * }
 * }</pre>
 *
 * @since 1.0.0
 */
public interface BriefingContributor extends ExtensionPoint {

    /** The findings for {@code shop} on the shop-local {@code day} (usually yesterday). */
    List<Finding> findings(Shop shop, LocalDate day) throws Exception;

    /**
     * The findings with their words in {@code locale} (English or Simplified Chinese); the host calls
     * this one. Override it when the plugin translates its findings (e.g. with
     * {@link PluginContext#messages()}); the default gives {@link #findings(Shop, LocalDate)}.
     *
     * @since 1.1.0
     */
    default List<Finding> findings(Shop shop, LocalDate day, Locale locale) throws Exception {
        return findings(shop, day);
    }
}
