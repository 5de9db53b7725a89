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
        summary(root.putObject("summary"), comparison);
        if (context.reportUrl() != null) {
            root.put("reportUrl", context.reportUrl());
        }
        if (comparison.headers() != null) {
            var headers = root.putArray("headers");
            for (String path : comparison.headers()) {
                Comparison one = comparison.header(path);
                ObjectNode header = headers.addObject();
                header.put("path", path);
                header.put("verdict", one.verdict());
                summary(header.putObject("summary"), one);
            }
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

    private static void summary(ObjectNode node, Comparison comparison) {
        Summary s = Summary.of(comparison);
        node.put("breaking", s.breaking());
        node.put("warning", s.warning());
        node.put("info", s.info());
        node.put("accepted", s.accepted());
    }
}
