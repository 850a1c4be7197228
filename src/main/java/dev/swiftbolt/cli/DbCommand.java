package dev.swiftbolt.cli;

import java.util.concurrent.Callable;
import org.flywaydb.core.api.MigrationInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code swiftbolt db migrate | db info | db backup FILE | db restore FILE [--force]}. */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description =
        "Database schema and backups: apply migrations, show their state, back up or restore the"
            + " embedded database.",
    subcommands = {
      DbCommand.Migrate.class,
      DbCommand.Info.class,
      DbBackupCommand.Backup.class,
      DbBackupCommand.Restore.class
    })
final class DbCommand extends CommandGroup {

  @Command(
      name = "migrate",
      mixinStandardHelpOptions = true,
      description = {
        "Apply pending migrations and print the version.",
        "Every command also does this on start."
      })
  static final class Migrate implements Callable<Integer> {
    @ParentCommand DbCommand db;

    @Override
    public Integer call() {
      var database = db.main.database();
      int applied = database.migrate();
      var current = database.flyway().info().current();
      System.out.printf(
          "Schema is at version %s (%s); %d migration(s) applied now.%n",
          current == null ? "none" : current.getVersion(),
          database.isEmbedded() ? "embedded PostgreSQL" : database.settings().address(),
          applied);
      return 0;
    }
  }

  @Command(
      name = "info",
      mixinStandardHelpOptions = true,
      description = "List migrations with their state and the database in use.")
  static final class Info implements Callable<Integer> {
    @ParentCommand DbCommand db;

    @Override
    public Integer call() {
      var database = db.main.database();
      System.out.println(
          "Database: "
              + (database.isEmbedded()
                  ? "embedded PostgreSQL under " + db.main.config().home().resolve("pgdata")
                  : database.settings().address()));
      System.out.printf("%-8s %-40s %-10s %s%n", "version", "description", "state", "installed");
      for (MigrationInfo info : database.flyway().info().all()) {
        System.out.printf(
            "%-8s %-40s %-10s %s%n",
            info.getVersion(),
            info.getDescription(),
            info.getState().getDisplayName(),
            info.getInstalledOn() == null ? "" : info.getInstalledOn().toInstant());
      }
      return 0;
    }
  }
}
