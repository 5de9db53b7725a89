package io.uapiguard.header.doc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.uapiguard.header.doc.HelperDocParser.Malformed;
import io.uapiguard.model.HelperDoc;
import io.uapiguard.model.Param;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HelperDocParserTest {

    private final HelperDocParser parser = new HelperDocParser();

    static String fixture(String name) throws IOException {
        try (InputStream in = HelperDocParserTest.class.getResourceAsStream("/header/docs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void extractsEverySignatureOfTheFixtureInOrderWithLinesAndNormalisedTypes() throws IOException {
        List<HelperDoc> docs = parser.parse(fixture("helpers.h"));

        assertThat(docs).containsExactly(
                new HelperDoc(7, "void *", "bpf_thing_lookup", List.of(
                        new Param("struct bpf_map *", "map"), new Param("const void *", "key"))),
                new HelperDoc(13, "u64", "bpf_now", List.of()),
                new HelperDoc(17, "long", "bpf_printk_like", List.of(
                        new Param("const char *", "fmt"), new Param("u32", "fmt_size"), new Param("...", null))),
                new HelperDoc(21, "long", "bpf_strtoul", List.of(
                        new Param("const char *", "buf"), new Param("size_t", "buf_len"), new Param("u64", "flags"),
                        new Param("unsigned long *", "res"))),
                new HelperDoc(25, "int", "bpf_argv", List.of(
                        new Param("char **", "argv"), new Param("char const *", "name"))),
                new HelperDoc(31, "struct bpf_sock *", "bpf_sk_get", List.of(
                        new Param("void *", "ctx"), new Param("u64", null))),
                new HelperDoc(35, "long", "bpf_thing_lookup", List.of(
                        new Param("void *", "ctx"), new Param("int", "key"))));
    }

    @Test
    void reportsCandidatesThatDoNotParseInsteadOfDroppingThem() throws IOException {
        List<Malformed> malformed = parser.scan(fixture("helpers.h")).malformed();

        assertThat(malformed).containsExactly(
                new Malformed(39, "long bpf_broken(struct bpf_map *map, const void *key",
                        "expected the signature to end with ')'"),
                new Malformed(43, "0 on success (or not), an unindented description line",
                        "unexpected '0' in return type"));
    }

    @Test
    void headerWithoutTheMarkerHasNoDocs() {
        HelperDocParser.Result result = parser.scan("/*\n * long bpf_x(int a)\n */\nstruct s { int a; };\n");

        assertThat(result.docs()).isEmpty();
        assertThat(result.malformed()).isEmpty();
    }

    @Test
    void unterminatedCommentIsReadToTheEndOfTheText() {
        String text = "/* Start of BPF helper function descriptions:\n *\n * int bpf_last(void)";

        assertThat(parser.parse(text)).containsExactly(new HelperDoc(3, "int", "bpf_last", List.of()));
    }

    @Test
    void crlfLineEndingsAreAccepted() {
        String text = "/*\r\n * Start of BPF helper function descriptions:\r\n *\r\n * int bpf_x(__u32 *p)\r\n */\r\n";

        assertThat(parser.parse(text)).containsExactly(
                new HelperDoc(4, "int", "bpf_x", List.of(new Param("__u32 *", "p"))));
    }

    @Test
    void aSignatureReadBeforeIsPlacedAtEachOfItsLines() {
        // Signatures are kept by their text once read: a recurring one still gets the line it stands on.
        String text = "/* Start of BPF helper function descriptions:\n * int bpf_x(u64 flags)\n * bpf_bad(int a)\n *\n"
                + " * int bpf_x(u64 flags)\n * bpf_bad(int a)\n */";

        HelperDocParser.Result first = parser.scan(text);
        HelperDocParser.Result again = parser.scan("\n" + text);

        HelperDoc x = new HelperDoc(2, "int", "bpf_x", List.of(new Param("u64", "flags")));
        assertThat(first.docs()).containsExactly(x, new HelperDoc(5, "int", "bpf_x", x.params()));
        assertThat(first.malformed()).extracting(Malformed::line).containsExactly(3, 6);
        assertThat(again.docs()).extracting(HelperDoc::line).containsExactly(3, 6);
        assertThat(again.malformed()).extracting(Malformed::line).containsExactly(4, 7);
        assertThat(again.malformed()).extracting(Malformed::text).containsOnly("bpf_bad(int a)");
    }

    @Test
    void emptyParenthesesGiveNoParams() {
        assertThat(HelperDocParser.parseSignature("long bpf_x()", 1).params()).isEmpty();
    }

    @Test
    void parametersGivenByTypeOnlyHaveNoName() {
        assertThat(HelperDocParser.parseSignature(
                "long bpf_x(unsigned long, struct sk_buff, struct sk_buff *, const char, u64 flags)", 1).params())
                .containsExactly(new Param("unsigned long", null), new Param("struct sk_buff", null),
                        new Param("struct sk_buff *", null), new Param("const char", null), new Param("u64", "flags"));
    }

    @Test
    void ellipsisMustBeLast() {
        assertThat(parser.scan("/* Start of BPF helper function descriptions:\n * int bpf_x(..., int a)\n */")
                .malformed()).containsExactly(new Malformed(2, "int bpf_x(..., int a)", "'...' must be the last parameter"));
    }

    @Test
    void signatureWithoutReturnTypeIsMalformed() {
        assertThat(parser.scan("/* Start of BPF helper function descriptions:\n * bpf_x(int a)\n */").malformed())
                .containsExactly(new Malformed(2, "bpf_x(int a)",
                        "expected a return type and a function name before '('"));
    }

    @Test
    void theCommentEndsTheScanWhereverItCloses() {
        assertThat(parser.scan("/* Start of BPF helper function descriptions: */\n * int bpf_x(int a)\n */").docs())
                .isEmpty();
        HelperDocParser.Result result = parser.scan("\r\n\n/*\r\n * Start of BPF helper function descriptions:\r\n"
                + " * int bpf_x(int a)\r\n * \tDescription (x)\r\n * long bpf_y(void) */\r\n * int bpf_z(int a)\n");
        assertThat(result.docs()).extracting(HelperDoc::function, HelperDoc::line).containsExactly(tuple("bpf_x", 5));
        assertThat(parser.scan("int x; /* no helper comment */").docs()).isEmpty();
    }

    @Test
    void helperCandidatesTryTheNameWithoutThePrefixFirst() {
        assertThat(HelperDocParser.helperCandidates("bpf_map_lookup_elem"))
                .containsExactly("map_lookup_elem", "bpf_map_lookup_elem");
        assertThat(HelperDocParser.helperCandidates("get_local_storage")).containsExactly("get_local_storage");
        assertThat(HelperDocParser.helperCandidates("bpf_")).containsExactly("bpf_");
    }

    @Test
    void aLongHelperCommentWithCrLfLinesGivesEachSignatureAndMalformedCandidateItsLine() {
        String pad = " *\tpadding so that the comment is a long one\n".repeat(20);
        String text = "/* lead */\n/*\n * Start of BPF helper function descriptions:\n *\n * long bpf_one(void *ctx)\n"
                + " * \tDescription\n *\t\tx\r\n * int bpf_two(u32 a, ...)\r\n" + pad + " * bad(\n */\nint x;\n";
        HelperDocParser.Result result = parser.scan(text.toCharArray());
        assertThat(result.docs()).extracting(HelperDoc::function).containsExactly("bpf_one", "bpf_two");
        assertThat(result.docs()).extracting(HelperDoc::line).containsExactly(5, 8);
        assertThat(result.malformed()).extracting(HelperDocParser.Malformed::line).containsExactly(29);
    }
}
