package dev.swiftbolt.marketdata;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The market-data rules are pure: no database, no network, no hidden clock. ArchUnit's {@code
 * check} asserts each rule, failing with every violating call, and also fails when a rule matches
 * no class at all, so a renamed class cannot make the test pass vacuously.
 */
class PureCoreArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.swiftbolt.marketdata");

  @Test
  void calendar_schedule_resampler_simulator_quality_and_csv_parsing_are_pure() {
    noClasses()
        .that()
        .haveSimpleNameStartingWith("TradingCalendar")
        .or()
        .haveSimpleNameStartingWith("BarSchedule")
        .or()
        .haveSimpleNameStartingWith("Resampler")
        .or()
        .haveSimpleNameStartingWith("MarketSimulator")
        .or()
        .haveSimpleNameStartingWith("DataQuality")
        .or()
        .haveSimpleNameStartingWith("CsvBarParser")
        .or()
        .haveSimpleNameStartingWith("IntradayPath")
        .or()
        .haveSimpleNameStartingWith("NyseHolidayRules")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "org.jdbi..", "dev.swiftbolt.db..", "java.net.http..")
        .orShould()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(Clock.class, "systemUTC")
        .orShould()
        .callMethod(Clock.class, "systemDefaultZone")
        .check(CLASSES);
  }
}
