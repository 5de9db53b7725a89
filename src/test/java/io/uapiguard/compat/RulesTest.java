package io.uapiguard.compat;

import static io.uapiguard.compat.Models.doc;
import static io.uapiguard.compat.Models.field;
import static io.uapiguard.compat.Models.model;
import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.model.UapiModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each rule on models built in code: the exact findings, messages and attachments. */
class RulesTest {

    private static List<String> diff(Models oldSide, Models newSide) {
        UapiModel o = oldSide.build();
        UapiModel n = newSide.build();
        assertThat(CompatEngine.standard().compare(o, o, "x.h").findings()).as("old vs old").isEmpty();
        assertThat(CompatEngine.standard().compare(n, n, "x.h").findings()).as("new vs new").isEmpty();
        return CompatEngine.standard().compare(o, n, "x.h").findings().stream()
                .map(f -> f.rule() + " " + f.severity().id() + " " + f.location().line() + " " + f.symbol() + ": " + f.message())
                .toList();
    }

    private static Models helpers(long lookupId) {
        return model().helper("unspec", 0, 10).helper("map_lookup_elem", lookupId, 11);
    }

    @Test
    void helperIdChangedWhenANameKeepsAnotherId() {
        assertThat(diff(helpers(1).helper("foo", 2, 12), model().helper("unspec", 0, 10).helper("foo", 1, 11)
                .helper("map_lookup_elem", 2, 12)))
                .containsExactly(
                        "helper.id-changed breaking 11 bpf_foo: Helper bpf_foo changed its id from 2 to 1.",
                        "helper.id-changed breaking 12 bpf_map_lookup_elem: Helper bpf_map_lookup_elem changed its id from 1 to 2.");
    }

    @Test
    void helperRemovedWhenItsIdIsFreeOrHeldByAnOldName() {
        assertThat(diff(helpers(1).helper("foo", 2, 12), helpers(1)))
                .containsExactly("helper.removed breaking 12 bpf_foo: Helper bpf_foo (id 2) was removed.");
        // Removal in the middle of positional ids: the gone name is removed, the shifted one changed its id.
        assertThat(diff(helpers(1).helper("foo", 2, 12), model().helper("unspec", 0, 10).helper("foo", 1, 11)))
                .containsExactly(
                        "helper.id-changed breaking 11 bpf_foo: Helper bpf_foo changed its id from 2 to 1.",
                        "helper.removed breaking 11 bpf_map_lookup_elem: Helper bpf_map_lookup_elem (id 1) was removed.");
    }

    @Test
    void helperRenamedWhenTheIdCarriesANewName() {
        assertThat(diff(helpers(1), model().helper("unspec", 0, 10).helper("map_find_elem", 1, 11)))
                .containsExactly("helper.renamed breaking 11 bpf_map_lookup_elem:"
                        + " Helper bpf_map_lookup_elem (id 1) was renamed to bpf_map_find_elem.");
    }

    @Test
    void helperAddedIsInfo() {
        assertThat(diff(helpers(1), helpers(1).helper("foo", 2, 12)))
                .containsExactly("helper.added info 12 bpf_foo: Helper bpf_foo (id 2) was added.");
    }

    @Test
    void returnTypeIntToLongSaysWidened() {
        assertThat(diff(helpers(1).helper("foo", 2, 12, doc(5, "int", "bpf_foo", "u32", "a")),
                helpers(1).helper("foo", 2, 12, doc(6, "long", "bpf_foo", "u32", "a"))))
                .containsExactly("helper.return-type-changed breaking 6 bpf_foo:"
                        + " Return type of bpf_foo changed from int to long (widened).");
        assertThat(diff(helpers(1).helper("foo", 2, 12, doc(5, "long", "bpf_foo")),
                helpers(1).helper("foo", 2, 12, doc(5, "void *", "bpf_foo"))))
                .containsExactly("helper.return-type-changed breaking 5 bpf_foo:"
                        + " Return type of bpf_foo changed from long to void *.");
    }

