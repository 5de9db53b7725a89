package io.uapiguard.header;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.corpus.Corpus;
import io.uapiguard.header.doc.MapperReader;
import io.uapiguard.header.pp.Budget;
import io.uapiguard.header.pp.ConstantEvaluator;
import io.uapiguard.header.pp.Limits;
import io.uapiguard.header.pp.Preprocessor;
import io.uapiguard.model.Abi;
import io.uapiguard.model.Field;
import io.uapiguard.model.Helper;
import io.uapiguard.model.HelperDoc;
import io.uapiguard.model.MapperMacro;
import io.uapiguard.model.StructDecl;
import io.uapiguard.model.UapiModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The front end over every revision of the real bpf.h (408, both mapper shapes): the acceptance criteria.
 * The corpus is parsed once for all tests of this class.
 */
@Execution(ExecutionMode.CONCURRENT)
class CorpusFrontEndTest {

    private static List<Corpus.Revision> revisions;
    private static List<UapiModel> models;

    @BeforeAll
    static void parseEveryRevision() {
        revisions = Corpus.require().revisions();
        HeaderParser parser = new HeaderParser();
        models = new ArrayList<>();
        for (Corpus.Revision r : revisions) {
            // Any UapiguardException fails the test with its file:line:column message.
            models.add(parser.parse(r.commit().name() + ":" + Corpus.HEADER_PATH, r.text()));
        }
    }

    @Test
    void everyRevisionParses() {
        assertThat(revisions).hasSize(408);
        assertThat(models).hasSize(408);
    }

