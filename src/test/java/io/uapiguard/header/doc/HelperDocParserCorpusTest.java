package io.uapiguard.header.doc;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.corpus.Corpus;
import io.uapiguard.model.HelperDoc;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** HelperDocParser over every revision of the real bpf.h history. */
class HelperDocParserCorpusTest {

    /** The shape of a signature as the kernel's scripts/bpf_doc.py accepts it, unindented: an independent oracle. */
    private static final Pattern BPF_DOC_PROTO = Pattern.compile(
            "^ \\* (\\S.*) \\**(\\w+)\\((((const )?(struct )?(\\w+|\\.\\.\\.)( \\**\\w+)?)(, )?){0,5}\\)$");
    private static final Pattern MAPPER_ENTRY = Pattern.compile("FN\\((\\w+)[,)]");

    private static List<Corpus.Revision> revisions;

    /** Read once for the class: reading 408 blobs is the expensive part. */
    private static synchronized List<Corpus.Revision> revisions() {
        if (revisions == null) {
            revisions = Corpus.require().revisions();
        }
        return revisions;
    }

    @Test
    void everyRevisionYieldsWellFormedSignaturesOfKnownHelpers() {
        List<Corpus.Revision> revisions = revisions();
        assertThat(revisions).hasSize(408);
        HelperDocParser parser = new HelperDocParser();
        SoftAssertions soft = new SoftAssertions();
        int total = 0;
        for (Corpus.Revision rev : revisions) {
            String where = rev.commit().name();
            HelperDocParser.Result result = parser.scan(rev.text());
            soft.assertThat(result.malformed()).as("malformed at %s", where).isEmpty();
            soft.assertThat(result.docs()).as("docs at %s", where).isNotEmpty();

            Set<String> mapperNames = new HashSet<>();
            Matcher m = MAPPER_ENTRY.matcher(rev.text());
            while (m.find()) {
                mapperNames.add(m.group(1));
            }
            for (HelperDoc doc : result.docs()) {
                soft.assertThat(doc.returnType()).as("return type at %s:%d", where, doc.line()).isNotBlank();
                soft.assertThat(doc.function()).as("name at %s:%d", where, doc.line()).matches("[A-Za-z_]\\w*");
                soft.assertThat(doc.params()).as("params at %s:%d", where, doc.line()).hasSizeLessThanOrEqualTo(5);
                soft.assertThat(HelperDocParser.helperCandidates(doc.function()))
                        .as("FN(...) of the mapper for the doc of %s at %s:%d", doc.function(), where, doc.line())
                        .containsAnyElementsOf(mapperNames);
            }
            soft.assertThat(lineAndName(result.docs())).as("same signatures as bpf_doc.py's pattern at %s", where)
                    .isEqualTo(oracle(rev.text()));
            total += result.docs().size();
        }
        soft.assertAll();
        assertThat(total).isGreaterThan(408 * 100);
    }

    @Test
    void newestRevisionDocumentsMapLookupElemFirstWithItsExactSignature() {
        List<Corpus.Revision> revisions = revisions();
        String newest = revisions.get(revisions.size() - 1).text();
        List<HelperDoc> docs = new HelperDocParser().parse(newest);

        HelperDoc first = docs.get(0);
        assertThat(first.function()).isEqualTo("bpf_map_lookup_elem");
        assertThat(first.returnType()).isEqualTo("void *");
        assertThat(first.params()).extracting(p -> p.type() + "|" + p.name())
                .containsExactly("struct bpf_map *|map", "const void *|key");
        assertThat(newest.split("\n", -1)[first.line() - 1])
                .isEqualTo(" * void *bpf_map_lookup_elem(struct bpf_map *map, const void *key)");
    }

    private static List<String> lineAndName(List<HelperDoc> docs) {
        List<String> out = new ArrayList<>();
        for (HelperDoc d : docs) {
            out.add(d.line() + ":" + d.function());
        }
        return out;
    }

    private static List<String> oracle(String text) {
        String[] lines = text.split("\n", -1);
        List<String> out = new ArrayList<>();
        boolean on = false;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(HelperDocParser.START_MARKER)) {
                on = true;
                continue;
            }
            if (on && lines[i].contains("*/")) {
                break;
            }
            if (!on || !lines[i].startsWith(" * ") || lines[i].length() < 4 || Character.isWhitespace(lines[i].charAt(3))) {
                continue; // the pattern needs a non-blank after " * ": skip the regex for description lines
            }
            Matcher m = BPF_DOC_PROTO.matcher(lines[i]);
            if (m.matches()) {
                out.add((i + 1) + ":" + m.group(2));
            }
        }
        return out;
    }
}
