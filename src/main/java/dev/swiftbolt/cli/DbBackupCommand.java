package dev.swiftbolt.cli;

import dev.swiftbolt.db.BackupManifest;
import dev.swiftbolt.db.DatabaseBackup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code swiftbolt db backup FILE} and {@code swiftbolt db restore FILE [--force]}. */
final class DbBackupCommand {

  private DbBackupCommand() {}

  /** The answer to both commands when DATABASE_URL names a database this program does not own. */
  static final String EXTERNAL_DATABASE =
      "DATABASE_URL is set: back up that database with its provider's backups (e.g. Supabase's"
          + " daily backups) or pg_dump; `swiftbolt db %s` handles the embedded database only";

  @Command(
      name = "backup",
      mixinStandardHelpOptions = true,
      description = {
        "Write a consistent snapshot of the embedded database to FILE.",
        "Every table is copied in one repeatable-read transaction, so other SwiftBolt processes"
            + " (serve, worker) may keep running. FILE is a zip archive of PostgreSQL COPY files"
            + " with a manifest (versions, row counts); it is replaced once complete. With"
            + " DATABASE_URL set it refuses (exit 2): use the provider's backups or pg_dump."
      })
  static final class Backup implements Callable<Integer> {
    @ParentCommand DbCommand db;

    @Parameters(paramLabel = "FILE", description = "The archive to write, e.g. swiftbolt.backup")
    Path file;

    @Override
    public Integer call() {
      refuseExternalDatabase(db.main, "backup");
      if (Files.isDirectory(file)) {
        throw new IllegalArgumentException(
            "%s is a directory; name the backup file to write".formatted(file));
      }
      var database = db.main.database();
      BackupManifest manifest = DatabaseBackup.write(database, file, Clock.systemUTC());
      System.out.printf(
          "Backed up %d rows of %d tables (schema version %s) to %s%n",
          manifest.totalRows(), manifest.tables().size(), manifest.schemaVersion(), file);
      return 0;
    }
  }

  @Command(
      name = "restore",
      mixinStandardHelpOptions = true,
      description = {
        "Load a backup written by `swiftbolt db backup` into the embedded database.",
        "The home must hold no data (exit 2 naming it otherwise) unless --force, which replaces"
            + " every table's rows. The backup must come from the same schema version as this"
            + " program's; the load is one transaction, so a failure changes nothing. With"
            + " DATABASE_URL set it refuses (exit 2): use the provider's backups or pg_restore."
      })
  static final class Restore implements Callable<Integer> {
    @ParentCommand DbCommand db;

    @Parameters(paramLabel = "FILE", description = "An archive written by `swiftbolt db backup`")
    Path file;

    @Option(names = "--force", description = "Replace the data of a home that holds some")
    boolean force;

    @Override
    public Integer call() {
      refuseExternalDatabase(db.main, "restore");
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("no backup file at %s".formatted(file));
      }
      BackupManifest manifest = DatabaseBackup.readManifest(file);
      var database = db.main.database();
      String schema = DatabaseBackup.schemaVersion(database);
      if (!schema.equals(manifest.schemaVersion())) {
        throw new IllegalArgumentException(
            ("%s holds schema version %s (SwiftBolt %s) but this program's schema is version %s;"
                    + " restore it with SwiftBolt %s, then upgrade")
                .formatted(
                    file,
                    manifest.schemaVersion(),
                    manifest.swiftboltVersion(),
                    schema,
                    manifest.swiftboltVersion()));
      }
      Map<String, Long> held = DatabaseBackup.rowCounts(database);
      long rows = held.values().stream().mapToLong(Long::longValue).sum();
      if (rows > 0 && !force) {
        throw new IllegalArgumentException(
            "the home %s holds data (%s); restore into an empty home or pass --force to replace it"
                .formatted(db.main.config().home(), describe(held)));
      }
      DatabaseBackup.restore(database, file, manifest);
      System.out.printf(
          "Restored %d rows of %d tables (schema version %s, taken %s by SwiftBolt %s) into %s%n",
          manifest.totalRows(),
          manifest.tables().size(),
          manifest.schemaVersion(),
          manifest.takenAt(),
          manifest.swiftboltVersion(),
          db.main.config().home());
      return 0;
    }
  }

  private static void refuseExternalDatabase(Main main, String command) {
    if (main.config().databaseUrl().isPresent()) {
      throw new IllegalArgumentException(EXTERNAL_DATABASE.formatted(command));
    }
  }

  private static String describe(Map<String, Long> rows) {
    return rows.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .map(e -> e.getValue() + " rows in " + e.getKey())
        .collect(Collectors.joining(", "));
  }
}
