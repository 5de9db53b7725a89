package io.uapiguard.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uapiguard.UapiguardException;
import io.uapiguard.header.pp.IncludeSource;
import io.uapiguard.include.IncludeDirectories;
import io.uapiguard.model.Define;
import io.uapiguard.model.EnumDecl;
import io.uapiguard.model.Gap;
import io.uapiguard.model.StructDecl;
import io.uapiguard.model.UapiModel;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** #include followed through an include source, over fixture headers of our own in header/include/. */
class IncludeTest {

    private static Path root() {
        try {
            return Path.of(IncludeTest.class.getResource("/header/include").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UapiModel model(IncludeSource source) throws IOException {
        Path main = root().resolve("hdr/fx_main.h");
        return new HeaderParser(source).parse(main.toString(), Files.readString(main));
    }

    @Test
    void includedElementsAreUsedButNotListed() throws IOException {
        UapiModel m = model(new IncludeDirectories(List.of(root().resolve("sys"))));
        StructDecl outer = m.structs().stream().filter(s -> s.name().equals("fx_outer")).findFirst().orElseThrow();
        // name[16] at 0, in (4 + pad + 8 = 16, align 8) at 16, c at 32, o at 36; size 40.
        assertThat(outer.size()).isEqualTo(40);
        assertThat(outer.fields()).anySatisfy(f -> {
            assertThat(f.path()).isEqualTo("in.b");
            assertThat(f.offsetBits()).isEqualTo(192);
        });
        assertThat(m.structs()).extracting(StructDecl::name).containsExactly("fx_outer");
        assertThat(m.enums()).flatExtracting(EnumDecl::constants).extracting(c -> c.name() + "=" + c.value())
                .containsExactly("FX_MAIN_B=4");
        assertThat(m.defines()).extracting(Define::name).containsExactly("_FX_MAIN_H", "FX_SIZE");
        assertThat(m.defines().get(1).value()).hasToString("17");   // through the quoted include beside the header
    }

    @Test
    void aMissingIncludeIsAGapWithFileAndLine() throws IOException {
        UapiModel m = model(new IncludeDirectories(List.of(root().resolve("sys"))));
        assertThat(m.complete()).isFalse();
        assertThat(m.gaps()).containsExactly(new Gap(root().resolve("hdr/fx_main.h").toString(), 8,
                "#include <linux/fx_absent.h>", Gap.INCLUDE_NOT_FOUND));
    }

    @Test
    void withoutASourceEveryIncludeIsAGap() throws IOException {
        Path main = root().resolve("hdr/fx_main.h");
        assertThatThrownBy(() -> model(IncludeSource.NONE)).isInstanceOf(UapiguardException.class)
                .hasMessageContaining("FX_NAMSIZ");
    }

    @Test
    void guardsAndPragmaOnceMakeTheSecondIncludeANoOpAndContentIsLexedOnce() throws IOException {
        AtomicInteger reads = new AtomicInteger();
        IncludeDirectories dirs = new IncludeDirectories(List.of(root().resolve("sys")));
        IncludeSource counting = (name, quoted, includer) -> {
            IncludeSource.Found f = dirs.find(name, quoted, includer);
            return f == null ? null : new IncludeSource.Found() {
                public String path() {
                    return f.path();
                }

                public String key() {
                    return "counting-test:" + f.key();
                }

                public char[] text() {
                    reads.incrementAndGet();
                    return f.text();
                }
            };
        };
        model(counting);   // fx_types.h and fx_once.h say #error when read twice
        int first = reads.get();
        assertThat(first).isEqualTo(3);   // fx_types.h, fx_local.h, fx_once.h: each text read once
        model(counting);
        assertThat(reads.get()).isEqualTo(first);   // the second parse takes the cached tokens
    }

    @Test
    void anIncludeCycleIsBounded() {
        Path cycle = root().resolve("sys/linux/fx_cycle.h");
        assertThatThrownBy(() -> new HeaderParser(new IncludeDirectories(List.of(root().resolve("sys"))))
                .parse(cycle.toString(), Files.readString(cycle)))
                .isInstanceOf(UapiguardException.class).hasMessageContaining("#include nested deeper than");
    }

    @Test
    void aMemberThatDeclaresNothingIsAGapNotASilentDrop() {
        UapiModel m = new HeaderParser().parse("fx.h", "struct fx_t {\n\tint a;\n\ttc_gen;\n\tint b;\n};\n");
        assertThat(m.complete()).isFalse();
        assertThat(m.gaps()).containsExactly(new Gap("fx.h", 3, "struct fx_t: tc_gen",
                "member declaration declares nothing (a macro of a header not included?)"));
    }
}
