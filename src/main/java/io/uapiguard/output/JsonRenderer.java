package io.uapiguard.output;

import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.compat.RuleCatalog;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The documented, versioned JSON result (docs/json-output.md); {@code schemaVersion} changes on any incompatible change. */
public final class JsonRenderer implements Renderer {

    /** Made on first use: the CLI loads every renderer to pick one, and text output needs none of this. */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    @Override
    public String format() {
        return "json";
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public String render(Comparison comparison, RenderContext context) {
        return Json.MAPPER.writeValueAsString(tree(comparison, context)) + "\n";
    }

    static ObjectNode tree(Comparison comparison, RenderContext context) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("schemaVersion", Comparison.SCHEMA_VERSION);
        root.put("old", context.oldLabel());
        root.put("new", context.newLabel());
        root.put("verdict", comparison.verdict());
        Summary s = Summary.of(comparison);
        ObjectNode summary = root.putObject("summary");
        summary.put("breaking", s.breaking());
        summary.put("warning", s.warning());
        summary.put("info", s.info());
        summary.put("accepted", s.accepted());
        if (context.reportUrl() != null) {
            root.put("reportUrl", context.reportUrl());
        }
        if (context.checkUrl() != null) {
            root.put("checkUrl", context.checkUrl());
        }
        var findings = root.putArray("findings");
        for (Finding f : comparison.findings()) {
            ObjectNode n = findings.addObject();
            n.put("rule", f.rule());
            n.put("severity", f.severity().id());
            n.put("impact", RuleCatalog.standard().find(f.rule()).map(r -> r.impact().id()).orElse(null));
            n.put("symbol", f.symbol());
            n.put("message", f.message());
            n.put("old", f.oldValue());
            n.put("new", f.newValue());
            ObjectNode location = n.putObject("location");
            location.put("path", f.location().path());
            location.put("line", f.location().line());
            n.put("accepted", f.accepted());
            n.put("justification", f.justification());
            ObjectNode attachments = n.putObject("attachments");
            f.attachments().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> attachments.put(e.getKey(), e.getValue()));
        }
        return root;
    }
}
