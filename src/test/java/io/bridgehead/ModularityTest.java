package io.bridgehead;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** Module boundaries (Spring Modulith) and the house rules that keep each module's insides private (ArchUnit). */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(BridgeheadApplication.class);
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.bridgehead");

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        MODULES.verify();
    }

    @Test
    void repositoriesAreNotPublic() {
        classes()
                .that()
                .areAssignableTo(Repository.class)
                .should()
                .notBePublic()
                .check(CLASSES);
    }

    @Test
    void entitiesAreNotPublic() {
        classes().that().areAnnotatedWith(Entity.class).should().notBePublic().check(CLASSES);
    }

    @Test
    void controllersAreNotPublic() {
        classes()
                .that()
                .areAnnotatedWith(Controller.class)
                .or()
                .areAnnotatedWith(RestController.class)
                .should()
                .notBePublic()
                .check(CLASSES);
    }

    @Test
    void onlyTheAuditModuleWritesAuditEntries() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.bridgehead.audit..")
                .should()
                .callMethod(io.bridgehead.audit.AuditLog.class, "append", io.bridgehead.audit.AuditEvent.class)
                .check(CLASSES);
    }

    @Test
    void servicesDoNotDependOnControllers() {
        noClasses()
                .that()
                .areNotMetaAnnotatedWith(Controller.class)
                .should()
                .dependOnClassesThat()
                .areMetaAnnotatedWith(Controller.class)
                .check(CLASSES);
    }
}
