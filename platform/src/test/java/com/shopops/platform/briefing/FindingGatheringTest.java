package com.shopops.platform.briefing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.api.BriefingContributor;
import com.shopops.api.Finding;
import com.shopops.api.Role;
import com.shopops.api.Severity;
import com.shopops.api.Shop;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One slow or broken source gives an error finding; the others' findings all arrive, on time. */
class FindingGatheringTest {

    private static final Shop SHOP = new Shop(1, "demo", "Demo", "taobao", "CNY", ZoneId.of("Asia/Shanghai"));
    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    private final FindingGathering gathering = new FindingGathering();

    @AfterEach
    void close() {
        gathering.close();
    }

    static Finding finding(String plugin, Severity severity, String title, long impact) {
        return new Finding(plugin, severity, title, null, "m", 1.0, 2.0, Finding.Unit.COUNT, null, Role.OPERATOR, null, impact);
    }

    private static Finding error(String plugin, FindingGathering.Problem problem, String detail) {
        return new Finding(plugin, Severity.WARNING, plugin + " " + problem, detail, "briefing.error", null, null, null,
                null, null, null, 0);
    }

    @Test
    void aThrowingAndASleepingSourceEachGiveAnErrorFindingAndTheOthersArrive() {
        CountDownLatch interrupted = new CountDownLatch(1);
        BriefingContributor sleeper = (shop, day) -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return List.of(finding("slow", Severity.CRITICAL, "never seen", 0));
        };
        BriefingContributor thrower = (shop, day) -> {
            throw new IllegalStateException("password=hunter2");
        };
        BriefingContributor good = (shop, day) -> List.of(finding("good", Severity.INFO, "visitors up", 5));
        long start = System.nanoTime();
        List<Finding> found = gathering.gather(SHOP, DAY, Locale.ENGLISH, List.of(
                new FindingGathering.Source("slow", List.of(sleeper)),
                new FindingGathering.Source("broken", List.of(thrower)),
                new FindingGathering.Source("good", List.of(good))), Duration.ofMillis(400), FindingGatheringTest::error);
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertEquals(List.of("slow TIMED_OUT", "broken FAILED", "visitors up"), found.stream().map(Finding::title).toList());
        assertEquals("0.4", found.get(0).detail(), "the limit, in seconds");
        assertEquals("IllegalStateException", found.get(1).detail(), "the exception's type only, never its message");
        assertTrue(tookMs < 5_000, "the sleeper was not waited for: " + tookMs + " ms");
        assertTrue(awaitQuietly(interrupted), "the sleeping source was interrupted when its time was up");
    }

    @Test
    void eachSourcesOutcomeIsToldWithoutAnyExceptionMessage() {
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (FindingGathering watched = new FindingGathering(new FindingGathering.Outcomes() {
            @Override
            public void answered(String source) {
                told.add(source + " answered");
            }

            @Override
            public void failed(String source, FindingGathering.Problem problem, String detail) {
                told.add(source + " " + problem + " " + detail);
            }
        })) {
            BriefingContributor sleeper = (shop, day) -> {
                Thread.sleep(30_000);
                return List.of();
            };
            BriefingContributor thrower = (shop, day) -> {
                throw new IllegalStateException("password=hunter2");
            };
            BriefingContributor good = (shop, day) -> List.of(finding("good", Severity.INFO, "visitors up", 5));
            watched.gather(SHOP, DAY, Locale.ENGLISH, List.of(new FindingGathering.Source("slow", List.of(sleeper)),
                    new FindingGathering.Source("broken", List.of(thrower)), new FindingGathering.Source("good", List.of(good))),
                    Duration.ofMillis(300), FindingGatheringTest::error);
        }
        assertEquals(List.of("slow TIMED_OUT 0.3 s", "broken FAILED IllegalStateException", "good answered"), told);
    }

    @Test
    void sourcesRunSideBySideSoTheLimitIsNotSpentOnceEach() {
        BriefingContributor slowish = (shop, day) -> {
            Thread.sleep(300);
            return List.of(finding("p", Severity.INFO, "done", 0));
        };
        List<FindingGathering.Source> sources = List.of(new FindingGathering.Source("a", List.of(slowish)),
                new FindingGathering.Source("b", List.of(slowish)), new FindingGathering.Source("c", List.of(slowish)));
        List<Finding> found = gathering.gather(SHOP, DAY, Locale.ENGLISH, sources, Duration.ofMillis(800),
                FindingGatheringTest::error);
        assertEquals(List.of("done", "done", "done"), found.stream().map(Finding::title).toList());
    }

    @Test
    void findingsAreFiledUnderTheirSourceWhateverThePluginClaims() {
        BriefingContributor impostor = (shop, day) -> List.of(finding("core", Severity.CRITICAL, "trust me", 0));
        List<Finding> found = gathering.gather(SHOP, DAY, Locale.ENGLISH,
                List.of(new FindingGathering.Source("thirdparty", List.of(impostor))), Duration.ofSeconds(2),
                FindingGatheringTest::error);
        assertEquals("thirdparty", found.get(0).plugin());
        assertEquals("trust me", found.get(0).title());
    }

    @Test
    void aFindingWithoutTitleOrSeverityMakesTheSourceAnError() {
        BriefingContributor sloppy = (shop, day) -> List.of(finding("x", Severity.INFO, "fine", 0),
                new Finding("x", null, "no severity", null, null, null, null, null, null, null, null, 0));
        List<Finding> found = gathering.gather(SHOP, DAY, Locale.ENGLISH,
                List.of(new FindingGathering.Source("x", List.of(sloppy))), Duration.ofSeconds(2), FindingGatheringTest::error);
        assertEquals(1, found.size());
        assertEquals("x INVALID", found.get(0).title());
        assertTrue(found.get(0).detail().contains("severity"), found.get(0).detail());
    }

    @Test
    void theLocaleReachesContributorsThatTranslate() {
        BriefingContributor translated = new BriefingContributor() {
            @Override
            public List<Finding> findings(Shop shop, LocalDate day) {
                return findings(shop, day, Locale.ENGLISH);
            }

            @Override
            public List<Finding> findings(Shop shop, LocalDate day, Locale locale) {
                return List.of(finding("t", Severity.INFO, locale.getLanguage().equals("zh") ? "访客增加" : "visitors up", 0));
            }
        };
        List<Finding> found = gathering.gather(SHOP, DAY, Locale.SIMPLIFIED_CHINESE,
                List.of(new FindingGathering.Source("t", List.of(translated))), Duration.ofSeconds(2), FindingGatheringTest::error);
        assertEquals("访客增加", found.get(0).title());
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
