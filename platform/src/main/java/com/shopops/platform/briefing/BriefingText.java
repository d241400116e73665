package com.shopops.platform.briefing;

import com.shopops.api.Finding;
import com.shopops.api.Messages;
import com.shopops.api.Severity;
import java.util.Locale;
import java.util.Map;

/**
 * The briefing as words, for a terminal ({@link #text}) or for mail and chat ({@link #markdown}), as
 * {@code shopops briefing --format text|markdown} prints it and cron mails or posts it.
 */
public final class BriefingText {

    private final Messages messages;

    public BriefingText(Messages messages) {
        this.messages = messages;
    }

    /** Plain text, one block per severity. */
    public String text(Briefing b) {
        Locale l = b.locale();
        StringBuilder out = new StringBuilder();
        out.append(t(l, "briefing.title", b.shop().name(), b.shop().code(), b.day())).append('\n');
        out.append(counts(b)).append(" · ").append(comparison(b)).append("\n");
        if (b.findings().isEmpty()) {
            out.append('\n').append(t(l, "briefing.none")).append('\n');
        }
        Severity current = null;
        int n = 0;
        for (Briefing.Item item : b.findings()) {
            Finding f = item.finding();
            if (f.severity() != current) {
                current = f.severity();
                out.append('\n').append(t(l, "briefing.severity." + current).toUpperCase(l)).append('\n');
            }
            out.append(String.format("%3d. ", ++n)).append(oneLine(f.title())).append(badge(item, l)).append('\n');
            String figures = figures(f, b.shop().currency(), l);
            if (!figures.isEmpty()) {
                out.append("     ").append(figures).append('\n');
            }
            if (present(f.detail())) {
                out.append("     ").append(oneLine(f.detail())).append('\n');
            }
            if (present(f.suggestion())) {
                out.append("     → ").append(oneLine(f.suggestion())).append(who(f, l)).append('\n');
            }
            if (item.taskId() != null) {
                out.append("     ").append(t(l, "briefing.task", String.valueOf(item.taskId()))).append('\n');
            }
        }
        if (!b.cleared().isEmpty()) {
            out.append('\n').append(t(l, "briefing.cleared", b.comparedWith()).toUpperCase(l)).append('\n');
            for (Briefing.Item item : b.cleared()) {
                out.append("   - ").append(oneLine(item.finding().title())).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Markdown: a heading per severity and a list item per finding. Finding text is escaped, so a
     * product title with {@code *} or {@code [} cannot change the layout.
     *
     * @param base where the UI is reached (e.g. {@code https://ops.example.com}) to make the findings'
     *             links absolute, or null to leave the links out
     */
    public String markdown(Briefing b, String base) {
        Locale l = b.locale();
        StringBuilder out = new StringBuilder();
        out.append("# ").append(md(t(l, "briefing.title", b.shop().name(), b.shop().code(), b.day()))).append("\n\n");
        out.append("**").append(md(counts(b))).append("** · ").append(md(comparison(b))).append("\n");
        if (b.findings().isEmpty()) {
            out.append('\n').append(md(t(l, "briefing.none"))).append('\n');
        }
        Severity current = null;
        for (Briefing.Item item : b.findings()) {
            Finding f = item.finding();
            if (f.severity() != current) {
                current = f.severity();
                out.append("\n## ").append(md(t(l, "briefing.severity." + current))).append("\n\n");
            }
            out.append("- **").append(md(oneLine(f.title()))).append("**").append(md(badge(item, l)));
            String figures = figures(f, b.shop().currency(), l);
            if (!figures.isEmpty()) {
                out.append("  \n  ").append(md(figures));
            }
            if (present(f.detail())) {
                out.append("  \n  ").append(md(oneLine(f.detail())));
            }
            if (present(f.suggestion())) {
                out.append("  \n  → ").append(md(oneLine(f.suggestion()) + who(f, l)));
            }
            if (base != null && present(f.link())) {
                out.append(" · [").append(md(t(l, "briefing.more"))).append("](")
                        .append(base.replaceAll("/+$", "")).append(f.link().replace(")", "%29").replace(" ", "%20"))
                        .append(')');
            }
            if (item.taskId() != null) {
                out.append(" · ").append(md(t(l, "briefing.task", String.valueOf(item.taskId()))));
            }
            out.append('\n');
        }
        if (!b.cleared().isEmpty()) {
            out.append("\n## ").append(md(t(l, "briefing.cleared", b.comparedWith()))).append("\n\n");
            for (Briefing.Item item : b.cleared()) {
                out.append("- ~~").append(md(oneLine(item.finding().title()))).append("~~\n");
            }
        }
        return out.toString();
    }

    /** "2 critical · 1 warning · …" */
    String counts(Briefing b) {
        Map<Severity, Integer> c = b.counts();
        return t(b.locale(), "briefing.counts", c.get(Severity.CRITICAL), c.get(Severity.WARNING), c.get(Severity.INFO),
                c.get(Severity.GOOD));
    }

    private String comparison(Briefing b) {
        if (b.partial()) {
            return t(b.locale(), "briefing.partial");
        }
        return b.comparedWith() == null ? t(b.locale(), "briefing.notCompared")
                : t(b.locale(), "briefing.comparedWith", b.comparedWith());
    }

    private String badge(Briefing.Item item, Locale l) {
        return item.change() == Briefing.Change.SAME ? "" : "  [" + t(l, "briefing.change." + item.change()) + "]";
    }

    /** "¥1,234.00 against ¥1,500.00 expected (−17.7%)", or the value alone, or nothing. */
    String figures(Finding f, String currency, Locale l) {
        if (f.value() == null) {
            return "";
        }
        String value = FigureFormat.of(f.value(), f.unit(), currency, l);
        if (f.expected() == null) {
            return t(l, "briefing.figure", value);
        }
        return t(l, "briefing.figures", value, FigureFormat.of(f.expected(), f.unit(), currency, l),
                FigureFormat.gap(f.value(), f.expected(), l));
    }

    private String who(Finding f, Locale l) {
        return f.role() == null ? "" : " (" + t(l, "role." + f.role().name()) + ")";
    }

    private String t(Locale l, String key, Object... args) {
        return messages.text(l, key, args);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    /** Escapes the characters Markdown would read as formatting. */
    static String md(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\`*_[]<>|#~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
