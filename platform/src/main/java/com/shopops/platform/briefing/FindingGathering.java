package com.shopops.platform.briefing;

import com.shopops.api.BriefingContributor;
import com.shopops.api.Finding;
import com.shopops.api.Shop;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every source (the core and each enabled plugin) for its findings at once, each within the same
 * time limit. A source that throws, runs over or answers nonsense gives one error finding instead, so
 * a slow or broken plugin never holds up or hides the others' findings.
 */
public final class FindingGathering implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FindingGathering.class);

    /**
     * A plugin's (or the core's) contributors.
     *
     * @param plugin       the id every finding of these contributors is filed under
     * @param contributors asked one after the other, within the source's time limit
     */
    public record Source(String plugin, List<? extends BriefingContributor> contributors) {
    }

    /** Why a source gave no findings. */
    public enum Problem {
        /** It did not answer within the time limit. */
        TIMED_OUT,
        /** It threw an exception. */
        FAILED,
        /** It answered a finding without severity or title. */
        INVALID
    }

    /** Makes the finding that stands in for a source's findings when it had a {@link Problem}. */
    @FunctionalInterface
    public interface ErrorFinding {
        Finding of(String plugin, Problem problem, String detail);
    }

    /** Told how each source answered, e.g. to stop a plugin whose contribution keeps failing. */
    public interface Outcomes {
        void answered(String source);

        /** {@code detail} names the exception type or the time limit, never an exception's message. */
        void failed(String source, Problem problem, String detail);

        Outcomes NONE = new Outcomes() {
            @Override
            public void answered(String source) {
            }

            @Override
            public void failed(String source, Problem problem, String detail) {
            }
        };
    }

    private final ExecutorService pool;
    private final Outcomes outcomes;

    public FindingGathering() {
        this(Outcomes.NONE);
    }

    /** A gathering that tells {@code outcomes} how each source answered. */
    public FindingGathering(Outcomes outcomes) {
        this.outcomes = outcomes;
        AtomicInteger n = new AtomicInteger();
        // Daemon threads: a plugin that ignores interruption must not keep the process alive.
        this.pool = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "briefing-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Every source's findings for {@code shop} on {@code day}, in the order of the sources; each
     * finding carries its source's id as plugin, whatever the plugin put there.
     */
    public List<Finding> gather(Shop shop, LocalDate day, Locale locale, List<Source> sources, Duration limit,
                                ErrorFinding errors) {
        long deadline = System.nanoTime() + limit.toNanos();
        List<Future<List<Finding>>> answers = new ArrayList<>();
        for (Source source : sources) {
            answers.add(pool.submit(() -> ask(source, shop, day, locale)));
        }
        List<Finding> all = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Source source = sources.get(i);
            Future<List<Finding>> answer = answers.get(i);
            try {
                all.addAll(answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                tell(source, null, null);
            } catch (TimeoutException e) {
                answer.cancel(true);
                log.warn("briefing of shop {} for {}: {} did not answer within {} ms", shop.code(), day, source.plugin(),
                        limit.toMillis());
                all.add(errors.of(source.plugin(), Problem.TIMED_OUT, seconds(limit)));
                tell(source, Problem.TIMED_OUT, seconds(limit) + " s");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof InvalidFinding invalid) {
                    all.add(errors.of(source.plugin(), Problem.INVALID, invalid.getMessage()));
                    tell(source, Problem.INVALID, invalid.getMessage());
                } else {
                    // The log keeps the stack for whoever runs the server; the finding names only the type.
                    log.warn("briefing of shop {} for {}: {} failed", shop.code(), day, source.plugin(), cause);
                    all.add(errors.of(source.plugin(), Problem.FAILED, cause.getClass().getSimpleName()));
                    tell(source, Problem.FAILED, cause.getClass().getSimpleName());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer.cancel(true);
                all.add(errors.of(source.plugin(), Problem.TIMED_OUT, seconds(limit)));
            }
        }
        return all;
    }

    private void tell(Source source, Problem problem, String detail) {
        try {
            if (problem == null) {
                outcomes.answered(source.plugin());
            } else {
                outcomes.failed(source.plugin(), problem, detail);
            }
        } catch (RuntimeException e) {
            log.error("briefing: the outcome of {} could not be reported", source.plugin(), e);
        }
    }

    private static List<Finding> ask(Source source, Shop shop, LocalDate day, Locale locale) throws Exception {
        List<Finding> found = new ArrayList<>();
        for (BriefingContributor contributor : source.contributors()) {
            List<Finding> answer = contributor.findings(shop, day, locale);
            if (answer == null) {
                continue;
            }
            for (Finding f : answer) {
                if (f == null || f.severity() == null || f.title() == null || f.title().isBlank()) {
                    throw new InvalidFinding(contributor.getClass().getSimpleName() + " gave a finding without "
                            + (f == null ? "anything" : f.severity() == null ? "severity" : "title"));
                }
                found.add(f.plugin() != null && f.plugin().equals(source.plugin()) ? f
                        : new Finding(source.plugin(), f.severity(), f.title(), f.detail(), f.metric(), f.value(),
                        f.expected(), f.unit(), f.suggestion(), f.role(), f.link(), f.impact(), f.trend()));
            }
        }
        return found;
    }

    private static String seconds(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? String.valueOf(limit.toSeconds())
                : String.format(Locale.ROOT, "%.1f", limit.toMillis() / 1000.0);
    }

    /** A contributor answered a finding the briefing cannot show. */
    private static final class InvalidFinding extends Exception {
        InvalidFinding(String message) {
            super(message);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
