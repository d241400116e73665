package com.shopops.plugins.content.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What kind of content works: engagement added up per kind of post, with the averages per post and the
 * click rate (clicks ÷ views), best click rate first, so the team writes more of what people act on.
 */
public final class EngagementSummary {

    private EngagementSummary() {
    }

    /** One post's engagement on one channel and day. */
    public record Row(long postId, PostKind kind, long views, long likes, long comments, long clicks) {
    }

    /** A kind's totals; rates and averages null when there is nothing to divide by. */
    public record KindFigures(PostKind kind, long posts, long views, long likes, long comments, long clicks,
                              Double viewsPerPost, Double clickRate) {
    }

    public static List<KindFigures> byKind(List<Row> rows) {
        Map<PostKind, long[]> sums = new EnumMap<>(PostKind.class);
        Map<PostKind, java.util.Set<Long>> posts = new EnumMap<>(PostKind.class);
        for (Row r : rows) {
            long[] s = sums.computeIfAbsent(r.kind(), k -> new long[4]);
            s[0] += r.views();
            s[1] += r.likes();
            s[2] += r.comments();
            s[3] += r.clicks();
            posts.computeIfAbsent(r.kind(), k -> new java.util.HashSet<>()).add(r.postId());
        }
        List<KindFigures> out = new ArrayList<>();
        sums.forEach((kind, s) -> {
            long n = posts.get(kind).size();
            out.add(new KindFigures(kind, n, s[0], s[1], s[2], s[3], n == 0 ? null : (double) s[0] / n,
                    s[0] == 0 ? null : (double) s[3] / s[0]));
        });
        out.sort((a, b) -> Double.compare(b.clickRate() == null ? -1 : b.clickRate(), a.clickRate() == null ? -1 : a.clickRate()));
        return out;
    }
}
