package io.uapiguard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.uapiguard.UapiguardException;
import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.compat.Location;
import io.uapiguard.compat.Severity;
import io.uapiguard.model.Mirror;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTest {

    private static final Path DIR = Path.of("src/test/resources/policy");

    private static Finding finding(String rule, Severity severity, String symbol, Map<String, String> attachments) {
        return new Finding(rule, severity, symbol, "m", null, null, new Location("bpf.h", 7), attachments, false, null);
    }

    private static final Comparison COMPARISON = new Comparison(List.of(
            finding("helper.removed", Severity.BREAKING, "bpf_bar", Map.of("helper", "bar", "id", "3")),
            finding("helper.removed", Severity.BREAKING, "bpf_qux", Map.of("helper", "qux", "id", "4")),
            finding("helper.return-type-changed", Severity.BREAKING, "bpf_foo", Map.of("helper", "foo")),
            finding("helper.param-renamed", Severity.INFO, "bpf_foo", Map.of("helper", "foo"))));

    @Test
    void overridesChangeSeverityAndAcceptancesMarkFindingsWithTheirJustification() {
        Comparison applied = Policy.load(DIR.resolve("full.yml")).apply(COMPARISON, LocalDate.of(2026, 6, 30));
        assertThat(applied.findings()).extracting(Finding::symbol, Finding::severity, Finding::accepted, Finding::justification)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bpf_bar", Severity.BREAKING, true, "Never shipped in a release."),
                        org.assertj.core.groups.Tuple.tuple("bpf_qux", Severity.BREAKING, false, null),
                        org.assertj.core.groups.Tuple.tuple("bpf_foo", Severity.BREAKING, true,
                                "Widening to long is how the helper list was fixed upstream."),
                        org.assertj.core.groups.Tuple.tuple("bpf_foo", Severity.WARNING, false, null));
        assertThat(applied.failsAt(Severity.BREAKING)).as("bpf_qux is not accepted").isTrue();
        assertThat(COMPARISON.findings().get(0).accepted()).as("the input is not changed").isFalse();
    }

    @Test
    void attachmentMatchesMustAllHold() {
        Comparison other = new Comparison(List.of(
                finding("helper.removed", Severity.BREAKING, "bpf_bar", Map.of("helper", "bar", "id", "9"))));
        assertThat(Policy.load(DIR.resolve("full.yml")).apply(other, LocalDate.of(2026, 1, 1)).findings().get(0).accepted())
                .isFalse();
    }

    @Test
    void anExpiredAcceptanceStopsApplyingAndSaysSo() {
        Policy policy = Policy.load(DIR.resolve("full.yml"));
        Comparison applied = policy.apply(COMPARISON, LocalDate.of(2026, 7, 1));
        Finding bar = applied.findings().get(0);
        assertThat(bar.accepted()).isFalse();
        assertThat(bar.attachments()).containsEntry(Policy.ACCEPTANCE_EXPIRED, "2026-06-30");
        assertThat(policy.expired(LocalDate.of(2026, 7, 1))).extracting(Acceptance::symbol, Acceptance::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bpf_bar", 9));
        assertThat(policy.expired(LocalDate.of(2026, 6, 30))).isEmpty();
    }

    @Test
    void aMissingJustificationIsAnErrorNamingTheFileAndLine() {
        UapiguardException e = catchThrowableOfType(UapiguardException.class,
                () -> Policy.load(DIR.resolve("missing-justification.yml")));
        assertThat(e.reason()).isEqualTo(UapiguardException.Reason.BAD_INPUT);
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.describe()).isEqualTo(DIR.resolve("missing-justification.yml") + ":5: acceptance of helper.removed"
                + " for bpf_baz has no justification: every acceptance must say why the finding is fine");
    }

    @Test
    void malformedYamlIsAnErrorWithItsLine() {
        UapiguardException e = catchThrowableOfType(UapiguardException.class, () -> Policy.load(DIR.resolve("malformed.yml")));
        assertThat(e.reason()).isEqualTo(UapiguardException.Reason.BAD_INPUT);
        assertThat(e.file()).isEqualTo(DIR.resolve("malformed.yml").toString());
        assertThat(e.describe()).isEqualTo(DIR.resolve("malformed.yml")
                + ":4:3: malformed YAML: while parsing a flow node: expected the node content, but found '-'");
    }

    @Test
    void aNullOrAnAliasIsNotAValue() {
        String nullJustification = """
                accept:
                  - rule: helper.removed
                    symbol: bpf_baz
                    justification: ~
                """;
        UapiguardException nothing = catchThrowableOfType(UapiguardException.class,
                () -> Policy.parse("p.yml", nullJustification));
        assertThat(nothing.line()).isEqualTo(4);
        assertThat(nothing.getMessage()).isEqualTo("'justification' must be a single value");

        String aliased = """
                accept:
                  - rule: helper.removed
                    symbol: &name bpf_baz
                    justification: "removed before any release"
                  - rule: helper.id-changed
                    symbol: *name
                    justification: "same helper"
                """;
        UapiguardException alias = catchThrowableOfType(UapiguardException.class,
                () -> Policy.parse("p.yml", aliased));
        assertThat(alias.reason()).isEqualTo(UapiguardException.Reason.BAD_INPUT);
        assertThat(alias.line()).isEqualTo(6);
        assertThat(alias.getMessage()).isEqualTo("'symbol' is an alias (*name): write the value itself");
    }

    @Test
    void mirrorsAreReadWhenGivenAndAbsentOtherwise() {
        Policy policy = Policy.parse("m.yml", """
                mirrors:
                  - original: include/uapi/
                    copy: tools/include/uapi/
                  - {original: a/x.h, copy: b/x.h}
                """);
        assertThat(policy.mirrors()).contains(List.of(Mirror.KERNEL_TOOLS, new Mirror("a/x.h", "b/x.h")));
        assertThat(Policy.parse("m.yml", "mirrors: []\n").mirrors()).contains(List.of());
        assertThat(Policy.parse("m.yml", "version: 1\n").mirrors()).isEmpty();
    }

    @Test
    void aMalformedMirrorIsAnErrorNamingItsLine() {
        UapiguardException mixed = catchThrowableOfType(UapiguardException.class, () -> Policy.parse("m.yml", """
                version: 1
                mirrors:
                  - original: include/uapi/
                    copy: tools/include/uapi/
                  - original: include/uapi/linux/bpf.h
                    copy: tools/include/uapi/
                """));
        assertThat(mixed.file()).isEqualTo("m.yml");
        assertThat(mixed.line()).isEqualTo(5);
        assertThat(mixed.getMessage()).contains("two files or two folders");
        UapiguardException missing = catchThrowableOfType(UapiguardException.class, () -> Policy.parse("m.yml", """
                mirrors:
                  - original: include/uapi/linux/bpf.h
                """));
        assertThat(missing.line()).isEqualTo(2);
        assertThat(missing.getMessage()).contains("'original' and a 'copy'");
        UapiguardException unknown = catchThrowableOfType(UapiguardException.class,
                () -> Policy.parse("m.yml", "mirrors:\n  - source: x\n"));
        assertThat(unknown.line()).isEqualTo(2);
        assertThat(unknown.getMessage()).contains("unknown key 'source' in mirror");
        UapiguardException notAList = catchThrowableOfType(UapiguardException.class,
                () -> Policy.parse("m.yml", "mirrors: include/uapi/\n"));
        assertThat(notAList.line()).isEqualTo(1);
    }

    @Test
    void anUnknownRuleIdOrDateIsAnErrorWithItsLine() {
        UapiguardException rule = catchThrowableOfType(UapiguardException.class, () -> Policy.load(DIR.resolve("unknown-rule.yml")));
        assertThat(rule.line()).isEqualTo(3);
        assertThat(rule.getMessage()).startsWith("unknown rule id 'helper.remvoed'; known: helper.id-changed, helper.removed,");
        UapiguardException date = catchThrowableOfType(UapiguardException.class, () -> Policy.load(DIR.resolve("bad-date.yml")));
        assertThat(date.line()).isEqualTo(5);
        assertThat(date.getMessage()).isEqualTo("'expires' must be a date like 2027-01-31, not 'next tuesday'");
    }

    @Test
    void aMissingFileIsBadInputAndAnEmptyFileIsAnEmptyPolicy(@TempDir Path dir) throws Exception {
        UapiguardException e = catchThrowableOfType(UapiguardException.class, () -> Policy.load(dir.resolve("nope.yml")));
        assertThat(e.reason()).isEqualTo(UapiguardException.Reason.BAD_INPUT);
        Path empty = Files.writeString(dir.resolve("empty.yml"), "# nothing yet\n");
        assertThat(Policy.load(empty).apply(COMPARISON, LocalDate.now())).isEqualTo(COMPARISON);
        assertThat(Policy.none().apply(COMPARISON, LocalDate.now())).isEqualTo(COMPARISON);
    }
}
