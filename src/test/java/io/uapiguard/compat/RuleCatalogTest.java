package io.uapiguard.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registry tests itself: ids unique and well-formed, each rule has a fixture, each fixture names a rule. */
class RuleCatalogTest {

    private static final List<String> REQUIRED = List.of(
            "helper.id-changed", "helper.removed", "helper.renamed", "helper.added", "helper.return-type-changed",
            "helper.params-changed", "helper.param-renamed", "helper.doc-missing", "helper.duplicate-id",
            "helper.consistency-problem", "mapper.expansion-changed", "mapper.shape-changed", "mapper.removed",
            "enum.value-changed", "enum.sentinel-moved", "enum.removed", "enum.renamed", "define.value-changed",
            "define.removed", "define.became-enum", "struct.field-removed", "struct.field-renamed",
            "struct.field-type-changed", "struct.field-offset-changed", "struct.size-changed", "copy.out-of-sync", "header.added",
            "header.removed");

    private final List<RuleInfo> infos = RuleCatalog.standard().infos();

    @Test
    void everyRuleIsRegisteredOnceWithItsInfo() {
        List<String> ids = infos.stream().map(RuleInfo::id).toList();
        assertThat(ids).doesNotHaveDuplicates().containsAll(REQUIRED);
        assertThat(RuleCatalog.standard().rules()).hasSameSizeAs(infos);
        for (RuleInfo r : infos) {
            assertThat(r.id()).matches("[a-z]+\\.[a-z-]+");
            assertThat(r.title()).isNotBlank().doesNotContain("\n");
            assertThat(r.description()).isNotBlank();
            assertThat(r.defaultSeverity()).isNotNull();
            assertThat(r.reference()).isEqualTo(RuleCatalog.REFERENCE_BASE + "#" + r.id().replace(".", ""));
            assertThat(r.deprecated() ? r.replacedBy() : "current").as(r.id()).isNotNull();
            if (r.deprecated()) {
                assertThat(RuleCatalog.standard().find(r.replacedBy())).as(r.id() + " replacement").isPresent();
            }
        }
    }

    @Test
    void everyRuleHasAFixtureAndEveryFixtureNamesARuleItTriggers() throws IOException {
        Set<String> dirs = new HashSet<>();
        for (Path dir : RuleFixturesTest.fixtureDirs()) {
            String name = dir.getFileName().toString();
            dirs.add(name);
            assertThat(RuleCatalog.standard().find(name)).as("fixture " + name + " names a rule").isPresent();
            for (String file : List.of("old.h", "new.h", "expected.txt")) {
                assertThat(dir.resolve(file)).as(name + "/" + file).isRegularFile();
            }
            assertThat(RuleFixturesTest.expected(dir)).as(name + "/expected.txt").anyMatch(l -> l.startsWith(name + " "));
        }
        assertThat(dirs).containsExactlyInAnyOrderElementsOf(infos.stream().map(RuleInfo::id).toList());
    }

    @Test
    void theRulesDocumentListsEveryRuleWithItsSeverityImpactAndTitle() throws IOException {
        String doc = Files.readString(Path.of("docs/rules.md"));
        for (RuleInfo r : infos) {
            assertThat(doc).as(r.id()).contains("### " + r.id() + "\n");
            assertThat(doc).as(r.id()).contains("| `" + r.id() + "` | " + r.defaultSeverity().id() + " | "
                    + r.impact().id() + " | " + r.title() + " |");
            assertThat(doc).as(r.id()).contains(r.description());
        }
    }
}
