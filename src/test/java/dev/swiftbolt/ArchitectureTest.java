package dev.swiftbolt;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency direction of DESIGN.md: cli and api sit above the services, never below.
 * ArchUnit's {@code check} asserts each rule and fails with every violating dependency.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.swiftbolt");
  }

  @Test
  void services_never_depend_on_cli_or_api() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.swiftbolt.cli..", "dev.swiftbolt.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.swiftbolt.cli..", "dev.swiftbolt.api..")
        .check(classes);
  }

  @Test
  void the_api_does_not_call_the_cli() {
    noClasses()
        .that()
        .resideInAPackage("dev.swiftbolt.api..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.swiftbolt.cli..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void the_validator_is_pure_no_database_no_http_no_clock() {
    noClasses()
        .that()
        .resideInAPackage("dev.swiftbolt.validation")
        .and()
        .haveSimpleNameNotEndingWith("Repository")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.sql..", "org.jdbi..", "dev.swiftbolt.db..", "io.javalin..", "java.net.http..")
        .orShould()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .check(classes);
  }
}
