package io.uapiguard.policy;

import io.uapiguard.UapiguardException;
import io.uapiguard.compat.RuleCatalog;
import io.uapiguard.compat.RuleInfo;
import io.uapiguard.compat.Severity;
import io.uapiguard.consumer.Consumer;
import io.uapiguard.model.Mirror;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads {@code .uapiguard.yml} token by token, so that every error names the line of the offending entry:
 * <pre>
 * severity:                        # optional: rule id → breaking | warning | info
 *   helper.param-renamed: warning
 * accept:                          # optional list
 *   - rule: helper.return-type-changed
 *     symbol: bpf_foo
 *     attachments: {context: "struct sk_buff *"}   # optional, all must match
 *     justification: "why this is fine"          # required
 *     expires: 2027-01-31                        # optional, last day it applies
 * mirrors:                         # optional: header copies kept in sync (MirrorsReader)
 *   - {original: include/uapi/, copy: tools/include/uapi/}
 * consumers:                       # optional: the project's own consumers of the header's text (ConsumersReader)
 *   - {name: gen, source: https://..., commit: 0123abcd, extract: {capture: 'FN\((\w+)\)', expect: helpers}}
 * </pre>
 */
final class PolicyReader {

    /** A parser factory, not a mapper: the policy is read token by token, and a CLI run need not set up databind. */
    private static final YAMLFactory YAML = new YAMLFactory();

    private final String file;
    private final JsonParser parser;

    private PolicyReader(String file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    static Policy read(String file, String text) {
        try (JsonParser parser = YAML.createParser(text)) {
            return new PolicyReader(file, parser).document();
        } catch (JacksonException e) {
            // The YAML engine knows where the problem is; Jackson's location is that of the last good token.
            if (e.getCause() instanceof MarkedYamlEngineException yaml && yaml.getProblemMark().isPresent()) {
                Mark mark = yaml.getProblemMark().get();
                String context = yaml.getContext() == null ? "" : yaml.getContext() + ": ";
                throw new UapiguardException(UapiguardException.Reason.BAD_INPUT,
                        "malformed YAML: " + context + yaml.getProblem(), file, mark.getLine() + 1, mark.getColumn() + 1, e);
            }
            TokenStreamLocation at = e.getLocation();
            throw new UapiguardException(UapiguardException.Reason.BAD_INPUT, "malformed YAML: " + e.getOriginalMessage(),
                    file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), e);
        }
    }

    private Policy document() {
        Map<String, Severity> severities = new LinkedHashMap<>();
        List<Acceptance> acceptances = new ArrayList<>();
        List<Mirror> mirrors = null;
        List<Consumer> consumers = List.of();
        JsonToken first = parser.nextToken();
        if (first == null) {
            return new Policy(severities, acceptances, null, consumers); // an empty file is an empty policy
        }
        expect(first, JsonToken.START_OBJECT, "a mapping with 'severity', 'accept', 'mirrors' and/or 'consumers'");
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (key) {
                case "version" -> {
                    if (value != JsonToken.VALUE_NUMBER_INT || parser.getValueAsInt() != 1) {
                        throw error("unsupported version '" + parser.getString() + "': expected 1");
                    }
                }
                case "severity" -> severities(value, severities);
                case "accept" -> acceptances(value, acceptances);
                case "mirrors" -> mirrors = new MirrorsReader(this, parser).read(value);
                case "consumers" -> consumers = new ConsumersReader(this, parser, file).read(value);
                default -> throw error("unknown key '" + key + "': expected version, severity, accept, mirrors or"
                        + " consumers");
            }
        }
        return new Policy(severities, acceptances, mirrors, consumers);
    }

    private void severities(JsonToken start, Map<String, Severity> out) {
        expect(start, JsonToken.START_OBJECT, "a mapping of rule id to breaking, warning or info");
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String rule = knownRule(parser.currentName());
            parser.nextToken();
            out.put(rule, severity(parser.getValueAsString()));
        }
    }

    private void acceptances(JsonToken start, List<Acceptance> out) {
        expect(start, JsonToken.START_ARRAY, "a list of acceptances");
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            expect(t, JsonToken.START_OBJECT, "an acceptance: a mapping with rule, symbol and justification");
            out.add(acceptance());
        }
    }

    private Acceptance acceptance() {
        int line = parser.currentTokenLocation().getLineNr();
        String rule = null;
        String symbol = null;
        String justification = null;
        LocalDate expires = null;
        Map<String, String> attachments = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (key) {
                case "rule" -> rule = knownRule(scalar(value, key));
                case "symbol" -> symbol = scalar(value, key);
                case "justification" -> justification = scalar(value, key);
                case "expires" -> expires = date(scalar(value, key));
                case "attachments" -> {
                    expect(value, JsonToken.START_OBJECT, "a mapping of attachment name to value");
                    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                        String name = parser.currentName();
                        attachments.put(name, scalar(parser.nextToken(), name));
                    }
                }
                default -> throw error("unknown key '" + key + "' in acceptance: expected rule, symbol, attachments,"
                        + " justification or expires");
            }
        }
        if (rule == null || symbol == null) {
            throw error(line, "acceptance needs a 'rule' and a 'symbol'");
        }
        if (justification == null || justification.isBlank()) {
            throw error(line, "acceptance of " + rule + " for " + symbol + " has no justification: every acceptance"
                    + " must say why the finding is fine");
        }
        return new Acceptance(rule, symbol, attachments, justification.strip(), expires, line);
    }

    String scalar(JsonToken value, String key) {
        if (value == null || !value.isScalarValue() || value == JsonToken.VALUE_NULL) {
            throw error("'" + key + "' must be a single value");
        }
        // The engine hands an alias over as its bare name; a policy has no use for anchors, so say so.
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw error("'" + key + "' is an alias (*" + parser.getString() + "): write the value itself");
        }
        String text = parser.getValueAsString();
        if ("~".equals(text)) {   // YAML's other null, which the engine passes on as text
            throw error("'" + key + "' must be a single value");
        }
        return text;
    }

    private String knownRule(String id) {
        if (!Policy.knownRule(id)) {
            throw error("unknown rule id '" + id + "'; known: " + RuleCatalog.standard().infos().stream()
                    .map(RuleInfo::id).collect(Collectors.joining(", ")));
        }
        return id;
    }

    private Severity severity(String value) {
        for (Severity s : Severity.values()) {
            if (s.id().equals(value)) {
                return s;
            }
        }
        throw error("unknown severity '" + value + "': expected breaking, warning or info");
    }

    private LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw error("'expires' must be a date like 2027-01-31, not '" + value + "'");
        }
    }

    void expect(JsonToken actual, JsonToken wanted, String what) {
        if (actual != wanted) {
            throw error("expected " + what);
        }
    }

    UapiguardException error(String message) {
        TokenStreamLocation at = parser.currentTokenLocation();
        return new UapiguardException(UapiguardException.Reason.BAD_INPUT, message, file, at.getLineNr(), at.getColumnNr(), null);
    }

    UapiguardException error(int line, String message) {
        return new UapiguardException(UapiguardException.Reason.BAD_INPUT, message, file, line, 0, null);
    }
}
