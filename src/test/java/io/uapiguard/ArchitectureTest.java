package io.uapiguard;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The layering of ARCHITECTURE.md, checked over the compiled main classes: git → header (lex → pp → decl → doc)
 * → model → compat → store → api/web/cli. Lower layers never import higher ones, and no two packages import
 * each other.
 *
 * <p>It reads compiled classes only, a dozen seconds of one core: it runs beside the suite's sequential classes.
 */
@Execution(ExecutionMode.CONCURRENT)
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.uapiguard");
    }

    @Test
    void gitIsTheGroundFloor() {
        noClasses().that().resideInAPackage("io.uapiguard.git..")
                .should().dependOnClassesThat().resideInAnyPackage("io.uapiguard.header..", "io.uapiguard.model..",
                        "io.uapiguard.compat..", "io.uapiguard.store..", "io.uapiguard.history..", "io.uapiguard.api..",
                        "io.uapiguard.web..", "io.uapiguard.cli..", "io.uapiguard.admin..")
                .check(main);
    }

    @Test
    void theFrontEndKnowsNothingOfComparisonStorageOrItsUsers() {
        noClasses().that().resideInAPackage("io.uapiguard.header..")
                .should().dependOnClassesThat().resideInAnyPackage("io.uapiguard.compat..", "io.uapiguard.store..",
                        "io.uapiguard.api..", "io.uapiguard.web..", "io.uapiguard.cli..", "io.uapiguard.admin..",
                        "io.uapiguard.history..", "io.uapiguard.git..", "io.uapiguard.policy..",
                        "io.uapiguard.output..", "io.uapiguard.patch..")
                .check(main);
    }

    @Test
    void eachFrontEndStageReadsOnlyTheStagesBeforeIt() {
        noClasses().that().resideInAPackage("io.uapiguard.header.lex..")
                .should().dependOnClassesThat().resideInAnyPackage("io.uapiguard.header", "io.uapiguard.header.pp..",
                        "io.uapiguard.header.decl..", "io.uapiguard.header.doc..")
                .check(main);
        noClasses().that().resideInAPackage("io.uapiguard.header.pp..")
                .should().dependOnClassesThat().resideInAnyPackage("io.uapiguard.header",
                        "io.uapiguard.header.decl..", "io.uapiguard.header.doc..")
                .check(main);
        noClasses().that().resideInAPackage("io.uapiguard.header.decl..")
                .should().dependOnClassesThat().resideInAnyPackage("io.uapiguard.header", "io.uapiguard.header.doc..")
                .check(main);
        noClasses().that().resideInAPackage("io.uapiguard.header.doc..")
                .should().dependOnClassesThat().resideInAnyPackage("io.uapiguard.header")
                .check(main);
    }

    @Test
    void theModelStandsAlone() {
        classes().that().resideInAPackage("io.uapiguard.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.uapiguard", "io.uapiguard.model..",
                        "java..", "com.fasterxml.jackson.annotation..")
                .check(main);
    }

    @Test
    void comparisonKnowsNoHttpSqlOrGit() {
        noClasses().that().resideInAPackage("io.uapiguard.compat..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                        "java.sql..", "javax.sql..", "org.eclipse.jgit..", "io.uapiguard.store..", "io.uapiguard.api..",
                        "io.uapiguard.web..", "io.uapiguard.cli..", "io.uapiguard.history..",
                        "io.uapiguard.git..", "io.uapiguard.admin..")
                .check(main);
    }

    /**
     * The store persists and reads comparisons, so it knows their records (Comparison, Finding, Location,
     * Severity); it never runs the engine or a rule to make one.
     */
    @Test
    void theStoreNeverCompares() {
        noClasses().that().resideInAPackage("io.uapiguard.store..")
                .should().dependOnClassesThat(resideInAPackage("io.uapiguard.compat..").and(not(nameMatching(
                        "io\\.uapiguard\\.compat\\.(Comparison|Finding|Location|Severity)(\\$.*)?"))))
                .check(main);
    }

    @Test
    void theApplicationExceptionKnowsNoHttp() {
        noClasses().that().haveFullyQualifiedName(UapiguardException.class.getName())
                .or().haveFullyQualifiedName(UapiguardException.Reason.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..")
                .check(main);
    }

    @Test
    void noTwoPackagesImportEachOther() {
        slices().matching("io.uapiguard.(*)..").should().beFreeOfCycles().check(main);
        slices().matching("io.uapiguard.header.(*)..").should().beFreeOfCycles().check(main);
    }
}
