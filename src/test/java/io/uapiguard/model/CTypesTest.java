package io.uapiguard.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CTypesTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "__u32|__u32",
            "  __u32  |__u32",
            "unsigned   long\tlong|unsigned long long",
            "struct bpf_map*|struct bpf_map *",
            "struct bpf_map *|struct bpf_map *",
            "struct  bpf_map  * |struct bpf_map *",
            "const void*|const void *",
            "char**|char **",
            "char * * |char **",
            "char const *|char const *",
            "void *const|void * const",
            "__u8 [ 16 ]|__u8[16]",
            "__u8[16][4]|__u8[16][4]",
            "struct bpf_sock *[2]|struct bpf_sock *[2]",
            "...|...",
            "int (*)(void)|int (*) (void)",
            "'  '|''",
    })
    void normalisesSpacingAndStars(String in, String expected) {
        assertThat(CTypes.normalize(in)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"char **", "struct bpf_map *", "const void *", "__u8[16]", "unsigned long"})
    void normalisedSpellingIsAFixedPoint(String normal) {
        assertThat(CTypes.normalize(normal)).isEqualTo(normal);
    }

    @Test
    void collapseBlanksOnlyStripsAndCollapsesRunsOfBlanks() {
        assertThat(CTypes.collapseBlanks("  const \t void  *")).isEqualTo("const void *");
        assertThat(CTypes.collapseBlanks("struct bpf_map *")).isEqualTo("struct bpf_map *");
        assertThat(CTypes.collapseBlanks("struct bpf_map*")).as("no space is added").isEqualTo("struct bpf_map*");
        assertThat(CTypes.collapseBlanks("__u8 [ 16 ]")).as("none is removed").isEqualTo("__u8 [ 16 ]");
        assertThat(CTypes.collapseBlanks("a\nb")).isEqualTo("a b");
        assertThat(CTypes.collapseBlanks(null)).isEmpty();
        assertThat(CTypes.collapseBlanks("")).isEmpty();
        assertThat(CTypes.collapseBlanks("u64 ")).isEqualTo("u64");
        assertThat(CTypes.collapseBlanks(" u64")).isEqualTo("u64");
        assertThat(CTypes.collapseBlanks("unsigned  long")).isEqualTo("unsigned long");
        assertThat(CTypes.collapseBlanks("unsigned\u2003long")).isEqualTo("unsigned long");
        assertThat(CTypes.collapseBlanks("\u00e9t\u00e9 x")).isEqualTo("\u00e9t\u00e9 x");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "u64", "unsigned int", "struct bpf_map *", "char **", "const char * const", "void ***", "int (*) (void)",
            "__u8[16]", "...",
    })
    void joinOfTokensIsNormalizeOfTheirText(String normal) {
        List<String> tokens = new ArrayList<>();
        Matcher m = Pattern.compile("\\w+|\\.\\.\\.|\\S").matcher(normal);
        while (m.find()) {
            tokens.add(m.group());
        }
        assertThat(CTypes.join(tokens)).isEqualTo(CTypes.normalize(String.join(" ", tokens))).isEqualTo(normal);
    }
}
