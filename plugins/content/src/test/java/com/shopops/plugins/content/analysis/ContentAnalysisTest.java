package com.shopops.plugins.content.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.plugins.content.analysis.ContentCalendar.Fill;
import com.shopops.plugins.content.analysis.ContentCalendar.Planned;
import com.shopops.plugins.content.analysis.PostWorkflow.Move;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The content plugin's pure rules: the workflow, the retry policy, the calendar against the quota, engagement by kind. */
class ContentAnalysisTest {

    @Test
    void theWorkflowAllowsExactlyTheseMoves() {
        // The table of allowed moves, written out: status → moves.
        assertEquals(EnumSet.of(Move.SUBMIT, Move.EDIT, Move.RESCHEDULE, Move.DELETE), allowed(PostStatus.DRAFT));
        assertEquals(EnumSet.of(Move.APPROVE, Move.SEND_BACK, Move.EDIT, Move.RESCHEDULE, Move.DELETE), allowed(PostStatus.REVIEW));
        assertEquals(EnumSet.of(Move.SEND_BACK, Move.EDIT, Move.RESCHEDULE, Move.PUBLISH_NOW, Move.DELETE), allowed(PostStatus.APPROVED));
        assertEquals(EnumSet.of(Move.SEND_BACK, Move.EDIT, Move.RESCHEDULE, Move.PUBLISH_NOW, Move.DELETE), allowed(PostStatus.SCHEDULED));
        assertEquals(EnumSet.noneOf(Move.class), allowed(PostStatus.PUBLISHED));
        assertEquals(EnumSet.of(Move.RETRY, Move.EDIT, Move.RESCHEDULE, Move.DELETE), allowed(PostStatus.FAILED));
        assertEquals("only a post in review can be approved; this post is draft",
                PostWorkflow.refusal(PostStatus.DRAFT, Move.APPROVE).orElseThrow());

        assertEquals(PostStatus.SCHEDULED, PostWorkflow.approved(true, true));
        assertEquals(PostStatus.APPROVED, PostWorkflow.approved(false, true), "no time yet");
        assertEquals(PostStatus.APPROVED, PostWorkflow.approved(true, false), "no channel yet");
        assertEquals(PostStatus.DRAFT, PostWorkflow.edited(PostStatus.SCHEDULED), "what was approved is not what would go out");
        assertEquals(PostStatus.REVIEW, PostWorkflow.edited(PostStatus.REVIEW));
        assertThrows(IllegalArgumentException.class, () -> PostStatus.byId("done"));
        assertEquals(PostKind.STORY, PostKind.byId("story"));
    }

    private static Set<Move> allowed(PostStatus s) {
        Set<Move> out = EnumSet.noneOf(Move.class);
        for (Move m : Move.values()) {
            if (PostWorkflow.refusal(s, m).isEmpty()) {
                out.add(m);
            }
        }
        return out;
    }

    @Test
    void retriesWaitOneFiveTwentyFiveMinutesUpToSixHoursThenGiveUp() {
        Instant now = Instant.parse("2024-05-01T00:00:00Z");
        RetryPolicy p = new RetryPolicy(6, Duration.ofMinutes(1), Duration.ofHours(24));
        assertEquals(now.plus(Duration.ofMinutes(1)), p.nextAttempt(1, now));
        assertEquals(now.plus(Duration.ofMinutes(5)), p.nextAttempt(2, now));
        assertEquals(now.plus(Duration.ofMinutes(25)), p.nextAttempt(3, now));
        assertEquals(now.plus(Duration.ofMinutes(125)), p.nextAttempt(4, now));
        assertEquals(now.plus(Duration.ofHours(6)), p.nextAttempt(5, now), "625 minutes capped at 6 hours");
        assertNull(p.nextAttempt(6, now), "the sixth attempt was the last");

        assertFalse(p.missed(now.minus(Duration.ofHours(24)), now), "exactly 24 hours late still goes out");
        assertTrue(p.missed(now.minus(Duration.ofHours(24)).minusSeconds(1), now));
        assertFalse(p.missed(null, now));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ofMinutes(1), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, Duration.ZERO, Duration.ofHours(1)));
    }

    @Test
    void theCalendarCountsDaysAgainstTheQuota() {
        LocalDate mon = LocalDate.of(2024, 5, 6);
        List<Planned> posts = new ArrayList<>();
        posts.add(new Planned(mon, 1, PostStatus.PUBLISHED, PostKind.COPY));
        posts.add(new Planned(mon, 2, PostStatus.SCHEDULED, PostKind.STORY));
        posts.add(new Planned(mon, 3, PostStatus.FAILED, PostKind.COPY));
        for (int i = 0; i < 3; i++) {
            posts.add(new Planned(mon.plusDays(1), 10 + i, PostStatus.SCHEDULED, PostKind.RULES));
        }
        for (int i = 0; i < 4; i++) {
            posts.add(new Planned(mon.plusDays(2), 20 + i, PostStatus.DRAFT, PostKind.RULES));
        }
        posts.add(new Planned(mon.plusDays(9), 99, PostStatus.SCHEDULED, PostKind.RULES));
        List<ContentCalendar.Day> days = ContentCalendar.days(mon, mon.plusDays(3), posts, 3);
        // Monday: 2 that count (the failed one went nowhere) of 3; Tuesday 3; Wednesday 4; Thursday none.
        assertEquals(List.of(2, 3, 4, 0), days.stream().map(ContentCalendar.Day::counted).toList());
        assertEquals(List.of(Fill.UNDER, Fill.FULL, Fill.OVER, Fill.EMPTY), days.stream().map(ContentCalendar.Day::fill).toList());
        assertEquals(3, days.get(0).posts().size(), "the failed post is still shown on its day");
        assertThrows(IllegalArgumentException.class, () -> ContentCalendar.days(mon, mon, posts, 0));
    }

    @Test
    void engagementByKindBestClickRateFirst() {
        List<EngagementSummary.Row> rows = List.of(
                new EngagementSummary.Row(1, PostKind.COPY, 1_000, 10, 1, 20),
                new EngagementSummary.Row(1, PostKind.COPY, 200, 2, 0, 4),
                new EngagementSummary.Row(2, PostKind.COPY, 800, 8, 2, 16),
                new EngagementSummary.Row(3, PostKind.RECOMMENDATION, 500, 20, 5, 40),
                new EngagementSummary.Row(4, PostKind.STORY, 0, 0, 0, 0));
        List<EngagementSummary.KindFigures> k = EngagementSummary.byKind(rows);
        // recommendation 40 ÷ 500 = 8%; copy (20 + 4 + 16) ÷ 2,000 = 2% over 2 posts; story no views.
        assertEquals(List.of(PostKind.RECOMMENDATION, PostKind.COPY, PostKind.STORY), k.stream().map(EngagementSummary.KindFigures::kind).toList());
        assertEquals(0.08, k.get(0).clickRate(), 1e-12);
        assertEquals(new EngagementSummary.KindFigures(PostKind.COPY, 2, 2_000, 20, 3, 40, 1_000.0, 0.02), k.get(1));
        assertNull(k.get(2).clickRate());
    }
}
