package io.uapiguard.header.decl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.uapiguard.corpus.Corpus;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.model.Abi;
import io.uapiguard.model.Field;
import io.uapiguard.model.StructDecl;
import io.uapiguard.model.UapiModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The model's layout of the newest corpus revision against gcc compiling that very header (with stub
 * linux/types.h generated from the ABI table): every named struct and union, every field. One gcc run.
 */
class StructLayoutCorpusOracleTest {

    private static final List<String> REQUIRED = List.of("union bpf_attr", "struct __sk_buff", "struct bpf_map_info",
            "struct bpf_prog_info", "struct bpf_sock");

    @Test
    void newestRevisionLaysOutAsGccDoes() throws Exception {
        String why = GccOracle.unavailableReason();
        assumeTrue(why == null, () -> "gcc unavailable: " + why);
        List<Corpus.Revision> revisions = Corpus.require().revisions();
        HeaderParser parser = new HeaderParser();

        String text = revisions.get(revisions.size() - 1).text();
        UapiModel model = parser.parse("bpf.h", text);
        Path dir = Files.createTempDirectory("uapiguard-gcc-corpus");
        try {
            Path header = dir.resolve("bpf.h");
            Files.writeString(header, text);
            GccOracle oracle = new GccOracle();
            int fields = 0;
            for (StructDecl s : model.structs()) {
                if (s.name() == null) {
                    continue;
                }
                String cType = s.kind() + " " + s.name();
                oracle.record(cType);
                for (Field f : s.fields()) {
                    oracle.field(cType, f.path(), f.type());
                    fields++;
                }
            }
            assertThat(model.structs()).extracting(s -> s.kind() + " " + s.name()).containsAll(REQUIRED);
            Map<String, GccOracle.Measure> gcc = oracle.run(dir, GccOracle.stubIncludes(Abi.X86_64, dir),
                    "#include \"" + header + "\"\n");

            SoftAssertions soft = new SoftAssertions();
            for (StructDecl s : model.structs()) {
                if (s.name() == null) {
                    continue;
                }
                String cType = s.kind() + " " + s.name();
                soft.assertThat(new GccOracle.Measure(s.size(), s.align())).as("%s size/align", cType)
                        .isEqualTo(gcc.get("R|" + cType));
                for (Field f : s.fields()) {
                    soft.assertThat(new GccOracle.Measure(f.offsetBits(), f.sizeBits()))
                            .as("%s.%s (%s) offset/size bits", cType, f.path(), f.type())
                            .isEqualTo(gcc.get("F|" + cType + "|" + f.path()));
                }
            }
            soft.assertAll();
            assertThat(fields).as("fields compared").isGreaterThan(500);
        } finally {
            GccOracle.deleteQuietly(dir);
        }
    }
}
