package io.uapiguard.api;

import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.compat.Severity;
import io.uapiguard.output.RenderContext;
import io.uapiguard.output.Renderers;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes one comparison in the negotiated format: a renderer's output, or the patchwork check body. */
@Component
class ComparisonResponses {

    static final String PATCHWORK_CONTEXT = "uapiguard";

    private final JsonMapper json;

    ComparisonResponses(JsonMapper json) {
        this.json = json;
    }

    ResponseEntity<String> render(OutputFormat format, Comparison comparison, RenderContext context) {
        return answer(format, format == OutputFormat.PATCHWORK
                ? json.writeValueAsString(patchwork(comparison, context))
                : Renderers.forFormat(format.renderer).render(comparison, context));
    }

    ResponseEntity<String> answer(OutputFormat format, String body) {
        return ResponseEntity.ok().contentType(format.contentType()).body(body);
    }

    static PatchworkCheck patchwork(Comparison comparison, RenderContext context) {
        if (comparison.judgedNothing()) {
            // success, so the patch is not held up, but never worded as "checked and fine".
            return new PatchworkCheck("success", "No watched UAPI header changed against " + context.oldLabel()
                    + ": nothing to check", PATCHWORK_CONTEXT, context.reportUrl());
        }
        long breaking = count(comparison, Severity.BREAKING);
        long warnings = count(comparison, Severity.WARNING);
        long accepted = comparison.findings().stream().filter(Finding::accepted).count();
        String state = breaking > 0 ? "fail" : warnings > 0 ? "warning" : "success";
        String description = switch (state) {
            case "fail" -> breaking + " breaking change" + (breaking == 1 ? "" : "s") + " to the BPF UAPI against "
                    + context.oldLabel();
            case "warning" -> warnings + " warning" + (warnings == 1 ? "" : "s") + " against " + context.oldLabel();
            default -> "No breaking change to the BPF UAPI against " + context.oldLabel();
        };
        if (accepted > 0) {
            description += " (" + accepted + " accepted)";
        }
        // A stored check's own page shows what this check found; else the base's report.
        return new PatchworkCheck(state, description, PATCHWORK_CONTEXT,
                context.checkUrl() != null ? context.checkUrl() : context.reportUrl());
    }

    private static long count(Comparison comparison, Severity severity) {
        return comparison.findings().stream().filter(f -> !f.accepted() && f.severity() == severity).count();
    }
}
