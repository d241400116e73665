package com.shopops.platform.briefing;

import com.shopops.api.Finding;
import com.shopops.api.Messages;
import com.shopops.api.Role;
import com.shopops.api.Settings;
import com.shopops.api.Severity;
import com.shopops.api.Shop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Makes a shop's morning briefing for a day: gathers the findings of the core and every started
 * plugin (each within the time limit), orders them, stores them, and compares them with the day
 * before's stored briefing. A stored briefing is read back as it was, until an import outdates it.
 */
public final class MorningBriefing {

    /** Core setting: how many seconds each plugin has to give its findings (default 10). */
    public static final String LIMIT_SETTING = "briefing.plugin-seconds";
    static final Duration DEFAULT_LIMIT = Duration.ofSeconds(10);

    /** Which tasks were made from a day's findings: finding key → task id. */
    @FunctionalInterface
    public interface TaskLinks {
        Map<String, Long> forFindings(long shopId, LocalDate findingDay);
    }

    private final Briefings store;
    private final FindingGathering gathering;
    private final Supplier<List<FindingGathering.Source>> sources;
    private final Settings coreSettings;
    private final Messages messages;
    private final TaskLinks tasks;
    private final Clock clock;
    private final Map<String, Object> making = new ConcurrentHashMap<>();

    /**
     * @param sources      the core's and the started plugins' contributors, asked anew for each briefing
     * @param coreSettings the core's settings, for the time limit
     */
    public MorningBriefing(Briefings store, FindingGathering gathering, Supplier<List<FindingGathering.Source>> sources,
                           Settings coreSettings, Messages messages, TaskLinks tasks, Clock clock) {
        this.store = store;
        this.gathering = gathering;
        this.sources = sources;
        this.coreSettings = coreSettings;
        this.messages = messages;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** The shop's today, in its time zone. */
    public LocalDate today(Shop shop) {
        return LocalDate.ofInstant(clock.instant(), shop.timeZone());
    }

    /** The day a briefing is about unless one is named: the shop's yesterday. */
    public LocalDate yesterday(Shop shop) {
        return today(shop).minusDays(1);
    }

    /**
     * The briefing of {@code shop} for {@code day}. A past day's briefing is stored when first made and
     * read back afterwards; {@code remake} (or an import since) gathers the findings again. Today's is
     * made each time and not stored, as the day is not over.
     *
     * @throws IllegalArgumentException for a day after the shop's today
     */
    public Briefing of(Shop shop, LocalDate day, Locale locale, boolean remake) {
        LocalDate today = today(shop);
        if (day.isAfter(today)) {
            throw new IllegalArgumentException("there is no briefing for " + day + " yet: it is " + today + " in the shop's time zone ("
                    + shop.timeZone() + ")");
        }
        boolean partial = !day.isBefore(today);
        List<FindingOrder.Keyed> findings;
        Instant madeAt;
        long tookMs;
        Object lock = making.computeIfAbsent(shop.id() + "/" + day + "/" + locale.toLanguageTag(), k -> new Object());
        synchronized (lock) { // two people opening the home page at nine make the day's briefing once
            Optional<Briefings.Stored> stored = remake || partial ? Optional.empty() : store.load(shop.id(), day, locale);
            if (stored.isPresent() && !stored.get().outdated()) {
                findings = stored.get().findings();
                madeAt = stored.get().madeAt();
                tookMs = stored.get().tookMs();
            } else {
                long start = System.nanoTime();
                findings = FindingOrder.arrange(gathering.gather(shop, day, locale, sources.get(), limit(shop),
                        (plugin, problem, detail) -> error(plugin, problem, detail, locale)));
                tookMs = (System.nanoTime() - start) / 1_000_000;
                madeAt = clock.instant();
                if (!partial) {
                    store.save(shop.id(), day, locale, madeAt, tookMs, findings);
                }
            }
        }
        LocalDate dayBefore = day.minusDays(1);
        Optional<Briefings.Stored> before = store.load(shop.id(), dayBefore, locale);
        Map<String, Long> links = new HashMap<>(tasks.forFindings(shop.id(), dayBefore));
        links.putAll(tasks.forFindings(shop.id(), day));
        FindingOrder.Compared compared = FindingOrder.compare(findings,
                before.map(Briefings.Stored::findings).orElse(null), links);
        return new Briefing(shop, day, locale, madeAt, tookMs, partial, before.isPresent() ? dayBefore : null,
                compared.findings(), compared.cleared());
    }

    /** From this hour of the shop's day on, yesterday's briefing is made without waiting for a reader. */
    static final int MORNING_HOUR = 6;

    /**
     * Makes yesterday's briefing of every shop whose morning has come and that has none stored yet, in
     * the languages its team read briefings in over the last week (English when none): so that today's
     * can be compared with it even if nobody opened it. A scheduled job; returns how many were made.
     */
    public int makeYesterdays(List<Shop> shops) {
        int made = 0;
        for (Shop shop : shops) {
            java.time.ZonedDateTime local = clock.instant().atZone(shop.timeZone());
            if (local.getHour() < MORNING_HOUR) {
                continue;
            }
            LocalDate day = local.toLocalDate().minusDays(1);
            List<Locale> languages = store.languages(shop.id(), day.minusDays(7));
            for (Locale locale : languages.isEmpty() ? List.of(Locale.ENGLISH) : languages) {
                if (!store.isCurrent(shop.id(), day, locale)) {
                    of(shop, day, locale, false);
                    made++;
                }
            }
        }
        return made;
    }

    /** The shop's time limit per plugin; a bad setting falls back to the default rather than to no limit. */
    Duration limit(Shop shop) {
        return coreSettings.get(shop.id(), LIMIT_SETTING).filter(MorningBriefing::isLimit)
                .map(text -> Duration.ofMillis(Math.round(Double.parseDouble(text.trim()) * 1000)))
                .orElse(DEFAULT_LIMIT);
    }

    /** Whether {@code text} is a valid {@link #LIMIT_SETTING}: seconds, more than 0 and at most 300. */
    public static boolean isLimit(String text) {
        if (text == null || !text.trim().matches("[0-9]{1,3}(\\.[0-9]{1,3})?")) {
            return false;
        }
        double seconds = Double.parseDouble(text.trim());
        return seconds > 0 && seconds <= 300;
    }

    private Finding error(String plugin, FindingGathering.Problem problem, String detail, Locale locale) {
        return new Finding(plugin, Severity.WARNING, messages.text(locale, "briefing.error.title", plugin),
                messages.text(locale, "briefing.error." + problem.name(), detail), "briefing.error", null, null, null,
                messages.text(locale, "briefing.error.suggestion"), Role.OWNER, "/settings/plugins.html", 0);
    }
}
