package com.shopops.api;

import java.time.LocalDate;
import java.util.List;
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
}
