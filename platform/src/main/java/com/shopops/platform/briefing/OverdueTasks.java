package com.shopops.platform.briefing;

import com.shopops.api.BriefingContributor;
import com.shopops.api.Finding;
import com.shopops.api.Messages;
import com.shopops.api.Severity;
import com.shopops.api.Shop;
import com.shopops.platform.tasks.Task;
import com.shopops.platform.tasks.TaskStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tasks still open or in progress after their due day: a target without a check date is never
 * met, and neither is a task nobody looks at again. Recurring checks that are due again are reopened
 * first, so a daily check left undone yesterday shows here too.
 */
public final class OverdueTasks implements BriefingContributor {

    /** At most this many overdue tasks are listed one by one; the rest are counted in one finding. */
    static final int LISTED = 10;

    private final TaskStore tasks;
    private final Messages messages;

    public OverdueTasks(TaskStore tasks, Messages messages) {
        this.tasks = tasks;
        this.messages = messages;
    }

    @Override
    public List<Finding> findings(Shop shop, LocalDate day) {
        return findings(shop, day, Locale.ENGLISH);
    }

    @Override
    public List<Finding> findings(Shop shop, LocalDate day, Locale l) {
        tasks.reopenDue(shop.id(), tasks.today(shop.id()));
        List<Task> late = tasks.overdue(shop.id(), day);
        List<Finding> found = new ArrayList<>();
        for (Task task : late.subList(0, Math.min(LISTED, late.size()))) {
            String who = task.assigneeName() != null ? task.assigneeName()
                    : task.role() != null ? messages.text(l, "role." + task.role().name()) : messages.text(l, "briefing.overdue.nobody");
            found.add(new Finding("core", Severity.WARNING, messages.text(l, "briefing.overdue.title", task.title()),
                    messages.text(l, "briefing.overdue.detail", task.due(),
                            messages.text(l, "tasks.status." + task.status().name()), who),
                    "task.overdue", null, null, null,
                    messages.text(l, "briefing.overdue.suggestion"), task.role(), "/tasks.html?task=" + task.id(), 0));
        }
        if (late.size() > LISTED) {
            found.add(new Finding("core", Severity.WARNING, messages.text(l, "briefing.overdue.more", late.size() - LISTED),
                    null, "task.overdue", (double) late.size(), null, Finding.Unit.COUNT,
                    messages.text(l, "briefing.overdue.suggestion"), null, "/tasks.html", 0));
        }
        return found;
    }
}
