package io.uapiguard.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uapiguard.UapiguardException;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.header.lex.TextChange;
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

    /** An awk-like generator's extraction, as a project lists it under {@code consumers:}. */
    private static final String GEN = """
              - name: gen
                source: https://example.org/gen.awk
                commit: 0123abcd
                extract: {lines: 'FN\\(.+\\),', field: 1, capture: '\\((.+)\\)', expect: helpers}
            """;
    /** A C table made by expanding the mapper. */
    private static final String TABLE = """
              - name: table
                source: https://example.org/t.c
                commit: 0123abcd
                snippet: |
                  #define S(x) #x,
                  __BPF_FUNC_MAPPER(S)
            """;

    private static List<Consumer> consumers(String entries) {
        return Policy.parse(".uapiguard.yml", "consumers:\n" + entries).consumers();
    }

    @Test
    void anAwkLikeExtractionMatchesTheModelsHelperList() {
        Outcome o = new Consumers(consumers(GEN)).outcomes(HEADER, model).get(0);
        assertThat(o.output()).containsExactly("unspec", "map_lookup_elem", "foo");
        assertThat(o.lines()).containsExactly(2, 3, 4);
        assertThat(o.matches()).isTrue();
    }

    @Test
    void theSameTextWithAnotherModelIsReadAgainstThatModel() {
        // A text can come with two models (a candidate parsed now, the same text stored by an older parse): what
        // the consumers made of it with one is not the other's.
        List<Consumer> both = consumers(GEN + TABLE);
        UapiModel other = new HeaderParser().parse("bpf.h", HEADER.replace("FN(foo),", "FN(foo),\tFN(bar),"));
        Consumers consumers = new Consumers(both);
        List<Outcome> first = consumers.outcomes(HEADER, model);
        assertThat(first).allMatch(Outcome::matches);
        List<Outcome> withOther = consumers.outcomes(HEADER, other);
        assertThat(withOther).isEqualTo(new Consumers(both).outcomes(HEADER, other));
        assertThat(withOther.get(0).matches()).as("the text's three helpers against the other model's four").isFalse();
        assertThat(withOther.get(1).output()).contains("\"bar\"");   // the other model's mapper, expanded
    }

    @Test
    void aSnippetExpandsTheMapperWithTheToolsOwnPreprocessor() {
        Outcome o = new Consumers(consumers(TABLE)).outcomes(HEADER, model).get(0);
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

    /**
     * A regex that backtracks without end on JDK 17 (whose group loops remember where they failed, so the textbook
     * {@code ^(a+)+$} does not): a bounded repetition of a group of two greedy runs, over a run of x's without the
     * y it wants. What it reads doubles with every two more x's or so.
     */
    static final String CATASTROPHIC = "(x+x+){1,50}y";

    @Test
    void theCatastrophicRegexReallyBacktracksWithoutEnd() {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(CATASTROPHIC);
        long[] reads = new long[3];
        int[] lengths = {12, 16, 20};
        for (int i = 0; i < lengths.length; i++) {
            BoundedText.Budget counting = new BoundedText.Budget(Long.MAX_VALUE, 60_000);
            BoundedText text = new BoundedText("x".repeat(lengths[i]), counting);
            assertThat(p.matcher(text).find()).isFalse();
            reads[i] = counting.reads();
        }
        // Each four more x's multiply the characters read by more than ten: 40 x's would read about 10^16.
        assertThat(reads[1]).isGreaterThan(10 * reads[0]);
        assertThat(reads[2]).isGreaterThan(10 * reads[1]);
    }

    @Test
    void aCatastrophicRegexEndsInAnErrorNamingTheEntryNotAHang() {
        Policy p = Policy.parse("my.yml", """
                consumers:
                  - name: gen
                    source: s
                    commit: c
                    extract: {lines: 'FN\\(.+\\),', capture: '\\((.+)\\)', expect: helpers}
                  - name: slow
                    source: s
                    commit: c
                    extract: {capture: '%s', expect: helpers}
                """.formatted(CATASTROPHIC));
        String header = HEADER + "/* " + "x".repeat(40) + " */\n";
        for (long[] bound : new long[][] {{50_000_000, 60_000}, {Long.MAX_VALUE, 300}}) {   // characters, then time
            long start = System.nanoTime();
            assertThatThrownBy(() -> new Consumers(p.consumers(), bound[0], bound[1]).outcomes(header, model))
                    .isInstanceOfSatisfying(UapiguardException.class, e -> {
                        assertThat(e.reason()).isEqualTo(UapiguardException.Reason.BAD_INPUT);
                        assertThat(e.describe()).startsWith("my.yml:6").contains("consumer slow")
                                .contains("catastrophic backtracking");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        }
        // and through a change, where only the changed line is read
        Consumers consumers = new Consumers(p.consumers(), 50_000_000, 1_000);
        assertThatThrownBy(() -> consumers.changes(Consumers.Text.of(HEADER), model, Consumers.Text.of(header),
                new HeaderParser().parse("bpf.h", header))).isInstanceOfSatisfying(UapiguardException.class,
                        e -> assertThat(e.describe()).startsWith("my.yml:6").contains("consumer slow"));
    }

    @Test
    void theCatalogueReadsAndEachTextIsRunOnce() {
        List<Consumer> catalogue = Policy.catalogue();
        assertThat(catalogue).extracting(Consumer::name).contains("cilium/ebpf asm/func.go gawk (v1)",
                "cilium/ebpf asm/func.go gawk (v2)", "DTrace for Linux libdtrace/dt_dis.c helper_fn");
        Consumers consumers = new Consumers(catalogue);
        List<Outcome> first = consumers.outcomes(HEADER, model);
        List<Outcome> again = consumers.outcomes(new String(HEADER), model);
        for (int i = 0; i < first.size(); i++) {
            assertThat(again.get(i)).isSameAs(first.get(i));
        }
    }

    @Test
    void aBaseCheckedAgainstManyCandidatesStaysReadWhileTheyPass() {
        Consumers consumers = new Consumers(Policy.catalogue());
        List<Outcome> base = consumers.outcomes(HEADER, model);
        for (int n = 0; n < 10; n++) {
            String candidate = HEADER + "/* candidate " + n + " */\n";
            consumers.changes(Consumers.Text.of(HEADER), model, Consumers.Text.of(candidate),
                    new HeaderParser().parse("bpf.h", candidate));
        }
        List<Outcome> again = consumers.outcomes(new String(HEADER), model);
        for (int i = 0; i < base.size(); i++) {
            assertThat(again.get(i)).isSameAs(base.get(i));
        }
    }

    /** A header with a helper comment (and code in a description), the mapper and the enum, to edit below. */
    private static final String RICH = """
            /* Start of BPF helper function descriptions:
             *
             * void *bpf_map_lookup_elem(struct bpf_map *map, const void *key)
             * \tDescription
             * \t\tLook up.
             * \t\t::
             * \t\t\tvoid bpf_sys_open(struct pt_regs *ctx)
             * \tReturn
             * \t\tMap value.
             *
             * long bpf_foo(void)
             * \tDescription
             * \t\tFoo.
             * \tReturn
             * \t\t0.
             */
            #define __BPF_FUNC_MAPPER(FN)\t\\
            \tFN(unspec),\t\\
            \tFN(map_lookup_elem),\t\\
            \tFN(foo),

            #define __BPF_ENUM_FN(x) BPF_FUNC_ ## x
            enum bpf_func_id {
            \t__BPF_FUNC_MAPPER(__BPF_ENUM_FN)
            \t__BPF_FUNC_MAX_ID,
            };
            """;

    /** One consumer of each shape: a line filter alone, a start text with one, a while region, no filter. */
    private static final String SHAPES = """
            consumers:
              - name: awk
                source: s
                commit: c
                extract: {lines: 'FN\\(.+\\),', field: 1, capture: '\\((.+)\\)', unmatched: empty, expect: helpers}
              - name: doc
                source: s
                commit: c
                extract:
                  start: 'Start of BPF helper function descriptions:'
                  skip: 1
                  lines: '^ \\* ?((.+) \\**\\w+\\((((const )?(struct )?(\\w+|\\.\\.\\.)( \\**\\w+)?)(, )?){1,5}\\))$'
                  capture: ' \\**(\\w+)\\('
                  expect: signatures
              - name: mapper
                source: s
                commit: c
                extract: {start: '#define __BPF_FUNC_MAPPER(FN)', skip: 0, while: '\\s*FN\\((\\w+)\\)|\\\\',
                          capture: 'FN\\((\\w+)\\)', expect: helpers, expect-from: 1}
              - name: enum
                source: s
                commit: c
                extract: {start: 'enum bpf_func_id {', capture: '(\\w+)', expect: helpers}
            """;

    @Test
    void readingOnlyTheChangedLinesGivesWhatReadingTheWholeNewTextGives() {
        List<Consumer> shapes = Policy.parse(".uapiguard.yml", SHAPES).consumers();
        String rich = RICH;
        List<String> edits = List.of(
                "/* a line above it all */\n" + rich,
                rich.replace("Start of BPF helper", "Start of eBPF helper"),
                rich.replace(" *\n * void *bpf_map", " *\n *\n * void *bpf_map"),
                rich.replace("/* Start of BPF", "/* Start of BPF helper function descriptions: twice\n * Start of BPF"),
                rich.replace(" * long bpf_foo(void)", " * long bpf_bar(int x)\n *\n * long bpf_foo(void)"),
                rich.replace("void bpf_sys_open(struct pt_regs *ctx)", "int bpf_sys_close(void)"),
                rich.replace("\tFN(foo),", "\tFN(foo),\t\\\n\tFN(bar),"),
                rich.replace("\tFN(map_lookup_elem),\t\\\n", ""),
                rich.replace("\tFN(foo),\n\n", "\tFN(foo),\n/* FN(late), */\n\n"),
                rich.replace("\tFN(unspec),", "\tFN(unspec), /* zero */"),
                rich.replace("#define __BPF_FUNC_MAPPER(FN)\t", "#define __BPF_FUNC_MAPPER(FN) \t"),
                rich.substring(0, rich.indexOf("#define __BPF_ENUM_FN")),
                rich.replace("\n", "\r\n"),
                rich.replace("enum bpf_func_id {\n", "enum bpf_func_id {\n\t/* first */\n"),
                rich + "/* the end */\n");
        HeaderParser parser = new HeaderParser();
        UapiModel was = parser.parse("bpf.h", rich);
        for (String edit : edits) {
            UapiModel now = parser.parse("bpf.h", edit);
            List<Outcome> before = new Consumers(shapes).outcomes(rich, was);
            List<Outcome> after = new Consumers(shapes).outcomes(edit, now);
            // Read whole first, so that the new side is made from the old reading, and without: judged from the change.
            for (boolean oldReadFirst : List.of(true, false)) {
                Consumers consumers = new Consumers(shapes);
                if (oldReadFirst) {
                    consumers.outcomes(rich, was);
                }
                List<Consumers.Change> changes = consumers.changes(Consumers.Text.of(rich), was,
                        Consumers.Text.of(edit), now);
                for (int i = 0; i < shapes.size(); i++) {
                    Consumer c = shapes.get(i);
                    Consumers.Change change = changes.stream().filter(x -> x.before().consumer().equals(c))
                            .findFirst().orElse(null);
                    String what = c.name() + " on edit " + edits.indexOf(edit) + " (old read first: " + oldReadFirst
                            + ")";
                    if (change == null) {
                        assertThat(after.get(i).output()).as(what).isEqualTo(before.get(i).output());
                        assertThat(after.get(i).problem()).as(what).isEqualTo(before.get(i).problem());
                        assertThat(after.get(i).expected()).as(what).isEqualTo(before.get(i).expected());
                    } else {
                        assertThat(change.before()).as(what).isEqualTo(before.get(i));
                        assertThat(change.after()).as(what).isEqualTo(after.get(i));
                    }
                }
            }
        }
    }

    /** Entry by entry only where nothing can tie an entry to its neighbours; else whole: the same tokens either way. */
    @Test
    void aSnippetMadeEntryByEntryGivesWhatItGivesWhole() {
        UapiModel rich = new HeaderParser().parse("bpf.h", RICH);
        List<String> snippets = List.of(
                "#define S(x) #x,\n__BPF_FUNC_MAPPER(S)\n",
                "#define S(x) [BPF_FUNC_##x] = #x\nstatic const char *t[] = {\n\t__BPF_FUNC_MAPPER(S)\n};\n",
                "#define S(x) x\n#define W(y) { y }\nW(__BPF_FUNC_MAPPER(S))\n",     // the call as an argument
                "#define S(x) G\n#define G(y) y\n__BPF_FUNC_MAPPER(S) (late)\n",   // a name that takes what follows
                "#define unspec zero\n#define S(x) x\n__BPF_FUNC_MAPPER(S)\n",       // an entry's word defined
                "#define S(x) x\n__BPF_FUNC_MAPPER(S) __BPF_FUNC_MAPPER(S)\n",         // two calls
                "#define S(x, y) x\n__BPF_FUNC_MAPPER(S)\n");                           // does not expand
        for (String text : snippets) {
            SnippetExpansion s = new SnippetExpansion(new Consumer("s", "s", "c", null, new Consumer.Snippet(text),
                    "my.yml", 1));
            assertThat(s.byEntries(rich.mapper().macros(), rich.mapper().expansion())).as(text)
                    .isEqualTo(s.whole(rich.mapper().macros()));
        }
    }

    @Test
    void aChangeIsHunksBetweenBlocksThatAreTheSame() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 6000; i++) {
            lines.append(i == 3000 ? "middle line that is long enough to anchor on\n" : "line " + i + "\n");
        }
        String old = lines.toString();
        String now = "x\n" + old.replace("middle line", "middle line, changed,\nmiddle line") + "y\n";
        TextChange change = TextChange.between(old, old.toCharArray(), now, now.toCharArray());
        assertThat(change.size()).isGreaterThan(1);
        StringBuilder rebuilt = new StringBuilder();
        int at = 0;
        for (int h = 0; h < change.size(); h++) {
            assertThat(change.oldFrom(h)).isGreaterThanOrEqualTo(at);
            rebuilt.append(old, at, change.oldFrom(h)).append(now, change.newFrom(h), change.newTo(h));
            assertThat(old.substring(change.oldFrom(h), change.oldTo(h)).isEmpty()
                    || old.charAt(change.oldTo(h) - 1) == '\n').isTrue();   // whole lines
            at = change.oldTo(h);
        }
        rebuilt.append(old.substring(at));
        assertThat(rebuilt.toString()).isEqualTo(now);
        int hunkChars = 0;
        for (int h = 0; h < change.size(); h++) {
            hunkChars += change.newTo(h) - change.newFrom(h);
        }
        assertThat(hunkChars).as("only the changed lines, not the 6,000 around them").isLessThan(200);
    }

    @Test
    void randomEditsAreRebuiltFromTheirHunksInWholeLines() {
        // Edits anywhere, the first line included, in texts long enough to be split at anchors: whatever blocks the
        // change calls common, the old text with its hunks replaced is the new text.
        java.util.Random random = new java.util.Random(16);
        for (int round = 0; round < 40; round++) {
            java.util.List<String> lines = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                lines.add(random.nextInt(4) == 0 ? " *\t\tshort " + random.nextInt(5)
                        : " * line " + i + " of a comment long enough to be an anchor");
            }
            java.util.List<String> edited = new java.util.ArrayList<>(lines);
            for (int e = 0; e < 1 + random.nextInt(6); e++) {
                int at = e == 0 && round % 2 == 0 ? 0 : random.nextInt(edited.size());
                switch (random.nextInt(3)) {
                    case 0 -> edited.add(at, " * inserted " + round + "." + e + " long enough to be an anchor line");
                    case 1 -> edited.remove(at);
                    default -> edited.set(at, edited.get(at) + " changed");
                }
            }
            String old = String.join("\n", lines) + "\n";
            String now = String.join("\n", edited) + "\n";
            TextChange change = TextChange.between(old, old.toCharArray(), now, now.toCharArray());
            StringBuilder rebuilt = new StringBuilder();
            int at = 0;
            for (int h = 0; h < change.size(); h++) {
                assertThat(change.oldFrom(h)).as("round %d", round).isGreaterThanOrEqualTo(at);
                assertThat(change.oldFrom(h) == 0 || old.charAt(change.oldFrom(h) - 1) == '\n').isTrue();
                assertThat(change.newFrom(h) == 0 || now.charAt(change.newFrom(h) - 1) == '\n').isTrue();
                rebuilt.append(old, at, change.oldFrom(h)).append(now, change.newFrom(h), change.newTo(h));
                at = change.oldTo(h);
            }
            rebuilt.append(old.substring(at));
            assertThat(rebuilt.toString()).as("round %d", round).isEqualTo(now);
        }
    }

    @Test
    void theRequiredSuffixIsConservative() {
        assertThat(Extraction.requiredSuffix("^ \\* ?((.+) \\**\\w+\\((((const )?(\\w+|\\.\\.\\.))(, )?){1,5}\\))$"))
                .isEqualTo(")");
        assertThat(Extraction.requiredSuffix("a\\)$")).isEqualTo("a)");
        assertThat(Extraction.requiredSuffix("(a|b\\))$")).isNull();
        assertThat(Extraction.requiredSuffix("x|a\\)$")).isNull();
        assertThat(Extraction.requiredSuffix("(x)?$")).isNull();
        assertThat(Extraction.requiredSuffix("ab*$")).isNull();
        assertThat(Extraction.requiredSuffix("a\\$")).isNull();
        assertThat(Extraction.requiredSuffix("(?i)abc$")).isNull();
        assertThat(Extraction.requiredSuffix("[)]$")).isNull();
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