    @Test
    void paramsChangedOnCountOrTypeIncludingConst() {
        assertThat(diff(helpers(1).helper("foo", 2, 12, doc(5, "long", "bpf_foo", "void *", "p")),
                helpers(1).helper("foo", 2, 12, doc(5, "long", "bpf_foo", "const void *", "p"))))
                .containsExactly("helper.params-changed breaking 5 bpf_foo:"
                        + " Parameters of bpf_foo changed from (void *p) to (const void *p).");
        assertThat(diff(helpers(1).helper("foo", 2, 12, doc(5, "long", "bpf_foo", "u32", "a")),
                helpers(1).helper("foo", 2, 12, doc(5, "long", "bpf_foo", "u32", "a", "u64", "flags"))))
                .containsExactly("helper.params-changed breaking 5 bpf_foo:"
                        + " Parameters of bpf_foo changed from (u32 a) to (u32 a, u64 flags).");
    }

    @Test
    void paramRenamedWhenOnlyNamesDiffer() {
        assertThat(diff(helpers(1).helper("foo", 2, 12, doc(5, "long", "bpf_foo", "u32", "a", "u64", "f")),
                helpers(1).helper("foo", 2, 12, doc(5, "long", "bpf_foo", "u32", "a", "u64", "flags"))))
                .containsExactly("helper.param-renamed info 5 bpf_foo: Parameter 2 of bpf_foo was renamed from f to flags.");
    }

    @Test
    void docMissingWhenAllDocsAreGoneOrAContextIsLost() {
        assertThat(diff(helpers(1).helper("foo", 2, 12, doc(5, "long", "bpf_foo", "u32", "a")),
                helpers(1).helper("foo", 2, 12)))
                .containsExactly("helper.doc-missing warning 5 bpf_foo: Helper bpf_foo (id 2) has no documented signature any more.");
        assertThat(diff(helpers(1).helper("foo", 2, 12, doc(5, "long", "bpf_foo", "struct sk_buff *", "skb"),
                        doc(9, "long", "bpf_foo", "struct sock *", "sk")),
                helpers(1).helper("foo", 2, 12, doc(5, "long", "bpf_foo", "struct sk_buff *", "skb"))))
                .containsExactly("helper.doc-missing warning 9 bpf_foo:"
                        + " Helper bpf_foo (id 2) lost its documented signature (struct sock *sk).");
    }

    @Test
    void docsOfOneHelperPairByContextNotByPosition() {
        // The sock context moved before the skb one and both widened: each compared with its own context.
        assertThat(diff(helpers(1).helper("foo", 2, 12, doc(5, "int", "bpf_foo", "struct sk_buff *", "skb"),
                        doc(9, "int", "bpf_foo", "struct sock *", "sk")),
                helpers(1).helper("foo", 2, 12, doc(5, "long", "bpf_foo", "struct sock *", "sk"),
                        doc(9, "long", "bpf_foo", "struct sk_buff *", "skb"))))
                .containsExactly(
                        "helper.return-type-changed breaking 5 bpf_foo: Return type of bpf_foo changed from int to long (widened).",
                        "helper.return-type-changed breaking 9 bpf_foo: Return type of bpf_foo changed from int to long (widened).");
        // A reordering alone is no finding.
        assertThat(diff(helpers(1).helper("foo", 2, 12, doc(5, "long", "bpf_foo", "struct sk_buff *", "skb"),
                        doc(9, "long", "bpf_foo", "struct sock *", "sk")),
                helpers(1).helper("foo", 2, 12, doc(5, "long", "bpf_foo", "struct sock *", "sk"),
                        doc(9, "long", "bpf_foo", "struct sk_buff *", "skb"))))
                .isEmpty();
    }

    private static Models mapper(String expansion, boolean explicit) {
        Models m = model().expansion(expansion);
        if (explicit) {
            m.macro("___BPF_FUNC_MAPPER", List.of("FN", "ctx..."), 3, "", 20)
                    .macro("__BPF_FUNC_MAPPER", List.of("FN"), 1, "", 30);
        } else {
            m.macro("__BPF_FUNC_MAPPER", List.of("FN"), 1, ",", 20);
        }
        return m;
    }

