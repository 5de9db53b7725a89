package io.uapiguard.output;

import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.compat.Severity;
import io.uapiguard.policy.Policy;

/** Plain lines in the compiler form {@code path:line: severity [rule] message}; ANSI colour only when asked. */
public final class TextRenderer implements Renderer {

    private static final String RESET = "\u001b[0m";
    private static final String DIM = "\u001b[2m";

    @Override
    public String format() {
        return "text";
    }

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public String render(Comparison comparison, RenderContext context) {
        StringBuilder out = new StringBuilder();
        Summary s = Summary.of(comparison);
        out.append("uapiguard: ").append(context.oldLabel()).append(" -> ").append(context.newLabel()).append(": ")
                .append(paint(context, comparison.verdict().equals("breaking") ? Severity.BREAKING : null, comparison.verdict()));
        if (comparison.judgedNothing()) {
            out.append(", no watched UAPI header changed\n");
        } else if (comparison.findings().isEmpty()) {
            out.append(", no findings\n");
        } else {
            out.append(" (").append(s.text()).append(")\n");
        }
        if (comparison.headers() != null && comparison.headers().size() > 1) {
            for (String path : comparison.headers()) {
                Comparison one = comparison.header(path);
                out.append("  ").append(path).append(": ").append(one.verdict())
                        .append(" (").append(Summary.of(one).text()).append(")\n");
            }
        }
        for (Finding f : comparison.findings()) {
            StringBuilder line = new StringBuilder();
            line.append(f.location().path()).append(':').append(f.location().line());
            if (Anchors.onOldSide(f)) {
                line.append(" (old)");
            }
            line.append(": ");
            if (f.accepted()) {
                line.append("accepted ").append(f.severity().id()).append(" [").append(f.rule()).append("] ")
                        .append(f.message()).append(" Justification: ").append(f.justification());
                out.append(context.colour() ? DIM + line + RESET : line).append('\n');
                continue;
            }
            line.append(paint(context, f.severity(), f.severity().id())).append(" [").append(f.rule()).append("] ")
                    .append(f.message());
            if (Anchors.oldLine(f) != null) {
                line.append(" (removed at old line ").append(Anchors.oldLine(f)).append(')');
            }
            String expired = f.attachments().get(Policy.ACCEPTANCE_EXPIRED);
            if (expired != null) {
                line.append(" (its acceptance expired on ").append(expired).append(')');
            }
            out.append(line).append('\n');
        }
        if (context.reportUrl() != null) {
            out.append("Report: ").append(context.reportUrl()).append('\n');
        }
        return out.toString();
    }

    private static String paint(RenderContext context, Severity severity, String text) {
        if (!context.colour()) {
            return text;
        }
        String code = severity == null ? "\u001b[32m" : switch (severity) {
            case BREAKING -> "\u001b[1;31m";
            case WARNING -> "\u001b[33m";
            case INFO -> "\u001b[36m";
        };
        return code + text + RESET;
    }
}
