package io.uapiguard.model;

import static org.assertj.core.api.Assertions.assertThat;

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
}
