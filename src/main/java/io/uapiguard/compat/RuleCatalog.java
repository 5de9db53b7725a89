package io.uapiguard.compat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every rule uapiguard knows, by stable id. Ids are never reused or deleted: a retired rule stays here,
 * deprecated, naming its replacement. {@code docs/rules.md} is checked against this list by a test.
 */
public final class RuleCatalog {

    /** Where each rule's reference section lives; {@link #referenceFor} appends the rule's anchor. */
    public static final String REFERENCE_BASE = "https://github.com/uapiguard/uapiguard/blob/main/docs/rules.md";

    private static final RuleCatalog STANDARD = new RuleCatalog(List.of(
            new HelperIdChanged(),
            new HelperRemoved(),
            new HelperRenamed(),
            new HelperAdded(),
            new HelperReturnTypeChanged(),
            new HelperParamsChanged(),
            new HelperParamRenamed(),
            new HelperDocMissing(),
            new HelperDuplicateId(),
            new HelperConsistencyProblem(),
            new MapperExpansionChanged(),
            new MapperShapeChanged(),
            new MapperAdded(),
            new MapperRemoved(),
            new EnumValueChanged(),
            new EnumSentinelMoved(),
            new EnumRemoved(),
            new EnumRenamed(),
            new DefineValueChanged(),
            new DefineSentinelMoved(),
            new DefineRemoved(),
            new DefineBecameEnum(),
            new StructRemoved(),
            new StructSizeChanged(),
            new FieldRemoved(),
            new FieldRenamed(),
            new FieldTypeChanged(),
            new FieldOffsetChanged(),
            new CopyOutOfSync(),
            new HeaderAdded(),
            new HeaderRemoved(),
            new ModelIncomplete(),
            new ConsumerExtractionChanged()));

    private final List<Rule<?>> rules;
    private final Map<String, RuleInfo> byId = new LinkedHashMap<>();

    private RuleCatalog(List<Rule<?>> rules) {
        this.rules = List.copyOf(rules);
        for (Rule<?> rule : rules) {
            if (byId.putIfAbsent(rule.info().id(), rule.info()) != null) {
                throw new IllegalStateException("duplicate rule id " + rule.info().id());
            }
        }
    }

    public static RuleCatalog standard() {
        return STANDARD;
    }

    List<Rule<?>> rules() {
        return rules;
    }

    /** Every rule's description, in catalog order (helpers, mapper, enums, defines, structs, copies, headers, consumers). */
    public List<RuleInfo> infos() {
        return new ArrayList<>(byId.values());
    }

    public Optional<RuleInfo> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The reference link of a rule: its section of docs/rules.md (anchor: the id without dots). */
    static String referenceFor(String id) {
        return REFERENCE_BASE + "#" + anchor(id);
    }

    /** GitHub's heading anchor for a heading that is the rule id: dots dropped. */
    public static String anchor(String id) {
        return id.replace(".", "");
    }
}
