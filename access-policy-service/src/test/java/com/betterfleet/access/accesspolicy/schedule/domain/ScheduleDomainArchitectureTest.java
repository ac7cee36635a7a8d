package com.betterfleet.access.accesspolicy.schedule.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ScheduleDomainArchitectureTest {

    @Test
    void scheduleDomainDependsOnTheJdkOnly() {
        JavaClasses domain = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.betterfleet.access.accesspolicy.schedule.domain");
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.betterfleet.access.accesspolicy.schedule.domain..")
                .check(domain);
    }
}