    @Test
    void helperIdsAreContiguousFromUnspecWithoutDuplicates() {
        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < models.size(); i++) {
            List<Helper> helpers = models.get(i).helpers();
            String where = revisions.get(i).commit().name();
            soft.assertThat(helpers).as("helpers at %s", where).isNotEmpty();
            soft.assertThat(helpers.get(0).name()).as("first helper at %s", where).isEqualTo("unspec");
            soft.assertThat(helpers.stream().mapToLong(Helper::id).sorted().toArray()).as("ids at %s", where)
                    .containsExactly(LongStream.range(0, helpers.size()).toArray());
            soft.assertThat(models.get(i).problems().stream().filter(p -> p.kind().equals("helper-duplicate-id")))
                    .as("duplicate ids at %s", where).isEmpty();
        }
        soft.assertAll();
    }

    @Test
    void explicitMapperIdsEqualTheEnumValues() {
        SoftAssertions soft = new SoftAssertions();
        int explicitRevisions = 0;
        for (int i = 0; i < models.size(); i++) {
            String file = revisions.get(i).commit().name();
            Budget budget = new Budget(Limits.DEFAULT, file);
            Preprocessor pp = new Preprocessor(file, budget, Abi.X86_64);
            Preprocessor.Result result = pp.run(revisions.get(i).text());
            List<Helper> entries = new MapperReader(result, new ConstantEvaluator(budget, Abi.X86_64))
                    .explicitEntries();
            if (entries.isEmpty()) {
                continue;
            }
            explicitRevisions++;
            Map<String, Long> enumIds = models.get(i).helpers().stream()
                    .collect(Collectors.toMap(Helper::name, Helper::id));
            Map<String, Long> mapperIds = new HashMap<>();
            entries.forEach(e -> mapperIds.put(e.name(), e.id()));
            soft.assertThat(mapperIds).as("mapper ids at %s", file).isEqualTo(enumIds);
            soft.assertThat(models.get(i).problems().stream().filter(p -> p.kind().equals("mapper-id-mismatch")))
                    .as("mapper-id-mismatch at %s", file).isEmpty();
        }
        soft.assertAll();
        assertThat(explicitRevisions).as("revisions with explicit mapper ids").isGreaterThan(0).isLessThan(408);
    }

    @Test
    void newestRevisionHas212HelpersEndingWithCgrpStorageDelete() {
        UapiModel newest = models.get(models.size() - 1);
        assertThat(newest.helpers()).hasSize(212);
        assertThat(newest.helpers()).extracting(Helper::id)
                .containsExactlyElementsOf(LongStream.range(0, 212).boxed().toList());
        Helper last = newest.helpers().get(211);
        assertThat(last.name()).isEqualTo("cgrp_storage_delete");
        assertThat(last.id()).isEqualTo(211);
        assertThat(newest.mapper().macros()).extracting(MapperMacro::name)
                .containsExactly("___BPF_FUNC_MAPPER", "__BPF_FUNC_MAPPER_APPLY", "__BPF_FUNC_MAPPER");
    }

    @Test
    void bothMapperShapesExpandToTheHelpersInIdOrder() {
        SoftAssertions soft = new SoftAssertions();
        int positional = 0;
        int explicit = 0;
        for (int i = 0; i < models.size(); i++) {
            UapiModel m = models.get(i);
            String where = revisions.get(i).commit().name();
            StringBuilder expected = new StringBuilder();
            m.helpers().stream().sorted((a, b) -> Long.compare(a.id(), b.id()))
                    .forEach(h -> expected.append(expected.isEmpty() ? "" : " ").append("FN(").append(h.name()).append("),"));
            soft.assertThat(m.mapper().expansion()).as("expansion at %s", where).isEqualTo(expected.toString());
            MapperMacro first = m.mapper().macros().get(0);
            if (first.fnArity() == 1 && first.separator().equals(",") && first.params().equals(List.of("FN"))) {
                positional++;
            } else if (first.fnArity() == 3 && first.separator().isEmpty()
                    && first.params().equals(List.of("FN", "ctx..."))) {
                explicit++;
            } else {
                soft.fail("unexpected mapper shape at %s: %s", where, first);
            }
        }
        soft.assertAll();
        assertThat(positional).as("revisions with the positional shape").isGreaterThan(0);
        assertThat(explicit).as("revisions with the explicit shape").isGreaterThan(0);
        assertThat(positional + explicit).isEqualTo(408);
    }

    @Test
    void everyDocumentedSignatureHasReturnTypeNameAndAtMostFiveParameters() {
        SoftAssertions soft = new SoftAssertions();
        int documented = 0;
        for (int i = 0; i < models.size(); i++) {
            String where = revisions.get(i).commit().name();
            for (Helper h : models.get(i).helpers()) {
                for (HelperDoc d : h.docs()) {
                    documented++;
                    soft.assertThat(d.returnType()).as("return type of %s at %s", d.function(), where).isNotBlank();
                    soft.assertThat(d.function()).as("name at %s:%d", where, d.line()).isNotBlank();
                    soft.assertThat(d.params()).as("params of %s at %s", d.function(), where).hasSizeLessThanOrEqualTo(5);
                }
            }
        }
        soft.assertAll();
        assertThat(documented).isGreaterThan(408 * 100);
    }

    @Test
    void bpfAttrAndSkBuffHaveASizeAndEveryFieldAnOffsetInside() {
        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < models.size(); i++) {
            String where = revisions.get(i).commit().name();
            for (String name : List.of("union bpf_attr", "struct __sk_buff")) {
                StructDecl s = models.get(i).structs().stream()
                        .filter(d -> (d.kind() + " " + d.name()).equals(name)).findFirst().orElse(null);
                soft.assertThat(s).as("%s at %s", name, where).isNotNull();
                if (s == null) {
                    continue;
                }
                soft.assertThat(s.size()).as("size of %s at %s", name, where).isPositive();
                soft.assertThat(s.fields()).as("fields of %s at %s", name, where).isNotEmpty();
                for (Field f : s.fields()) {
                    soft.assertThat(f.offsetBits()).as("offset of %s.%s at %s", name, f.path(), where)
                            .isBetween(0L, s.size() * 8 - f.sizeBits());
                }
            }
        }
        soft.assertAll();
    }
}