    @Test
    void mapperAppendIsNoFindingButReorderIsExpansionChanged() {
        assertThat(diff(mapper("FN(unspec), FN(a),", false), mapper("FN(unspec), FN(a), FN(b),", false))).isEmpty();
        assertThat(diff(mapper("FN(unspec), FN(a), FN(b),", false), mapper("FN(unspec), FN(b), FN(a),", false)))
                .containsExactly("mapper.expansion-changed breaking 20 __BPF_FUNC_MAPPER:"
                        + " Expansion of __BPF_FUNC_MAPPER(FN) changed at entry 1: FN(a) became FN(b).");
        assertThat(diff(mapper("FN(unspec), FN(a), FN(b),", false), mapper("FN(unspec), FN(a),", false)))
                .containsExactly("mapper.expansion-changed breaking 20 __BPF_FUNC_MAPPER:"
                        + " Expansion of __BPF_FUNC_MAPPER(FN) changed at entry 2: FN(b) became nothing.");
    }

    @Test
    void mapperShapeChangedWhenTheWrittenFormChangesButNotTheExpansion() {
        assertThat(diff(mapper("FN(unspec), FN(a),", false), mapper("FN(unspec), FN(a),", true)))
                .containsExactly(
                        "mapper.shape-changed warning 30 __BPF_FUNC_MAPPER: Mapper macro __BPF_FUNC_MAPPER changed:"
                                + " its entries were separated by \",\" and are not any more. A C user of"
                                + " __BPF_FUNC_MAPPER(FN) gets the same 2 entries; text-based consumers that scrape"
                                + " __BPF_FUNC_MAPPER see its new written form.",
                        "mapper.added info 20 ___BPF_FUNC_MAPPER: Mapper macro ___BPF_FUNC_MAPPER was added:"
                                + " ___BPF_FUNC_MAPPER(FN, ctx...) calls FN with 3 arguments per entry, with no"
                                + " separator between entries.");
        // An incompatible expansion is mapper.expansion-changed, never also a shape change; the new macro is still added.
        assertThat(diff(mapper("FN(unspec), FN(a),", false), mapper("FN(a), FN(unspec),", true)))
                .containsExactly("mapper.expansion-changed breaking 30 __BPF_FUNC_MAPPER:"
                        + " Expansion of __BPF_FUNC_MAPPER(FN) changed at entry 0: FN(unspec) became FN(a).",
                        "mapper.added info 20 ___BPF_FUNC_MAPPER: Mapper macro ___BPF_FUNC_MAPPER was added:"
                                + " ___BPF_FUNC_MAPPER(FN, ctx...) calls FN with 3 arguments per entry, with no"
                                + " separator between entries.");
    }

    /** The shape of 8a76145a2ec2: the one-argument mapper forwards to a new mapper with ids through an adapter. */
    @Test
    void aMapperThatStartsToForwardIsOneShapeWarningNamingWhereTheEntriesNowAreAndTwoAdditions() {
        Models before = model().expansion("FN(unspec), FN(a),")
                .macro("__BPF_FUNC_MAPPER", List.of("FN"), 1, ",", 20, "FN(unspec), FN(a),");
        Models after = model().expansion("FN(unspec), FN(a), FN(b),")
                .macro("___BPF_FUNC_MAPPER", List.of("FN", "ctx..."), 3, "", 20,
                        "FN(unspec, 0, ## ctx) FN(a, 1, ## ctx) FN(b, 2, ## ctx)")
                .macro("__BPF_FUNC_MAPPER_APPLY", List.of("name", "value", "FN"), 1, ",", 30, "FN(name),")
                .macro("__BPF_FUNC_MAPPER", List.of("FN"), 0, "", 31,
                        "___BPF_FUNC_MAPPER(__BPF_FUNC_MAPPER_APPLY, FN)");
        assertThat(diff(before, after)).containsExactly(
                "mapper.shape-changed warning 31 __BPF_FUNC_MAPPER: Mapper macro __BPF_FUNC_MAPPER changed: it used to"
                        + " call FN with 1 argument per entry and now passes FN on to ___BPF_FUNC_MAPPER through"
                        + " __BPF_FUNC_MAPPER_APPLY. A C user of __BPF_FUNC_MAPPER(FN) gets the same 2 entries followed"
                        + " by 1 new; a text scraper now finds the entries written as FN(name, id, ##ctx) in"
                        + " ___BPF_FUNC_MAPPER, where it found FN(name) in __BPF_FUNC_MAPPER.",
                "mapper.added info 20 ___BPF_FUNC_MAPPER: Mapper macro ___BPF_FUNC_MAPPER was added:"
                        + " ___BPF_FUNC_MAPPER(FN, ctx...) calls FN with 3 arguments per entry, with no separator"
                        + " between entries.",
                "mapper.added info 30 __BPF_FUNC_MAPPER_APPLY: Mapper macro __BPF_FUNC_MAPPER_APPLY was added:"
                        + " __BPF_FUNC_MAPPER_APPLY(name, value, FN) calls FN with 1 argument per entry, entries"
                        + " separated by \",\".");
    }

