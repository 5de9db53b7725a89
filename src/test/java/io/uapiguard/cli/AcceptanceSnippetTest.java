package io.uapiguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.compat.Location;
import io.uapiguard.compat.Severity;
import io.uapiguard.policy.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcceptanceSnippetTest {

    static Finding finding(String rule, String symbol) {
        return new Finding(rule, Severity.BREAKING, symbol, "Helper " + symbol + " changed.", "2", "3",
                new Location("include/uapi/linux/bpf.h", 40), Map.of("helper", symbol), false, null);
    }

    @Test
    void oneEntryPerRuleAndSymbolWithAPlaceholderJustification() {
        String yaml = AcceptanceSnippet.yaml(List.of(finding("helper.id-changed", "bpf_a"),
                finding("helper.id-changed", "bpf_a"), finding("mapper.expansion-changed", "__BPF_FUNC_MAPPER")));
        assertThat(yaml).isEqualTo("""
                accept:
                  - rule: helper.id-changed
                    symbol: "bpf_a"
                    justification: "<why no user-space program can notice this>"
                    # expires: 2027-01-31   # optional: the last day this acceptance applies
                  - rule: mapper.expansion-changed
                    symbol: "__BPF_FUNC_MAPPER"
                    justification: "<why no user-space program can notice this>"
                    # expires: 2027-01-31   # optional: the last day this acceptance applies
                """);
    }

    @Test
    void thePastedSnippetIsAPolicyThatAcceptsTheBlockedFindings(@TempDir Path dir) throws Exception {
        List<Finding> blocked = List.of(finding("helper.id-changed", "bpf_a"), finding("helper.removed", "bpf_\"q\""));
        Path config = dir.resolve(".uapiguard.yml");
        Files.writeString(config, "version: 1\n" + AcceptanceSnippet.yaml(blocked));
        Comparison judged = Policy.load(config).apply(new Comparison(blocked), LocalDate.of(2026, 11, 24));
        assertThat(judged.findings()).allMatch(Finding::accepted);
        assertThat(judged.failsAt(Severity.BREAKING)).isFalse();
    }
}
