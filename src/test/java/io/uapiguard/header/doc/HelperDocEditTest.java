package io.uapiguard.header.doc;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.corpus.Corpus;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A check's candidate scanned as an edit of its base (the base's signatures on the lines the change left alone, the
 * hunks' lines read) finds exactly what scanning it whole finds: on edits of every kind around and inside the helper
 * comment, and on the history of bpf.h.
 */
class HelperDocEditTest {

    private final HelperDocParser parser = new HelperDocParser();

    private void assertSameScan(String base, String edit, String what) {
        String candidate = new String(edit.toCharArray());   // never the base's String
        HelperDocParser.Result whole = parser.scan(candidate.toCharArray(), candidate);
        assertThat(parser.scan(candidate.toCharArray(), candidate, base)).as(what).isEqualTo(whole);
    }

    @Test
    void editsInsideTheCommentAndAroundItScanAsTheWholeText() throws IOException {
        String base = HelperDocParserTest.fixture("helpers.h");
        String signature = " * long bpf_thing_lookup(void *ctx, int key)\n";
        assertSameScan(base, base, "no change");
        assertSameScan(base, "/* a line before */\n" + base, "a line before all");
        assertSameScan(base, base.replace(signature, " * long bpf_added(int a)\n" + signature), "a signature added");
        assertSameScan(base, base.replace(signature, ""), "a signature removed");
        assertSameScan(base, base.replace(signature, " * long bpf_thing_lookup(void *ctx, int key\n"),
                "a signature broken");
        assertSameScan(base, base.replace(signature, signature + " */\n"), "the comment closed earlier");
        assertSameScan(base, base.replaceFirst(" \\*/", " *"), "the comment's end removed");
        assertSameScan(base, base.replace(HelperDocParser.START_MARKER, "Start of the helpers:"), "no marker");
        assertSameScan(base, base.replace("\n", "\r\n"), "every line ending changed");
        assertSameScan(base, base.replace(signature, signature.replace("\n", "\r\n")), "one line ending changed");
    }

    @Test
    void randomEditsOfAHelperCommentScanAsTheWholeText() throws IOException {
        String base = HelperDocParserTest.fixture("helpers.h");
        String[] pieces = {"", "\n", " * long bpf_new(int a, u64 b)\n", " * \tdescription\n", " */\n",
            " * " + HelperDocParser.START_MARKER + "\n", " * void *bpf_broken(int\n", "x", " * u64 bpf_now(void)\n",
            "\r\n", "/*\n"};
        Random random = new Random(11);
        for (int round = 0; round < 2000; round++) {
            StringBuilder edit = new StringBuilder(base);
            for (int e = random.nextInt(4); e >= 0; e--) {
                int at = random.nextInt(edit.length() + 1);
                int cut = Math.min(edit.length() - at, random.nextInt(60));
                edit.replace(at, at + cut, pieces[random.nextInt(pieces.length)]);
            }
            assertSameScan(base, edit.toString(), "round " + round + ":\n" + edit);
        }
    }

    @Test
    void everyRevisionOfBpfHAsAnEditOfTheOneBeforeAndOfOneFarBefore() {
        for (Corpus.Edit edit : Corpus.require().edits(50)) {
            assertSameScan(edit.base(), edit.text(), edit.what());
        }
    }
}
