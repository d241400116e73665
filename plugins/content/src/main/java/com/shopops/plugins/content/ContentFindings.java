package com.shopops.plugins.content;

import com.shopops.api.Finding;
import com.shopops.api.Messages;
import com.shopops.api.Role;
import com.shopops.api.Settings;
import com.shopops.api.Severity;
import com.shopops.api.Shop;
import com.shopops.plugins.content.analysis.PostStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The content plugin's findings for the briefing of day D, read on the morning of D + 1:
 * <ul>
 * <li>tomorrow (D + 2, the day the afternoon plans) has fewer posts than the daily quota — WARNING when
 *     none, else INFO; value the posts, expected the quota;</li>
 * <li>a post that failed to publish — WARNING each (the five latest), with the channel's words;</li>
 * <li>a post whose time has come (before the morning of D + 1) still waiting for review or approval — WARNING for
 *     the approver.</li>
 * </ul>
 */
final class ContentFindings {

    static final String PLUGIN = "content";
    private static final String PAGE = "/ui/content/index.html";
    private static final int MAX_FAILED = 5;

    private final ContentStore store;
    private final Settings settings;
    private final Messages messages;

    ContentFindings(ContentStore store, Settings settings, Messages messages) {
        this.store = store;
        this.settings = settings;
        this.messages = messages;
    }

    private String t(Locale l, String key, Object... args) {
        return messages.text(l, key, args);
    }

    List<Finding> findings(Shop shop, LocalDate day, Locale l) {
        List<Finding> out = new ArrayList<>();
        int quota = ContentSettings.of(settings, shop.id()).dailyQuota();
        LocalDate tomorrow = day.plusDays(2);
        Instant morning = day.plusDays(1).atStartOfDay(shop.timeZone()).toInstant();
        long planned = store.between(shop.id(), tomorrow.atStartOfDay(shop.timeZone()).toInstant(),
                tomorrow.plusDays(1).atStartOfDay(shop.timeZone()).toInstant(), false).stream()
                .filter(p -> p.status() != PostStatus.FAILED).count();
        String calendar = PAGE + "?shop=" + shop.code() + "&day=" + tomorrow;
        if (planned < quota) {
            out.add(new Finding(PLUGIN, planned == 0 ? Severity.WARNING : Severity.INFO,
                    t(l, "finding.quota.title", tomorrow.toString(), planned, quota),
                    t(l, "finding.quota.detail", planned, quota), "content.posts-tomorrow", (double) planned, (double) quota,
                    Finding.Unit.COUNT, t(l, "finding.quota.suggestion"), Role.OPERATOR, calendar, quota - planned));
        }
        List<Post> recent = store.between(shop.id(), morning.minusSeconds(14L * 86_400), morning.plusSeconds(86_400), false);
        recent.stream().filter(p -> p.status() == PostStatus.FAILED)
                .sorted((a, b) -> b.scheduledAt().compareTo(a.scheduledAt())).limit(MAX_FAILED).forEach(p -> {
                    Post.Delivery d = p.deliveries().stream().filter(x -> "failed".equals(x.state())).findFirst().orElse(null);
                    out.add(new Finding(PLUGIN, Severity.WARNING, t(l, "finding.failed.title", p.title()),
                            t(l, "finding.failed.detail", d == null ? "?" : d.channel(), d == null || d.lastError() == null ? "" : d.lastError()),
                            "content.failed", null, null, Finding.Unit.COUNT, t(l, "finding.failed.suggestion"), Role.OPERATOR,
                            PAGE + "?shop=" + shop.code() + "&post=" + p.id(), 0));
                });
        recent.stream().filter(p -> (p.status() == PostStatus.DRAFT || p.status() == PostStatus.REVIEW)
                        && p.scheduledAt() != null && p.scheduledAt().isBefore(morning))
                .forEach(p -> out.add(new Finding(PLUGIN, Severity.WARNING, t(l, "finding.waiting.title", p.title()),
                        t(l, "finding.waiting.detail", t(l, "status." + p.status().id()), p.scheduledAt().atZone(shop.timeZone()).toLocalDateTime()
                                .toString().replace('T', ' ')),
                        "content.waiting", null, null, Finding.Unit.COUNT, t(l, "finding.waiting.suggestion"),
                        p.status() == PostStatus.REVIEW ? Role.OWNER : Role.OPERATOR,
                        PAGE + "?shop=" + shop.code() + "&post=" + p.id(), 0)));
        return out;
    }
}
