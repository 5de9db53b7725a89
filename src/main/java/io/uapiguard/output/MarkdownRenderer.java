package io.uapiguard.output;

import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.compat.RuleCatalog;
import io.uapiguard.compat.RuleInfo;
import java.util.Optional;

/**
 * A comment for a review bot: a verdict line and a table of findings. Everything that comes from a header
 * (symbols, messages, labels) is escaped, so a header cannot inject HTML, links or table cells.
 */
public final class MarkdownRenderer implements Renderer {

    @Override
    public String format() {
        return "markdown";
    }

    @Override
    public String mediaType() {
        return "text/markdown";
    }

    @Override
    public String render(Comparison comparison, RenderContext context) {
        StringBuilder out = new StringBuilder();
        boolean breaking = comparison.verdict().equals("breaking");
        out.append("### uapiguard: ").append(escape(context.oldLabel())).append(" → ").append(escape(context.newLabel()))
                .append(": ").append(breaking ? "**breaking**" : escape(comparison.verdict())).append("\n\n");
        if (comparison.headers() != null && comparison.headers().size() > 1) {
            for (String path : comparison.headers()) {
                Comparison one = comparison.header(path);
                out.append("- ").append(escape(path)).append(": ").append(one.verdict()).append(" (")
                        .append(Summary.of(one).text()).append(")\n");
            }
            out.append('\n');
        }
        if (comparison.judgedNothing()) {
            out.append(Summary.NOTHING_JUDGED).append('\n');
        } else if (comparison.findings().isEmpty()) {
            out.append("No findings.\n");
        } else {
            out.append(Summary.of(comparison).text()).append(".\n\n");
            out.append("| Severity | Impact | Rule | Symbol | Finding | Line |\n");
            out.append("|---|---|---|---|---|---|\n");
            for (Finding f : comparison.findings()) {
                Optional<RuleInfo> info = RuleCatalog.standard().find(f.rule());
                String rule = info.map(RuleInfo::reference)
                        .map(link -> "[" + escape(f.rule()) + "](" + link + ")").orElse(escape(f.rule()));
                String message = escape(f.message());
                if (f.accepted()) {
                    message = "~~" + message + "~~ accepted: " + escape(f.justification());
                }
                out.append("| ").append(f.accepted() ? "accepted" : f.severity().id())
                        .append(" | ").append(info.map(r -> r.impact().id()).orElse(""))
                        .append(" | ").append(rule)
                        .append(" | ").append(escape(f.symbol()))
                        .append(" | ").append(message)
                        .append(" | ").append(escape(f.location().path())).append(':').append(f.location().line())
                        .append(Anchors.note(f))
                        .append(" |\n");
            }
        }
        if (context.checkUrl() != null) {
            out.append("\n[This check](").append(link(context.checkUrl())).append(")\n");
        }
        if (context.reportUrl() != null) {
            out.append(context.checkUrl() != null ? "" : "\n").append("[Full report](").append(link(context.reportUrl()))
                    .append(")\n");
        }
        return out.toString();
    }

    /** A URL as a Markdown link target: a ')' or a blank would end it. */
    private static String link(String url) {
        return url.replace(")", "%29").replace(" ", "%20");
    }

    /**
     * Text as literal Markdown inside a table cell: HTML-significant characters as entities, Markdown punctuation
     * backslash-escaped, pipes escaped so they cannot open a cell, line breaks flattened.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '|' -> out.append("\\|");
                case '\n', '\r' -> out.append(' ');
                case '\\', '`', '*', '_', '[', ']', '(', ')', '#', '!', '~' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
