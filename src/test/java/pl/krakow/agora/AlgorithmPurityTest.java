package pl.krakow.agora;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.Test;

/**
 * The algorithms that decide results (tally, sortition, language detection) are plain Java: no
 * Spring, JPA or Vaadin type may reach them, so that anyone can run and audit them alone
 * (architecture.md "Modules").
 */
class AlgorithmPurityTest {

    static final ArchRule ALGORITHMS_ARE_PURE_JAVA = noClasses()
            .that().resideInAnyPackage("..tally..", "..sortition..", "..detect..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "javax.persistence..",
                    "com.vaadin..", "org.hibernate..")
            .because("algorithm packages must stay framework-free (architecture.md)");

    @Test
    void algorithmPackagesImportNoFramework() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("pl.krakow.agora");
        ALGORITHMS_ARE_PURE_JAVA.check(main);
    }

    @Test
    void theRuleCatchesAFrameworkImport() {
        JavaClasses fixture = new ClassFileImporter().importPackages("pl.krakow.agora.fixture.tally");
        assertThatThrownBy(() -> ALGORITHMS_ARE_PURE_JAVA.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.springframework");
    }
}
