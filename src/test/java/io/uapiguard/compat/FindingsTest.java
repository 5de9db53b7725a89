package io.uapiguard.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FindingsTest {

    private static final RuleInfo RULE = RuleInfo.of("test.rule", Severity.BREAKING, Impact.ABI, "Test", "A test rule.");

    @Test
    void messagesReadAsStringFormatWouldWriteThem() {
        Object[] args = {"BPF_X", 5L, BigInteger.valueOf(-12), null, 7};
        String expected = String.format(Locale.ROOT, "Value of %s changed from %d to %d (%s); %d", args[0], args[1],
                args[2], args[3], args[4]);
        assertThat(message("Value of %s changed from %d to %d (%s); %d", args)).isEqualTo(expected);
        assertThat(message("Helper %s was added.", "bpf_x", "left over")).isEqualTo("Helper bpf_x was added.");
    }

    @Test
    void aFormatThatDoesNotFitItsArgumentsIsAProgrammingError() {
        assertThatThrownBy(() -> message("%x", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> message("100%% sure")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> message("%s and %s", "one")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String message(String format, Object... args) {
        Findings findings = new Findings("bpf.h");
        findings.of(RULE).symbol("s").message(format, args).add();
        return findings.sorted().get(0).message();
    }
}
