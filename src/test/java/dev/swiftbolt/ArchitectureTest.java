package dev.swiftbolt;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of DESIGN.md and docs/architecture.md: cli and api sit above the services, never
 * below, and reach them only through services; no package cycles; a package's {@code internal}
 * helpers stay its own; the vocabulary and the validator are pure; only the composition root reads
 * the wall clock. ArchUnit's {@code check} asserts each rule and fails with every violating
 * dependency.
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

  @Test
  void no_cycles_between_top_level_packages() {
    slices().matching("dev.swiftbolt.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void no_cycles_between_the_rooms_of_ml() {
    slices().matching("dev.swiftbolt.ml.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void an_internal_package_is_used_only_by_its_parent_package() {
    classes().should(useInternalsOnlyOfTheirOwnPackage()).check(classes);
  }

  @Test
  void cli_and_api_reach_the_database_only_through_services() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.swiftbolt.cli..", "dev.swiftbolt.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.jdbi..", "java.sql..")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleNameEndingWith("Repository")
        .check(classes);
  }

  @Test
  void the_vocabulary_and_the_validator_import_only_the_jdk_jackson_annotations_and_each_other() {
    classes()
        .that()
        .resideInAnyPackage("dev.swiftbolt.market..", "dev.swiftbolt.validation..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "com.fasterxml.jackson.annotation..",
            "dev.swiftbolt.market..",
            "dev.swiftbolt.validation..",
            // SampleStatistics' confidence intervals need the normal distribution's quantiles;
            // DESIGN.md's stack names Commons Math for statistics, so validation may use it
            // rather than a hand-written inverse CDF. The vocabulary (market) has no such need,
            // and the cycle rule keeps market below validation.
            "org.apache.commons.math3..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.swiftbolt.market..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.commons.math3..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void only_the_composition_root_reads_the_wall_clock() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.swiftbolt.cli")
        .should()
        .callMethodWhere(readsTheWallClock())
        .check(classes);
  }

  /** Types whose static {@code now(..)} without a {@code Clock} argument reads the wall clock. */
  private static final Set<String> TIME_TYPES =
      Set.of(
          "java.time.Instant",
          "java.time.LocalDate",
          "java.time.LocalDateTime",
          "java.time.LocalTime",
          "java.time.ZonedDateTime",
          "java.time.OffsetDateTime",
          "java.time.OffsetTime",
          "java.time.Year",
          "java.time.YearMonth",
          "java.time.MonthDay");

  /**
   * {@code X.now()} or {@code X.now(ZoneId)} of a java.time type, {@code Clock.systemUTC()}, {@code
   * Clock.systemDefaultZone()}, {@code Clock.system(ZoneId)} and {@code
   * System.currentTimeMillis()}. {@code X.now(clock)} reads an injected clock and is allowed;
   * {@code System.nanoTime()} measures elapsed time, not the date, and is allowed too.
   */
  private static DescribedPredicate<JavaMethodCall> readsTheWallClock() {
    return DescribedPredicate.describe(
        "a read of the wall clock (now() without a Clock, Clock.system*, currentTimeMillis)",
        call -> {
          String owner = call.getTargetOwner().getName();
          String name = call.getName();
          if (TIME_TYPES.contains(owner) && name.equals("now")) {
            return call.getTarget().getRawParameterTypes().stream()
                .noneMatch(type -> type.isEquivalentTo(java.time.Clock.class));
          }
          if (owner.equals("java.time.Clock")) {
            return name.startsWith("system");
          }
          return owner.equals("java.lang.System") && name.equals("currentTimeMillis");
        });
  }

  /**
   * A dependency on {@code p.internal[.sub]} is allowed only from {@code p} itself and from {@code
   * p.internal} and its subpackages.
   */
  private static ArchCondition<JavaClass> useInternalsOnlyOfTheirOwnPackage() {
    return new ArchCondition<>("use an internal package only from its parent package") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          String target = dependency.getTargetClass().getPackageName();
          if (!target.startsWith("dev.swiftbolt.")) {
            continue;
          }
          int at = (target + ".").indexOf(".internal.");
          if (at < 0) {
            continue;
          }
          String parent = target.substring(0, at);
          String from = origin.getPackageName();
          boolean allowed =
              from.equals(parent)
                  || from.equals(parent + ".internal")
                  || from.startsWith(parent + ".internal.");
          if (!allowed) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }
}
