package io.uapiguard.web;

import io.uapiguard.api.CheckExcerpts;
import io.uapiguard.api.CheckRecords;
import io.uapiguard.api.ReportLinks;
import io.uapiguard.compat.Comparison;
import io.uapiguard.store.CheckStore.StoredCheck;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stored REST check's page (its {@code checkUrl}): the verdict, each finding with the header lines kept around
 * it, and a link to the base's report. It reads the stored JSON answer, so it shows what the API answered.
 */
@Controller
class CheckPageController {

    /** One line of an excerpt; {@code at} marks the finding's own line. */
    record ExcerptLine(int number, String text, boolean at) {
    }

    /**
     * One finding as the page shows it: the JSON answer's fields, and the lines around it. {@code baseLine} is the
     * base's line of something that is gone (0 for anything else), whose lines shown are the base's; it equals
     * {@code line} unless the removal was placed in the candidate.
     */
    record FindingView(String rule, String severity, String symbol, String message, String oldValue,
                       String newValue, String path, int line, int baseLine, boolean placed, boolean accepted,
                       String justification, List<ExcerptLine> excerpt) {

        /** Where the finding is, as the page says it. */
        public String where() {
            if (baseLine == 0) {
                return path + ":" + line;
            }
            return placed ? path + ":" + line + " (removed here; line " + baseLine + " in the base)"
                    : path + ":" + line + " (in the base)";
        }
    }

    private final CheckRecords records;
    private final ReportLinks links;
    private final JsonMapper json = JsonMapper.builder().build();

    CheckPageController(CheckRecords records, ReportLinks links) {
        this.records = records;
        this.links = links;
    }

    @GetMapping("/report/checks/{id}")
    String check(@PathVariable String id, Model model) {
        StoredCheck check = records.find(id).orElseThrow(() -> records.unknown(id));
        JsonNode result = json.readTree(check.result());
        JsonNode excerpts = json.readTree(check.excerpts());
        List<FindingView> findings = new ArrayList<>();
        for (JsonNode f : result.path("findings")) {
            JsonNode attachments = f.path("attachments");
            String oldLine = text(attachments.path(Comparison.OLD_LINE));
            int line = f.path("location").path("line").asInt(0);
            int baseLine = CheckExcerpts.baseLine(text(attachments.path("side")), oldLine, line);
            findings.add(new FindingView(text(f.path("rule")), text(f.path("severity")), text(f.path("symbol")),
                    text(f.path("message")), text(f.path("old")), text(f.path("new")),
                    text(f.path("location").path("path")), line, baseLine, oldLine != null,
                    f.path("accepted").asBoolean(false), text(f.path("justification")),
                    baseLine > 0 ? excerpt(excerpts.path("old"), baseLine) : excerpt(excerpts.path("new"), line)));
        }
        model.addAttribute("check", check);
        model.addAttribute("id", id);
        model.addAttribute("result", result);
        model.addAttribute("baseLabel", check.baseTag() != null ? check.baseTag()
                : check.baseCommit().substring(0, Math.min(12, check.baseCommit().length())));
        model.addAttribute("links", links);
        model.addAttribute("findings", findings);
        model.addAttribute("counts", Map.of("breaking", result.path("summary").path("breaking").asInt(),
                "warning", result.path("summary").path("warning").asInt(),
                "info", result.path("summary").path("info").asInt()));
        model.addAttribute("zone", ZoneId.systemDefault().getId());
        return "report/check";
    }

    /** A string field's value; null when it is absent or JSON null. */
    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    /** The kept lines around {@code line}, in order; none when the finding has no line or none were kept. */
    private static List<ExcerptLine> excerpt(JsonNode side, int line) {
        List<ExcerptLine> out = new ArrayList<>();
        if (line <= 0) {
            return out;
        }
        for (int n = Math.max(1, line - CheckExcerpts.AROUND); n <= line + CheckExcerpts.AROUND; n++) {
            JsonNode text = side.get(String.valueOf(n));
            if (text != null) {
                out.add(new ExcerptLine(n, text.asString(), n == line));
            }
        }
        return out;
    }
}
