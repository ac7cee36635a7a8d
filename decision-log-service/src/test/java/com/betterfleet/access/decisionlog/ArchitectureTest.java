package com.betterfleet.access.decisionlog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Ports and adapters: the domain is plain Java; the application does not reach into adapters. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.betterfleet.access.decisionlog");
    }

    @Test
    void domainDependsOnNoFramework() {
        noClasses().that().resideInAPackage("..decisionlog.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.vertx..", "io.smallrye..",
                        "jakarta..", "javax.inject..", "com.fasterxml..", "org.eclipse.microprofile..", "org.jboss..",
                        "io.micrometer..", "org.hibernate..")
                .check(classes);
    }

    @Test
    void domainKnowsNoOuterLayer() {
        noClasses().that().resideInAPackage("..decisionlog.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..decisionlog.application..",
                        "..decisionlog.adapter..", "..decisionlog.config..")
                .check(classes);
    }

    @Test
    void applicationKnowsNoAdapter() {
        noClasses().that().resideInAPackage("..decisionlog.application..")
                .should().dependOnClassesThat().resideInAPackage("..decisionlog.adapter..")
                .check(classes);
    }

    @Test
    void incomingAdaptersDoNotUseOutgoingAdapters() {
        noClasses().that().resideInAPackage("..adapter.in..")
                .should().dependOnClassesThat().resideInAPackage("..adapter.out..")
                .check(classes);
    }
}
