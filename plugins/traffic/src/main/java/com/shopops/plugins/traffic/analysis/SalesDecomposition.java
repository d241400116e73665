package com.shopops.plugins.traffic.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * "Why did sales move?" (DOMAIN.md: sales = UV × conversion × AOV): splits the change in sales between a
 * base period and the period looked at into the part due to visitors, to conversion and to average
 * order value, with the logarithmic mean Divisia index (LMDI-I, Ang 2004). With {@code L(a, b) = (a − b)
 * ÷ (ln a − ln b)} and {@code L(a, a) = a}, the effect of factor x is {@code L(S₁, S₀) × ln(x₁ ÷ x₀)}; the
 * three effects add up to {@code S₁ − S₀} exactly (no residual, unlike a shift-share). The effects are
 * then rounded to whole minor units so that they still add up exactly ({@link #split}).
 *
 * <p>Zeros and gaps. A factor that is zero (or not positive) in one period makes its logarithm
 * undefined; a factor that cannot be formed (conversion with no visitors, AOV with no buyers) is
 * undefined. Then LMDI-I's analytical limit is used (Ang &amp; Liu 2007, replacing the zero with ε → 0):
 * an undefined factor takes the other period's value (it contributes nothing), and the first factor,
 * in the order UV → conversion → AOV, that is not positive in either period takes the whole change (the
 * limit of its effect is the whole change, of the others zero). When the visitors are unknown (no
 * traffic rows for some day) only buyers and AOV can be separated: {@code uvEffect} and
 * {@code conversionEffect} are null and {@code buyersEffect} carries their sum. When sales are unknown
 * nothing is split and every effect is null.
 *
 * <p>The UV effect is then shared among traffic sources in proportion to their change in visitors,
 * which is LMDI's own split of a sum: {@code ln(V₁/V₀) = Σₛ (V₁ₛ − V₀ₛ) ÷ L(V₁, V₀)}, so source s's part
 * is {@code uvEffect × ΔVₛ ÷ ΔV}. Platforms' source rows need not add up to the shop total (a visitor can
 * come by two sources); what they leave over is reported as unattributed, so the parts still add up.
 */
public final class SalesDecomposition {

    private SalesDecomposition() {
    }

    /**
     * One period's totals; null where unknown.
     *
     * @param sales  sales in minor units
     * @param buyers buyers (per day, summed: see {@link Kpis})
     * @param uv     visitors (per day, summed)
     */
    public record Totals(Long sales, Long buyers, Long uv) {
    }

    /**
     * A traffic source's visitors in both periods (0 where it had no row).
     *
     * @param source  the platform's source name
     * @param channel its channel (the shop's mapping, else the guess)
     * @param uv      visitors in the period looked at
     * @param baseUv  visitors in the base period
     */
    public record SourceVisitors(String source, Channel channel, long uv, long baseUv) {
    }

    /**
     * A source's share of the UV effect.
     *
     * @param source   the source
     * @param channel  its channel
     * @param uv       its visitors now
     * @param baseUv   its visitors in the base period
     * @param uvChange {@code uv − baseUv}
     * @param effect   its part of the UV effect, minor units
     * @param spend    its ad spend in the period where known; null: the core has no spend data
     */
    public record SourceEffect(String source, Channel channel, long uv, long baseUv, long uvChange, long effect, Long spend) {
    }

    /** A channel's sum of its sources' changes and effects. */
    public record ChannelEffect(Channel channel, long uvChange, long effect) {
    }

    /** How the split was made. */
    public enum Method {
        /** LMDI-I with every factor positive in both periods. */
        LMDI,
        /** The analytical limit: one factor was zero or undefined and took the whole change. */
        ZERO_LIMIT,
        /** Visitors unknown: split into buyers and AOV only. */
        WITHOUT_UV,
        /** No change in sales and no factor moved, or sales unknown. */
        NONE
    }

    /**
     * The split. Effects are in minor units; {@code uvEffect + conversionEffect + aovEffect == salesChange}
     * and {@code buyersEffect + aovEffect == salesChange} whenever they are not null;
     * {@code Σ bySource.effect + unattributedEffect == uvEffect}.
     */
    public record Result(Long sales, Long baseSales, Long salesChange, Long uvEffect, Long conversionEffect, Long aovEffect,
                         Long buyersEffect, Method method, List<SourceEffect> bySource, List<ChannelEffect> byChannel,
                         Long unattributedUvChange, Long unattributedEffect) {
    }

    /** Splits the change from {@code base} to {@code now}; {@code sources} may be empty. */
    public static Result of(Totals now, Totals base, List<SourceVisitors> sources) {
        Objects.requireNonNull(now);
        Objects.requireNonNull(base);
        if (now.sales() == null || base.sales() == null) {
            return new Result(now.sales(), base.sales(), null, null, null, null, null, Method.NONE, List.of(), List.of(), null, null);
        }
        long change = Math.subtractExact(now.sales(), base.sales());
        boolean withUv = now.uv() != null && base.uv() != null && now.buyers() != null && base.buyers() != null;
        boolean withBuyers = now.buyers() != null && base.buyers() != null;
        if (!withBuyers) {
            // Nothing to split sales by: the whole change is unexplained.
            return new Result(now.sales(), base.sales(), change, null, null, null, null, Method.NONE, List.of(), List.of(), null, null);
        }
        Double[] f1 = withUv ? factors3(now) : factors2(now);
        Double[] f0 = withUv ? factors3(base) : factors2(base);
        Split split = effects(f1, f0, now.sales(), base.sales());
        long[] whole = split(split.effects, change);
        Method method = withUv ? split.method : Method.WITHOUT_UV;
        if (!withUv) {
            return new Result(now.sales(), base.sales(), change, null, null, whole[1], whole[0], method, List.of(), List.of(),
                    null, null);
        }
        long uvEffect = whole[0];
        BySource bySource = bySource(uvEffect, split.effects[0], now, base, split.logMeanSales, sources);
        return new Result(now.sales(), base.sales(), change, uvEffect, whole[1], whole[2], uvEffect + whole[1], method,
                bySource.sources, bySource.channels, bySource.unattributedUvChange, bySource.unattributedEffect);
    }

    /** UV, conversion (buyers ÷ UV), AOV (sales ÷ buyers); null where it cannot be formed. */
    private static Double[] factors3(Totals t) {
        Double uv = (double) t.uv();
        Double rate = t.uv() == 0 ? null : (double) t.buyers() / t.uv();
        Double aov = t.buyers() == 0 ? null : (double) t.sales() / t.buyers();
        return new Double[] {uv, rate, aov};
    }

    /** Buyers, AOV. */
    private static Double[] factors2(Totals t) {
        return new Double[] {(double) t.buyers(), t.buyers() == 0 ? null : (double) t.sales() / t.buyers()};
    }

    private record Split(double[] effects, double logMeanSales, Method method) {
    }

    /** The real-valued effects of each factor, adding up to {@code s1 − s0}. */
    private static Split effects(Double[] f1, Double[] f0, long s1, long s0) {
        int n = f1.length;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            // An undefined factor takes the other period's value: it explains nothing.
            Double x1 = f1[i] != null ? f1[i] : f0[i];
            Double x0 = f0[i] != null ? f0[i] : f1[i];
            a[i] = x1 == null ? 1 : x1;
            b[i] = x0 == null ? 1 : x0;
        }
        double[] out = new double[n];
        double change = (double) s1 - s0;
        if (change == 0 && java.util.Arrays.equals(a, b)) {
            return new Split(out, logMean(s1, s0), Method.NONE);
        }
        for (int i = 0; i < n; i++) {
            if (!(a[i] > 0) || !(b[i] > 0)) {
                // The limit ε → 0 of LMDI-I: the vanishing factor explains all of the change.
                out[i] = change;
                return new Split(out, logMean(s1, s0), Method.ZERO_LIMIT);
            }
        }
        if (!(s1 > 0) || !(s0 > 0)) {
            // All factors positive means positive sales; only a rounding-level inconsistency gets here.
            out[0] = change;
            return new Split(out, logMean(s1, s0), Method.ZERO_LIMIT);
        }
        double l = logMean(s1, s0);
        for (int i = 0; i < n; i++) {
            out[i] = l * Math.log(a[i] / b[i]);
        }
        return new Split(out, l, Method.LMDI);
    }

    /**
     * The logarithmic mean {@code (a − b) ÷ (ln a − ln b)}, {@code a} when equal, 0 when either is not
     * positive (its limit as that one goes to 0).
     */
    public static double logMean(double a, double b) {
        if (!(a > 0) || !(b > 0)) {
            return 0;
        }
        if (a == b) {
            return a;
        }
        double la = Math.log(a);
        double lb = Math.log(b);
        if (la == lb) {
            return a; // equal to double precision
        }
        return (a - b) / (la - lb);
    }

    private record BySource(List<SourceEffect> sources, List<ChannelEffect> channels, Long unattributedUvChange,
                            Long unattributedEffect) {
    }

    private static BySource bySource(long uvEffect, double uvEffectReal, Totals now, Totals base, double logMeanSales,
                                     List<SourceVisitors> sources) {
        List<SourceVisitors> sorted = new ArrayList<>(sources);
        sorted.sort(Comparator.comparing(SourceVisitors::source));
        long totalChange = now.uv() - base.uv();
        long sourcesChange = 0;
        double[] real = new double[sorted.size() + 1];
        double attributed = 0;
        for (int i = 0; i < sorted.size(); i++) {
            SourceVisitors s = sorted.get(i);
            long d = s.uv() - s.baseUv();
            sourcesChange += d;
            if (totalChange != 0) {
                real[i] = uvEffectReal * d / totalChange;
            } else if (now.uv() > 0) {
                // No change in the total: ln(V₁/V₀) = 0, yet sources moved; LMDI's weight L(S) ÷ L(V) still holds.
                real[i] = logMeanSales * d / now.uv();
            }
            attributed += real[i];
        }
        real[sorted.size()] = uvEffectReal - attributed;
        long[] whole = split(real, uvEffect);
        List<SourceEffect> out = new ArrayList<>();
        Map<Channel, long[]> channels = new LinkedHashMap<>();
        for (Channel c : Channel.values()) {
            channels.put(c, new long[2]);
        }
        for (int i = 0; i < sorted.size(); i++) {
            SourceVisitors s = sorted.get(i);
            out.add(new SourceEffect(s.source(), s.channel(), s.uv(), s.baseUv(), s.uv() - s.baseUv(), whole[i], null));
            long[] c = channels.get(s.channel());
            c[0] += s.uv() - s.baseUv();
            c[1] += whole[i];
        }
        List<ChannelEffect> byChannel = new ArrayList<>();
        channels.forEach((c, v) -> {
            if (sorted.stream().anyMatch(s -> s.channel() == c)) {
                byChannel.add(new ChannelEffect(c, v[0], v[1]));
            }
        });
        return new BySource(out, byChannel, totalChange - sourcesChange, whole[sorted.size()]);
    }

    /**
     * Rounds {@code parts} to whole numbers that add up to {@code total} exactly: each part is rounded down,
     * and the units left over go one each to the parts with the largest fractions (ties: the earlier part);
     * should the parts' real sum be off by more than rounding, the difference is spread the same way.
     * Deterministic, and a part that is already whole stays as it is when the sum is exact.
     */
    public static long[] split(double[] parts, long total) {
        int n = parts.length;
        long[] out = new long[n];
        if (n == 0) {
            if (total != 0) {
                throw new IllegalArgumentException("nothing to split " + total + " over");
            }
            return out;
        }
        double[] frac = new double[n];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            double p = Double.isFinite(parts[i]) ? parts[i] : 0;
            // Snap values within rounding noise of a whole number onto it, so exact inputs stay exact.
            double r = Math.rint(p);
            double v = Math.abs(p - r) < 1e-6 ? r : p;
            out[i] = (long) Math.floor(v);
            frac[i] = v - out[i];
            sum += out[i];
        }
        long left = total - sum;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (left >= 0) {
            java.util.Arrays.sort(order, (x, y) -> frac[x] != frac[y] ? Double.compare(frac[y], frac[x]) : Integer.compare(x, y));
            for (long k = 0; k < left; k++) {
                out[order[(int) (k % n)]]++;
            }
        } else {
            java.util.Arrays.sort(order, (x, y) -> frac[x] != frac[y] ? Double.compare(frac[x], frac[y]) : Integer.compare(x, y));
            for (long k = 0; k < -left; k++) {
                out[order[(int) (k % n)]]--;
            }
        }
        return out;
    }
}
