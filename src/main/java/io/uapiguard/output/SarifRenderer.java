package io.uapiguard.output;

import io.uapiguard.UapiguardVersion;
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
 * SARIF 2.1.0 as GitHub code scanning takes it: the whole rule catalog in {@code tool.driver.rules} (PascalCase
 * names, Markdown help), one result per finding pointing at its line of the file its URI names (a removal placed in
 * the new header carries its old line as a related location), accepted findings as external suppressions with
 * their justification.
 */
public final class SarifRenderer implements Renderer {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** The base of locations in the old header: a removal's old line is there, not in the file the run is about. */
    static final String OLD_BASE = "OLD";
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
        driver.put("version", UapiguardVersion.get());
        driver.put("semanticVersion", UapiguardVersion.get());
        driver.put("informationUri", RuleCatalog.REFERENCE_BASE);
        List<RuleInfo> rules = RuleCatalog.standard().infos();
        ArrayNode ruleNodes = driver.putArray("rules");
        for (RuleInfo r : rules) {
            ObjectNode n = ruleNodes.addObject();
            n.put("id", r.id());
            n.put("name", name(r.id()));
            n.putObject("shortDescription").put("text", r.title());
            n.putObject("fullDescription").put("text", r.description());
            n.put("helpUri", r.reference());
            ObjectNode help = n.putObject("help");
            help.put("text", r.description() + " See " + r.reference());
            help.put("markdown", helpMarkdown(r));
            n.putObject("defaultConfiguration").put("level", level(r.defaultSeverity()));
            ObjectNode props = n.putObject("properties");
            props.putArray("tags").add("uapi").add(r.id().substring(0, r.id().indexOf('.')));
            props.put("impact", r.impact().id());
            if (r.deprecated()) {
                props.put("deprecated", true);
                props.put("replacedBy", r.replacedBy());
            }
        }
        describeRun(run, comparison, context);
        if (comparison.judgedNothing()) {
            // Nothing was judged: an empty run, and a note that says why, so a bot cannot read it as "checked, fine".
            ObjectNode invocation = run.putArray("invocations").addObject();
            invocation.put("executionSuccessful", true);
            ObjectNode note = invocation.putArray("toolExecutionNotifications").addObject();
            note.put("level", "note");
            note.putObject("message").put("text", Summary.NOTHING_JUDGED);
            note.putObject("descriptor").put("id", "uapiguard/not-applicable");
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
            // A line of the old header (a removal no one placed in the new one) names the old header's base.
            ObjectNode location = n.putArray("locations").addObject();
            if (Anchors.onOldSide(f)) {
                placeInOld(location, f, f.location().line(), context);
            } else {
                place(location, uri(f.location().path()), null, f.location().line());
            }
            String oldLine = Anchors.oldLine(f);
            if (oldLine != null) {
                ObjectNode related = n.putArray("relatedLocations").addObject();
                related.put("id", 1);
                related.putObject("message").put("text", "Removed from line " + oldLine + " of " + context.oldLabel());
                placeInOld(related, f, Integer.parseInt(oldLine), context);
            }
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

    /** A location's file and line; the line is at least 1, as GitHub requires a region (0, unknown, is the top). */
    private static void place(ObjectNode location, String uri, String uriBaseId, int line) {
        ObjectNode physical = location.putObject("physicalLocation");
        ObjectNode artifact = physical.putObject("artifactLocation").put("uri", uri);
        if (uriBaseId != null) {
            artifact.put("uriBaseId", uriBaseId);
        }
        physical.putObject("region").put("startLine", Math.max(1, line));
    }

    /**
     * A line of the old header, in the file that has it: the old side's loose file, else the finding's path under
     * the base {@value #OLD_BASE} (the old revision). A loose file whose old side is unknown gets no file at all:
     * naming the new one would point at an unrelated line.
     */
    private static void placeInOld(ObjectNode location, Finding f, int line, RenderContext context) {
        RenderContext.Source source = context.source();
        String path = f.location().path();
        if (source != null && source.oldPath() != null) {
            place(location, uri(source.oldPath()), null, line);
        } else if (!path.startsWith("/")) {
            place(location, uri(path), OLD_BASE, line);
        } else {
            location.putObject("message").put("text", "Line " + line + " of " + context.oldLabel());
        }
    }

    /**
     * What code scanning needs to tell runs apart and to tie them to a commit: {@code automationDetails.id}
     * per repository and path ({@code uapiguard/REPOSITORY/PATH/}, the category being all before the last slash),
     * the base revision under {@code versionControlProvenance} when known, and the old header's base.
     */
    private static void describeRun(ObjectNode run, Comparison comparison, RenderContext context) {
        RenderContext.Source source = context.source();
        String path = source != null && source.path() != null ? source.path()
                : comparison.findings().isEmpty() ? null : comparison.findings().get(0).location().path();
        StringBuilder id = new StringBuilder("uapiguard/");
        if (source != null && source.repository() != null) {
            id.append(source.repository()).append('/');
        }
        if (path != null) {
            id.append(path.replace('\\', '/').replaceFirst("^/+", "")).append('/');
        }
        run.putObject("automationDetails").put("id", id.toString());
        if (source != null && source.repositoryUri() != null && source.baseRevision() != null) {
            ObjectNode vcs = run.putArray("versionControlProvenance").addObject();
            vcs.put("repositoryUri", source.repositoryUri());
            vcs.put("revisionId", source.baseRevision());
            vcs.putObject("properties").put("side", "old");
        }
        run.putObject("originalUriBaseIds").putObject(OLD_BASE).putObject("description")
                .put("text", "The old side of the comparison: " + context.oldLabel());
    }

    /** The rule's PascalCase name from its id: {@code helper.id-changed} is {@code HelperIdChanged}. */
    static String name(String id) {
        StringBuilder out = new StringBuilder(id.length());
        boolean upper = true;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '.' || c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** Help as GitHub renders it beside an alert: the title, the description, severity and impact, the reference. */
    private static String helpMarkdown(RuleInfo r) {
        return "**" + r.title() + "** (`" + r.id() + "`)\n\n" + r.description() + "\n\n"
                + "Default severity: " + r.defaultSeverity().id() + ". Impact: " + r.impact().id() + ".\n\n"
                + "[Reference](" + r.reference() + ")"
                + (r.deprecated() ? "\n\nDeprecated: replaced by `" + r.replacedBy() + "`." : "");
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

    /** Stable across runs and line moves: rule, symbol and the attachments except the side and the old line. */
    private static String fingerprint(Finding f) {
        StringBuilder key = new StringBuilder(f.rule()).append('\n').append(f.symbol());
        for (Map.Entry<String, String> e : new TreeMap<>(f.attachments()).entrySet()) {
            if (!e.getKey().equals("side") && !e.getKey().equals(Comparison.OLD_LINE)) {
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
