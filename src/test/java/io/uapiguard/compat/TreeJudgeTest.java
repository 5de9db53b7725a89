package io.uapiguard.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.header.HeaderParser;
import io.uapiguard.model.Mirror;
import io.uapiguard.model.UapiModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A change to several headers judged as one result, and the copies kept in sync (copy.out-of-sync). */
class TreeJudgeTest {

    static final String ORIGINAL = "include/uapi/linux/bpf.h";
    static final String COPY = "tools/include/uapi/linux/bpf.h";
    static final String OTHER = "include/uapi/linux/if_xdp.h";
    static final List<Mirror> PAIRS = Mirror.filePairs(List.of(Mirror.KERNEL_TOOLS), List.of(ORIGINAL, COPY, OTHER));

    static final String V1 = "#ifndef _H\n#define _H\n#define BPF_F_LOCK 4\n#endif\n";
    static final String V2 = "#ifndef _H\n#define _H\n#define BPF_F_LOCK 4\n#define BPF_F_FRESH 32\n#endif\n";
    static final String V1_COMMENTED = "#ifndef _H\n#define _H\n/* a lock */\n#define BPF_F_LOCK 4\n#endif\n";
    static final String V1_RENUMBERED = "#ifndef _H\n#define _H\n#define BPF_F_LOCK 8\n#endif\n";

    private final TreeJudge judge = new TreeJudge(CompatEngine.standard());

    /** Headers by path, parsed on demand. */
    record MapTree(Map<String, String> texts) implements TreeJudge.Tree {
        @Override
        public Optional<String> text(String path) {
            return Optional.ofNullable(texts.get(path));
        }

        @Override
        public UapiModel model(String path) {
            return new HeaderParser().parse(path, texts.get(path));
        }
    }

    static MapTree tree(String... pathsAndTexts) {
        Map<String, String> texts = new HashMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            texts.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
        }
        return new MapTree(texts);
    }

    private final MapTree base = tree(ORIGINAL, V1, COPY, V1, OTHER, V1);

    @Test
    void theMirrorsAmongWatchedPathsAreTheIncludeUapiHeadersWithTheirToolsCopy() {
        assertThat(PAIRS).containsExactly(new Mirror(ORIGINAL, COPY));
        assertThat(Mirror.filePairs(List.of(new Mirror("a/x.h", "b/x.h")), List.of("b/x.h", "a/x.h")))
                .containsExactly(new Mirror("a/x.h", "b/x.h"));
        assertThat(Mirror.filePairs(List.of(Mirror.KERNEL_TOOLS), List.of(ORIGINAL))).isEmpty();
    }

    @Test
    void aChangeToNoWatchedHeaderIsNotApplicable() {
        Comparison result = judge.judge(base, base, List.of(), PAIRS);
        assertThat(result.verdict()).isEqualTo(Comparison.NOT_APPLICABLE);
        assertThat(result.headers()).isEmpty();
    }

    @Test
    void changingTheOriginalAloneLeavesTheCopyOutOfSyncWithTheModelDifferenceNamed() {
        Comparison result = judge.judge(base, tree(ORIGINAL, V2, COPY, V1, OTHER, V1), List.of(ORIGINAL), PAIRS);
        assertThat(result.headers()).containsExactly(ORIGINAL);
        assertThat(result.verdict()).isEqualTo(Comparison.COMPATIBLE);
        Finding f = result.findings().stream().filter(x -> x.rule().equals("copy.out-of-sync")).findFirst().orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.location()).isEqualTo(new Location(ORIGINAL, 4));
        assertThat(f.symbol()).isEqualTo(COPY);
        assertThat(f.attachments()).containsEntry("difference", "model").containsEntry("original", ORIGINAL)
                .containsEntry("copy", COPY);
        assertThat(f.message()).contains(ORIGINAL, COPY, "the models differ", "BPF_F_FRESH");
    }

    @Test
    void changingBothIdenticallyKeepsThemInSync() {
        Comparison result = judge.judge(base, tree(ORIGINAL, V2, COPY, V2, OTHER, V1), List.of(ORIGINAL, COPY), PAIRS);
        assertThat(result.headers()).containsExactly(ORIGINAL, COPY);
        assertThat(result.findings()).extracting(Finding::rule).doesNotContain("copy.out-of-sync");
    }

    @Test
    void aCommentOnOneSideIsOnlyATextDifference() {
        Comparison result = judge.judge(base, tree(ORIGINAL, V1_COMMENTED, COPY, V1, OTHER, V1), List.of(ORIGINAL),
                PAIRS);
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("copy.out-of-sync");
            assertThat(f.attachments()).containsEntry("difference", "text");
            assertThat(f.location().line()).isEqualTo(3);
            assertThat(f.message()).contains("only the text differs");
        });
    }

    @Test
    void aChangeToTheCopyAloneIsJudgedAndFlagged() {
        Comparison result = judge.judge(base, tree(ORIGINAL, V1, COPY, V1_RENUMBERED, OTHER, V1), List.of(COPY), PAIRS);
        assertThat(result.verdict()).isEqualTo(Comparison.BREAKING);
        assertThat(result.headers()).containsExactly(COPY);
        assertThat(result.findings()).extracting(Finding::rule)
                .containsExactlyInAnyOrder("define.value-changed", "copy.out-of-sync");
        assertThat(result.findings()).allSatisfy(f -> assertThat(f.location().path()).isEqualTo(COPY));
    }

    @Test
    void aPairTheChangeLeftAloneIsNotJudged() {
        MapTree apart = tree(ORIGINAL, V2, COPY, V1, OTHER, V1);
        Comparison result = judge.judge(apart, tree(ORIGINAL, V2, COPY, V1, OTHER, V2), List.of(OTHER), PAIRS);
        assertThat(result.headers()).containsExactly(OTHER);
        assertThat(result.findings()).extracting(Finding::rule).doesNotContain("copy.out-of-sync");
    }

    @Test
    void severalChangedHeadersGiveOneResultWithAVerdictPerHeader() {
        Comparison result = judge.judge(base, tree(ORIGINAL, V1_RENUMBERED, COPY, V1_RENUMBERED, OTHER, V2),
                List.of(ORIGINAL, COPY, OTHER), PAIRS);
        assertThat(result.headers()).containsExactly(ORIGINAL, COPY, OTHER);
        assertThat(result.verdict()).isEqualTo(Comparison.BREAKING);
        assertThat(result.header(OTHER).verdict()).isEqualTo(Comparison.COMPATIBLE);
        assertThat(result.header(ORIGINAL).verdict()).isEqualTo(Comparison.BREAKING);
    }

    @Test
    void theFirstDifferentLineIsCountedInTheAnchorsText() {
        assertThat(CompatEngine.firstDifferentLine("a\nb\nc\n", "a\nb\nd\n")).isEqualTo(3);
        assertThat(CompatEngine.firstDifferentLine("a\nb\n", "a\nb\nc\n")).isEqualTo(2);
        assertThat(CompatEngine.firstDifferentLine("x", "y")).isEqualTo(1);
    }
}
