package io.uapiguard.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImpactTest {

    private static Finding finding(String rule, Severity severity, boolean accepted) {
        return new Finding(rule, severity, "bpf_foo", "m", null, null, new Location("bpf.h", 1), Map.of(), accepted,
                accepted ? "known" : null);
    }

    @Test
    void everyRuleSaysWhatItBreaks() {
        assertThat(RuleCatalog.standard().infos()).allSatisfy(r -> assertThat(r.impact()).as(r.id()).isNotNull());
        assertThat(RuleCatalog.standard().find("helper.id-changed")).get().extracting(RuleInfo::impact)
                .isEqualTo(Impact.ABI);
        assertThat(RuleCatalog.standard().find("helper.removed")).get().extracting(RuleInfo::impact)
                .isEqualTo(Impact.API);
        assertThat(RuleCatalog.standard().find("mapper.shape-changed")).get().extracting(RuleInfo::impact)
                .isEqualTo(Impact.TEXT);
    }

    @Test
    void aComparisonFailsAtAnImpactWhenAnUnacceptedFindingBreaksAtLeastThatMuch() {
        Comparison sourcesOnly = new Comparison(List.of(finding("helper.removed", Severity.BREAKING, false)));
        assertThat(sourcesOnly.failsAt(Impact.ABI)).isFalse();
        assertThat(sourcesOnly.failsAt(Impact.API)).isTrue();
        assertThat(sourcesOnly.failsAt(Impact.TEXT)).isTrue();

        Comparison accepted = new Comparison(List.of(finding("helper.id-changed", Severity.BREAKING, true)));
        assertThat(accepted.failsAt(Impact.TEXT)).isFalse();
        Comparison grown = new Comparison(List.of(finding("struct.size-changed", Severity.INFO, false)));
        assertThat(grown.failsAt(Impact.ABI)).as("info breaks nothing, whatever its rule").isFalse();
    }
}