    @Test
    void aHelperRenamedInPlaceIsReportedOnceByHelperRenamedNotAsAnExpansionChange() {
        assertThat(diff(mapper("FN(unspec), FN(a), FN(b),", false).helper("unspec", 0, 1).helper("a", 1, 2).helper("b", 2, 3),
                mapper("FN(unspec), FN(a2), FN(b),", false).helper("unspec", 0, 1).helper("a2", 1, 2).helper("b", 2, 3)))
                .containsExactly("helper.renamed breaking 2 bpf_a: Helper bpf_a (id 1) was renamed to bpf_a2.");
    }

    @Test
    void mapperRemoved() {
        assertThat(diff(mapper("FN(unspec),", false), model()))
                .containsExactly("mapper.removed breaking 20 __BPF_FUNC_MAPPER: Mapper macro __BPF_FUNC_MAPPER was removed.");
    }

    @Test
    void enumValueChangedAndSentinelsMoveAsInfo() {
        assertThat(diff(model().enumDecl("bpf_cmd", 1, "A", 0, 2, "B", 1, 3, "__MAX_BPF_CMD", 2, 4),
                model().enumDecl("bpf_cmd", 1, "A", 0, 2, "X", 1, 3, "B", 2, 4, "__MAX_BPF_CMD", 3, 5)))
                .containsExactly(
                        "enum.value-changed breaking 4 B: Value of B (enum bpf_cmd) changed from 1 to 2.",
                        "enum.sentinel-moved info 5 __MAX_BPF_CMD: Sentinel __MAX_BPF_CMD (enum bpf_cmd) moved from 2 to 3.");
        for (String sentinel : List.of("__MAX_X", "MAX_X", "BPF_FUNC_MAX_ID", "__BPF_FUNC_MAX_ID", "__X_MAX")) {
            assertThat(Enums.sentinel(sentinel)).as(sentinel).isTrue();
        }
        for (String value : List.of("BPF_MAX_ENTRIES", "BPF_TCP_MAX_STATES", "__MAX", "X_MAX")) {
            assertThat(Enums.sentinel(value)).as(value).isFalse();
        }
    }

    @Test
    void enumRemovedIsAWarningWhenADefineOfTheSameValueSurvives() {
        assertThat(diff(model().enumDecl("e", 1, "A", 0, 2, "B", 1, 3), model().enumDecl("e", 1, "A", 0, 2)))
                .containsExactly("enum.removed breaking 3 B: Enumerator B (enum e, value 1) was removed.");
        assertThat(diff(model().enumDecl("e", 1, "A", 0, 2, "B", 1, 3), model().enumDecl("e", 1, "A", 0, 2).define("B", 1L, 7)))
                .containsExactly("enum.removed warning 3 B:"
                        + " Enumerator B (enum e, value 1) was removed; it survives as a #define of the same value.");
    }

    @Test
    void anEnumeratorSurvivingAsADefineIsARemovalWarningEvenWhenANewNameTookItsValue() {
        assertThat(diff(model().enumDecl("bpf_link_type", 1, "A", 0, 2, "MAX_BPF_LINK_TYPE", 1, 3),
                model().enumDecl("bpf_link_type", 1, "A", 0, 2, "__MAX_BPF_LINK_TYPE", 1, 3).define("MAX_BPF_LINK_TYPE", 1L, 5)))
                .containsExactly("enum.removed warning 3 MAX_BPF_LINK_TYPE: Enumerator MAX_BPF_LINK_TYPE (enum bpf_link_type,"
                        + " value 1) was removed; it survives as a #define of the same value.");
    }

