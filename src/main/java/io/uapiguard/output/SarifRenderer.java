package io.uapiguard.output;

import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.compat.RuleCatalog;
import io.uapiguard.compat.RuleInfo;
import io.uapiguard.compat.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SARIF 2.1.0 as GitHub code scanning takes it: the whole rule catalog in {@code tool.driver.rules}, one result per
 * finding pointing at its header line, accepted findings as external suppressions with their justification.
 */
public final class SarifRenderer implements Renderer {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** Made on first use: the CLI loads every renderer to pick one, and text output needs none of this. */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    @Override
    public String format() {
        return "sarif";
    }

    @Override
    public String mediaType() {
        return "application/sarif+json";
    }

    @Override
    public String render(Comparison comparison, RenderContext context) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "uapiguard");
        driver.put("informationUri", RuleCatalog.REFERENCE_BASE);
        List<RuleInfo> rules = RuleCatalog.standard().infos();
        ArrayNode ruleNodes = driver.putArray("rules");
        for (RuleInfo r : rules) {
            ObjectNode n = ruleNodes.addObject();
            n.put("id", r.id());
            n.put("name", r.title().replace(" ", ""));
            n.putObject("shortDescription").put("text", r.title());
            n.putObject("fullDescription").put("text", r.description());
            n.put("helpUri", r.reference());
            n.putObject("help").put("text", r.description() + " See " + r.reference());
            n.putObject("defaultConfiguration").put("level", level(r.defaultSeverity()));
            ObjectNode props = n.putObject("properties");
            props.putArray("tags").add("uapi").add(r.id().substring(0, r.id().indexOf('.')));
            props.put("impact", r.impact().id());
            if (r.deprecated()) {
                props.put("deprecated", true);
                props.put("replacedBy", r.replacedBy());
            }
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : comparison.findings()) {
            ObjectNode n = results.addObject();
            n.put("ruleId", f.rule());
            int index = indexOf(rules, f.rule());
            if (index >= 0) {
                n.put("ruleIndex", index);
            }
            n.put("level", level(f.severity()));
            n.putObject("message").put("text", f.message());
            ObjectNode physical = n.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri(f.location().path()));
            // GitHub requires a region; line 0 (unknown) points at the top of the file.
            physical.putObject("region").put("startLine", Math.max(1, f.location().line()));
            n.putObject("partialFingerprints").put("uapiguardFinding/v1", fingerprint(f));
            if (f.accepted()) {
                ObjectNode s = n.putArray("suppressions").addObject();
                s.put("kind", "external");
                s.put("justification", f.justification());
            }
            ObjectNode props = n.putObject("properties");
            props.put("symbol", f.symbol());
            props.put("severity", f.severity().id());
            if (index >= 0) {
                props.put("impact", rules.get(index).impact().id());
            }
            new TreeMap<>(f.attachments()).forEach((k, v) -> props.put(k, v));
        }
        if (context.checkUrl() != null) {
            run.putObject("properties").put("checkUrl", context.checkUrl());   // the stored check's page
        }
        return Json.MAPPER.writeValueAsString(root) + "\n";
    }

    static String level(Severity severity) {
        return switch (severity) {
            case BREAKING -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static int indexOf(List<RuleInfo> rules, String id) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** A repository-relative path stays relative (GitHub resolves it); an absolute one becomes a file: URI. */
    static String uri(String path) {
        if (path.startsWith("/")) {
            return Path.of(path).toUri().toString();
        }
        return path.replace('\\', '/').replace(" ", "%20");
    }

    /** Stable across runs and line moves: rule, symbol and the attachments except the side and values. */
    private static String fingerprint(Finding f) {
        StringBuilder key = new StringBuilder(f.rule()).append('\n').append(f.symbol());
        for (Map.Entry<String, String> e : new TreeMap<>(f.attachments()).entrySet()) {
            if (!e.getKey().equals("side")) {
                key.append('\n').append(e.getKey()).append('=').append(e.getValue());
            }
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
