package io.uapiguard.include;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uapiguard.UapiguardException;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.model.Abi;
import io.uapiguard.model.Define;
import io.uapiguard.model.Gap;
import io.uapiguard.model.UapiModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The -I search of the command line: order, #include_next, the system's directories, and its bounds. */
class IncludeDirectoriesTest {

    @TempDir
    Path tmp;

    private Path write(String path, String text) throws IOException {
        Path p = tmp.resolve(path);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    private UapiModel model(String text, Path... dirs) {
        return new HeaderParser(new IncludeDirectories(List.of(dirs))).parse(tmp.resolve("main.h").toString(), text);
    }

    private static String define(UapiModel m, String name) {
        return m.defines().stream().filter(d -> d.name().equals(name)).map(Define::value).findFirst().orElseThrow()
                .toString();
    }

    @Test
    void includeNextGoesOnAfterTheDirectoryOfTheIncludingFile() throws IOException {
        write("a/lim.h", "#define A_LIM 1\n#include_next <lim.h>\n");
        write("b/lim.h", "#define B_LIM 2\n");
        UapiModel m = model("#include <lim.h>\n#define BOTH (A_LIM + B_LIM)\n", tmp.resolve("a"), tmp.resolve("b"));
        assertThat(define(m, "BOTH")).isEqualTo("3");
        assertThat(m.complete()).isTrue();
    }

    @Test
    void includeNextFoundNowhereIsAGapNamingTheDirective() throws IOException {
        Path lim = write("a/lim.h", "#include_next <lim.h>\n");
        UapiModel m = model("#include <lim.h>\n", tmp.resolve("a"));
        assertThat(m.gaps()).containsExactly(new Gap(lim.toString(), 1, "#include_next <lim.h>",
                Gap.INCLUDE_NOT_FOUND));
    }

    @Test
    void aNameClimbingAboveItsDirectoryFindsNothing() throws IOException {
        write("secret.h", "#define SECRET 1\n");
        write("inc/linux/x.h", "#define X 1\n");
        UapiModel m = model("#include <linux/../../secret.h>\n#include \"../secret.h\"\n#include <linux/../linux/x.h>\n",
                tmp.resolve("inc"));
        assertThat(m.gaps()).extracting(Gap::element)
                .containsExactly("#include <linux/../../secret.h>", "#include \"../secret.h\"");
        assertThat(m.defines()).extracting(Define::name).doesNotContain("SECRET");
    }

    @Test
    void anErrorAfterAMissingIncludeNamesItAsTheLikelyCause() {
        String header = String.join("\n", "#include <asm/fx_byteorder.h>", "#if defined(__FX_LITTLE_ENDIAN)",
                "int fx_ok;", "#else", "#error \"Unknown endianness\"", "#endif", "");
        assertThatThrownBy(() -> model(header, tmp.resolve("inc")))
                .isInstanceOf(UapiguardException.class)
                .hasMessageStartingWith("#error \"Unknown endianness\"")
                .hasMessageContaining("#include <asm/fx_byteorder.h> at " + tmp.resolve("main.h") + ":1, "
                        + Gap.INCLUDE_NOT_FOUND);
        assertThatThrownBy(() -> model("#error \"plain\"\n")).hasMessage("#error \"plain\"");
    }

    @Test
    void theSystemsDirectoriesAreGccsNewestOwnThenMultiarchThenUsrInclude() throws IOException {
        for (String d : List.of("usr/lib/gcc/x86_64-linux-gnu/9/include", "usr/lib/gcc/x86_64-linux-gnu/12/include",
                "usr/include/x86_64-linux-gnu/asm", "usr/include/linux")) {
            Files.createDirectories(tmp.resolve(d));
        }
        assertThat(IncludeDirectories.system(tmp, Abi.X86_64)).containsExactly(
                tmp.resolve("usr/lib/gcc/x86_64-linux-gnu/12/include"), tmp.resolve("usr/include/x86_64-linux-gnu"),
                tmp.resolve("usr/include"));
    }

    @Test
    void gnuSignedIsSignedAndATypedefNamesItsAnonymousRecord() {
        UapiModel m = new HeaderParser().parse("t.h", """
                typedef __signed__ int s32;
                typedef struct { s32 a; __signed__ char b; } fx_pair_t;
                typedef struct { int x; } *fx_ptr_t;
                """);
        assertThat(m.structs()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("fx_pair_t");
            assertThat(s.typedef()).isTrue();
            assertThat(s.size()).isEqualTo(8);
        });
    }
}
