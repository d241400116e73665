package com.shopops.plugins.activities;

import com.shopops.api.Messages;
import com.shopops.api.Money;
import com.shopops.plugins.activities.analysis.EntryCheck;
import com.shopops.plugins.activities.analysis.EntryRules;
import com.shopops.plugins.activities.analysis.Reminder;
import java.util.Locale;

/**
 * Words the plugin's reminders and entry failures in the reader's language from its messages
 * ({@code i18n/activities/}), money in the shop's currency.
 */
final class ActivitiesWords {

    private final Messages messages;

    ActivitiesWords(Messages messages) {
        this.messages = messages;
    }

    /** {@code key}'s message in {@code l}. */
    String t(Locale l, String key, Object... args) {
        return messages.text(l, key, args);
    }

    /**
     * A reminder in one sentence. Keys: {@code activities.reminder.registration-deadline} ({0} campaign, {1}
     * deadline, {2} days left), {@code …behind-goal} ({0} campaign, {1} the goal's word, {2} attainment, {3}
     * the share due, {4} live days left), {@code …stock-out} ({0} campaign, {1} SKU, {2} the day it runs out,
     * {3} live days short, {4} units a day, {5} units left) or {@code …stock-out.sold-out} (the same, sold out
     * on {2}), {@code …not-reviewed} ({0} campaign, {1} its last day, {2} days since).
     */
    String reminder(Reminder r, Locale l) {
        return switch (r.kind()) {
            case REGISTRATION_DEADLINE -> t(l, r.messageKey(), r.campaignName(), r.day().toString(), r.days());
            case BEHIND_GOAL -> t(l, r.messageKey(), r.campaignName(), t(l, "activities.metric." + r.metric()),
                    r.value() == null ? 0.0 : r.value(), r.expected(), r.days());
            case STOCK_OUT -> t(l, "sold-out".equals(r.metric()) ? r.messageKey() + ".sold-out" : r.messageKey(),
                    r.campaignName(), r.sku(), r.day().toString(), r.days(), r.value(),
                    r.expected() == null ? 0L : r.expected().longValue());
            case NOT_REVIEWED -> t(l, r.messageKey(), r.campaignName(), r.day().toString(), r.days());
        };
    }

    /**
     * An entry failure in one sentence: {0} the product's figure, {1} what the rule asks, {2} the price
     * window's days; prices as money in {@code currency}.
     */
    String failure(EntryCheck.Failure f, EntryRules rules, String currency, Locale l) {
        Object actual = f.actual();
        Object required = f.required();
        if (f.rule() == EntryCheck.Rule.LOWEST_PRICE) {
            actual = f.actual() == null ? null : Money.text(f.actual().longValue(), currency, l);
            required = f.required() == null ? null : Money.text(f.required().longValue(), currency, l);
        }
        return t(l, f.messageKey(), actual == null ? "" : actual, required == null ? "" : required,
                rules.lowestPriceDays() == null ? 0 : rules.lowestPriceDays());
    }
}
