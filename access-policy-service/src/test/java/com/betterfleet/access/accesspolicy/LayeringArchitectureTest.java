package com.betterfleet.access.accesspolicy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Ports and adapters (style.md): domains are plain Java, use cases do not know their adapters. */
class LayeringArchitectureTest {
    private static JavaClasses service;

    @BeforeAll
    static void importService() {
        service = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.betterfleet.access.accesspolicy");
    }

    @Test
    void capabilityDomainIsPlainJava() {
        classes().that().resideInAPackage("..capability.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..capability.domain..")
                .check(service);
    }

    @Test
    void useCasesDoNotKnowTheirAdapters() {
        noClasses().that().resideInAPackage("..application..")
                .should().dependOnClassesThat().resideInAPackage("..adapter..")
                .check(service);
    }

    @Test
    void domainsDoNotKnowUseCasesOrAdapters() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..application..", "..adapter..")
                .check(service);
    }

    @Test
    void httpStaysInTheRestAdapters() {
        noClasses().that().resideOutsideOfPackage("..adapter.in.rest..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
                .check(service);
    }

    @Test
    void sqlIsWrittenOnlyInPersistenceAdapters() {
        noClasses().that().resideOutsideOfPackage("..adapter.out.persistence..")
                .should().callMethod(io.vertx.mutiny.sqlclient.SqlClient.class, "preparedQuery", String.class)
                .orShould().callMethod(io.vertx.mutiny.sqlclient.SqlClient.class, "query", String.class)
                .check(service);
    }
}
