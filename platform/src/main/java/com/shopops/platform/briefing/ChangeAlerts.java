package com.shopops.platform.briefing;

import com.shopops.api.BriefingContributor;
import com.shopops.api.Finding;
import com.shopops.api.Messages;
import com.shopops.api.Role;
import com.shopops.api.Severity;
import com.shopops.api.Shop;
import com.shopops.platform.people.AuditLog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Changes the audit log flagged as worth a second look (many prices at once, a large price move, a
 * plugin disabled…) on the briefing's day and since, so the owner sees them the next morning.
 */
public final class ChangeAlerts implements BriefingContributor {

    /** At most this many alerts are listed one by one; the rest are counted in one finding. */
    static final int LISTED = 10;

    private final AuditLog audit;
    private final Messages messages;

    public ChangeAlerts(AuditLog audit, Messages messages) {
        this.audit = audit;
        this.messages = messages;
    }

    @Override
    public List<Finding> findings(Shop shop, LocalDate day) {
        return findings(shop, day, Locale.ENGLISH);
    }

    @Override
    public List<Finding> findings(Shop shop, LocalDate day, Locale l) {
        Instant from = day.atStartOfDay(shop.timeZone()).toInstant();
        // Until the end of the next day: the briefing about yesterday is read this morning and must show
        // what was changed last night and early today as well.
        Instant until = day.plusDays(2).atStartOfDay(shop.timeZone()).toInstant();
        List<AuditLog.Entry> alerts = audit.alerts(shop.id(), from).stream().filter(e -> e.at().isBefore(until)).toList();
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        List<Finding> found = new ArrayList<>();
        for (AuditLog.Entry e : alerts.subList(0, Math.min(LISTED, alerts.size()))) {
            String at = ZonedDateTime.ofInstant(e.at(), shop.timeZone()).format(time);
            found.add(new Finding("core", Severity.WARNING, messages.text(l, "briefing.alert.title", e.alert()),
                    messages.text(l, "briefing.alert.detail", e.user(), at, e.action(), e.target() == null ? "" : e.target()),
                    "audit.alert", null, null, null, messages.text(l, "briefing.alert.suggestion"), Role.OWNER,
                    "/settings/audit.html", 0));
        }
        if (alerts.size() > LISTED) {
            found.add(new Finding("core", Severity.WARNING, messages.text(l, "briefing.alert.more", alerts.size() - LISTED),
                    null, "audit.alert", (double) alerts.size(), null, Finding.Unit.COUNT,
                    messages.text(l, "briefing.alert.suggestion"), Role.OWNER, "/settings/audit.html", 0));
        }
        return found;
    }
}
