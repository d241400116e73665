package com.shopops.plugins.listings;

import com.shopops.api.Finding;
import com.shopops.api.Messages;
import com.shopops.api.Role;
import com.shopops.api.Severity;
import com.shopops.api.Shop;
import com.shopops.plugins.listings.analysis.CopycatSuspect;
import com.shopops.plugins.listings.analysis.ListingCheck;
import com.shopops.plugins.listings.analysis.ReviewWatch;
import com.shopops.plugins.listings.analysis.TopProducts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The listings plugin's findings for the morning briefing of {@code day} (yesterday), in the reader's
 * language. Each carries the task that resolves it — its suggestion and the role that should act — so
 * "Make a task" on the home page hands it to that role:
 * <ul>
 * <li>each negative (WARNING) or neutral (INFO) review of a top product written on the day, for customer
 *     service, metric {@code listings.review.<review id>} (value the rating);</li>
 * <li>each open suspected copycat of a top product last seen within {@code suspect-days} up to the day
 *     (WARNING; "certain" when it uses our image), for the operator to check and report the image theft,
 *     metric {@code listings.copycat.<listing id>} (value the title similarity, expected the threshold — none for
 *     a certain one, whose title may be anything);
 *     raised every morning until it is marked reported or dismissed;</li>
 * <li>one per listing check that products fail (banned words and low stock WARNING, the others INFO), for
 *     the operator, metric {@code listings.check.<kind>} (value the products failing).</li>
 * </ul>
 * When the shop has no product views, the top products are the best selling, and the review and copycat
 * findings say so.
 */
final class ListingsFindings {

    static final String PLUGIN = "listings";
    static final String PAGE = "/ui/listings/index.html";
    /** Products a check finding names before "and N more". */
    static final int NAMED = 5;

    private final ListingsFigures figures;
    private final Messages messages;

    ListingsFindings(ListingsFigures figures, Messages messages) {
        this.figures = figures;
        this.messages = messages;
    }

    private String t(Locale l, String key, Object... args) {
        return messages.text(l, key, args);
    }

    List<Finding> findings(Shop shop, LocalDate day, Locale l) {
        List<Finding> out = new ArrayList<>();
        ListingsFigures.Top top = figures.top(shop, day);
        String basis = top.basis() == TopProducts.Basis.SALES ? " " + t(l, "finding.basis.sales", top.rules().topDays()) : "";
        for (ReviewWatch.BadReview b : figures.badReviews(shop, top, day, day)) {
            boolean negative = b.tone() == ReviewWatch.Tone.NEGATIVE;
            String tone = negative ? "negative" : "neutral";
            String text = b.review().text() == null || b.review().text().isBlank() ? t(l, "finding.review.noText") : b.review().text();
            out.add(new Finding(PLUGIN, negative ? Severity.WARNING : Severity.INFO,
                    t(l, "finding.review." + tone + ".title", b.review().rating(), b.product().title(), b.product().rank()),
                    t(l, "finding.review.detail", b.product().sku(), b.review().day().toString(), text) + basis,
                    "listings.review." + b.review().id(), (double) b.review().rating(), null,
                    Finding.Unit.NUMBER, t(l, "finding.review.suggestion"), Role.SERVICE, link("sku", b.product().sku()), 0));
        }
        LocalDate from = day.minusDays(top.rules().suspectDays() - 1L);
        for (ListingsFigures.Suspect s : figures.suspects(shop, top, from)) {
            if (s.decision() != null) {
                continue;
            }
            CopycatSuspect c = s.suspect();
            out.add(new Finding(PLUGIN, Severity.WARNING,
                    t(l, c.certain() ? "finding.copycat.certain.title" : "finding.copycat.title", c.listing().shopName(), c.ourTitle()),
                    t(l, c.certain() ? "finding.copycat.certain.detail" : "finding.copycat.detail", c.listing().title(),
                            c.listing().listingId(), Math.round(c.similarity() * 100), c.listing().lastSeen().toString(), c.sku(),
                            c.listing().url() == null ? "—" : c.listing().url()) + basis,
                    "listings.copycat." + c.listing().listingId(), c.similarity(), c.certain() ? null : top.rules().similarity(),
                    Finding.Unit.RATE,
                    t(l, "finding.copycat.suggestion"), Role.OPERATOR, link("listing", c.listing().listingId()), 0));
        }
        for (Map.Entry<ListingCheck.Kind, List<ListingsFigures.ProductCheck>> e : ListingsFigures.byKind(figures.checks(shop)).entrySet()) {
            List<ListingsFigures.ProductCheck> failing = e.getValue();
            if (failing.isEmpty()) {
                continue;
            }
            ListingCheck.Kind kind = e.getKey();
            String named = failing.stream().limit(NAMED).map(c -> c.product().sku()).collect(Collectors.joining(", "));
            if (failing.size() > NAMED) {
                named += " " + t(l, "finding.check.more", failing.size() - NAMED);
            }
            boolean warning = kind == ListingCheck.Kind.BANNED_WORD || kind == ListingCheck.Kind.LOW_STOCK;
            out.add(new Finding(PLUGIN, warning ? Severity.WARNING : Severity.INFO,
                    t(l, "finding.check.title", failing.size(), t(l, "check." + kind.key())),
                    t(l, "finding.check." + kind.key() + ".detail", named), "listings.check." + kind.key(), (double) failing.size(), null,
                    Finding.Unit.COUNT, t(l, "finding.check." + kind.key() + ".suggestion"), Role.OPERATOR,
                    PAGE + "?check=" + kind.key() + "#checks", 0));
        }
        return out;
    }

    private static String link(String param, String value) {
        return PAGE + "?" + param + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