    @Test
    void enumRenamedButAnAliasBesideAStayingNameIsNot() {
        assertThat(diff(model().enumDecl("e", 1, "A", 0, 2, "B", 1, 3), model().enumDecl("e", 1, "A", 0, 2, "C", 1, 3)))
                .containsExactly("enum.renamed breaking 3 B: Enumerator B (enum e, value 1) was renamed to C.");
        assertThat(diff(model().enumDecl("e", 1, "A", 0, 2, "B", 1, 3), model().enumDecl("e", 1, "A", 0, 2, "B", 1, 3, "C", 1, 4)))
                .isEmpty();
        // The same value in another enum is no rename.
        assertThat(diff(model().enumDecl("e", 1, "A", 0, 2, "B", 1, 3), model().enumDecl("e", 1, "A", 0, 2).enumDecl("f", 5, "C", 1, 6)))
                .containsExactly("enum.removed breaking 3 B: Enumerator B (enum e, value 1) was removed.");
    }

    @Test
    void anonymousEnumsAreMatchedByTheNamesTheyShare() {
        assertThat(diff(model().enumDecl(null, 1, "A", 0, 2, "B", 1, 3).enumDecl(null, 5, "X", 1, 6),
                model().enumDecl(null, 1, "X", 1, 2).enumDecl(null, 5, "A", 0, 6, "C", 1, 7)))
                .containsExactly("enum.renamed breaking 7 B: Enumerator B (anonymous enum, value 1) was renamed to C.");
    }

    @Test
    void helperConstantsAreLeftToTheHelperRules() {
        assertThat(diff(model().helper("foo", 1, 3).enumDecl("bpf_func_id", 1, "BPF_FUNC_unspec", 0, 2, "BPF_FUNC_foo", 1, 3),
                model().helper("bar", 1, 3).enumDecl("bpf_func_id", 1, "BPF_FUNC_unspec", 0, 2, "BPF_FUNC_bar", 1, 3)))
                .containsExactly("helper.renamed breaking 3 bpf_foo: Helper bpf_foo (id 1) was renamed to bpf_bar.");
    }

    @Test
    void defineValueChangedRemovedAndBecameEnum() {
        assertThat(diff(model().define("F", 4L, 3), model().define("F", 8L, 3)))
                .containsExactly("define.value-changed breaking 3 F: Value of F changed from 4 to 8.");
        assertThat(diff(model().define("F", 4L, 3).define("T", null, 4), model().define("F", 4L, 3).define("T", null, 4)))
                .isEmpty();
        assertThat(diff(model().define("F", 4L, 3), model()))
                .containsExactly("define.removed breaking 3 F: Macro F (value 4) was removed.");
        assertThat(diff(model().define("F", 4L, 3), model().enumDecl(null, 8, "F", 4, 9)))
                .containsExactly("define.became-enum warning 9 F:"
                        + " Macro F became an enumerator of anonymous enum with the same value 4: #ifdef F stops working.");
        assertThat(diff(model().define("F", 4L, 3), model().enumDecl(null, 8, "F", 5, 9)))
                .containsExactly("define.removed breaking 3 F: Macro F (value 4) was removed.");
    }

    @Test
    void sentinelMacrosMoveAsInfoAndIncludeGuardsAreNotJudged() {
        assertThat(diff(model().define("MAX_BPF_ATTACH_TYPE", 18L, 3).define("_UAPI__LINUX_BPF_H__", null, 1),
                model().define("MAX_BPF_ATTACH_TYPE", 19L, 3).define("__LINUX_BPF_H__", null, 1)))
                .containsExactly("define.sentinel-moved info 3 MAX_BPF_ATTACH_TYPE: Sentinel MAX_BPF_ATTACH_TYPE moved from 18 to 19.");
        // An empty macro that is not named like a guard is still judged.
        assertThat(diff(model().define("BPF_HAS_FOO", null, 1), model()))
                .containsExactly("define.removed breaking 1 BPF_HAS_FOO: Macro BPF_HAS_FOO was removed.");
    }

    @Test
    void structFieldsBySizeOffsetTypeRenameAndRemoval() {
        assertThat(diff(model().struct("struct", "s", 8, 1, field("a", "__u32", 0, 32, 2), field("b", "__u32", 32, 32, 3)),
                model().struct("struct", "s", 16, 1, field("a", "__u64", 0, 64, 2), field("b", "__u32", 64, 32, 3))))
                .containsExactly(
                        "struct.field-offset-changed breaking 3 s.b: Offset of field b of struct s changed from byte 4 to byte 8.",
                        "struct.field-type-changed breaking 2 s.a: Type of field a of struct s changed from __u32 to __u64.",
                        "struct.size-changed info 1 s: Size of struct s changed from 8 to 16 bytes (grown).");
        assertThat(diff(model().struct("union", "u", 8, 1, field("a", "__u32", 0, 32, 2), field("b", "__u64", 0, 64, 3)),
                model().struct("union", "u", 4, 1, field("c", "__u32", 0, 32, 2))))
                .containsExactly(
                        "struct.field-removed breaking 3 u.b: Field b of union u was removed.",
                        "struct.field-renamed breaking 2 u.a: Field a of union u was renamed to c.",
                        "struct.size-changed breaking 1 u: Size of union u changed from 8 to 4 bytes (shrunk).");
        assertThat(diff(model().struct("struct", "s", 8, 1, field("a", "__u32", 0, 32, 2)), model()))
                .containsExactly("struct.removed breaking 1 s: struct s was removed.");
    }

    @Test
    void zeroLengthAndFlexibleArraysAndAnonymousAggregatesAreNoTypeChange() {
        assertThat(diff(model().struct("struct", "k", 4, 1, field("prefixlen", "__u32", 0, 32, 2), field("data", "__u8[0]", 32, 0, 3),
                        field("m", "union (anonymous)", 0, 32, 4)),
                model().struct("struct", "k", 4, 1, field("prefixlen", "__u32", 0, 32, 2), field("data", "__u8[]", 32, 0, 3),
                        field("m", "struct (anonymous)", 0, 32, 4))))
                .isEmpty();
        assertThat(diff(model().struct("struct", "k", 4, 1, field("data", "__u8[0]", 0, 0, 3)),
                model().struct("struct", "k", 4, 1, field("data", "__u16[]", 0, 0, 3))))
                .containsExactly("struct.field-type-changed breaking 3 k.data: Type of field data of struct k changed from __u8[0] to __u16[].");
    }

    @Test
    void findingsCarryStructuredAttachmentsAndTheSideOfTheirLine() {
        Finding f = CompatEngine.standard().compare(helpers(1).helper("foo", 2, 12).build(), helpers(1).build(), "bpf.h")
                .findings().get(0);
        assertThat(f.attachments()).isEqualTo(Map.of("helper", "foo", "id", "2", "old", "foo", "side", "old"));
        assertThat(f.location()).isEqualTo(new Location("bpf.h", 12));
        assertThat(f.oldValue()).isEqualTo("foo");
        assertThat(f.newValue()).isNull();
    }

    @Test
    void includeGuardsAreTheDefinesNamedLikeOne() {
        for (String guard : List.of("_UAPI__LINUX_BPF_H__", "__LINUX_BPF_H__", "BPF_H", "_X_H_")) {
            assertThat(Matching.includeGuard(new io.uapiguard.model.Define(guard, "", null, 1))).as(guard).isTrue();
        }
        for (String other : List.of("BPF_H_FOO", "_H__", "BPFH")) {
            assertThat(Matching.includeGuard(new io.uapiguard.model.Define(other, "", null, 1))).as(other).isFalse();
        }
        assertThat(Matching.includeGuard(new io.uapiguard.model.Define("BPF_H", "1", java.math.BigInteger.ONE, 1))).isFalse();
    }

    @Test
    void findingsComeInADeterministicOrder() {
        Models o = helpers(1).helper("b", 2, 12).helper("a", 3, 13).define("Z", 1L, 2).define("Y", 1L, 1);
        Models n = helpers(1);
        List<String> first = diff(o, n);
        assertThat(first).containsExactly(
                "define.removed breaking 1 Y: Macro Y (value 1) was removed.",
                "define.removed breaking 2 Z: Macro Z (value 1) was removed.",
                "helper.removed breaking 12 bpf_b: Helper bpf_b (id 2) was removed.",
                "helper.removed breaking 13 bpf_a: Helper bpf_a (id 3) was removed.");
    }

    @Test
    void failsAtHonoursSeverityAndAcceptance() {
        Comparison c = CompatEngine.standard().compare(helpers(1).build(), helpers(1).helper("foo", 2, 12).build(), "x.h");
        assertThat(c.failsAt(Severity.INFO)).isTrue();
        assertThat(c.failsAt(Severity.WARNING)).isFalse();
        assertThat(c.verdict()).isEqualTo("compatible");
    }
}
