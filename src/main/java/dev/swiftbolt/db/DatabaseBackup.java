package dev.swiftbolt.db;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.config.SwiftBoltVersion;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A backup of SwiftBolt's tables as one zip archive: {@code manifest.json} and one PostgreSQL
 * {@code COPY} text file per table ({@code tables/NAME.copy}).
 *
 * <p>Why {@code COPY} in one transaction rather than {@code pg_dump}: the embedded server's
 * binaries (zonky's bundle) hold {@code initdb}, {@code pg_ctl} and {@code postgres} only, no
 * {@code pg_dump}. Every table is copied inside one {@code REPEATABLE READ READ ONLY} transaction,
 * so the archive is one consistent snapshot while other SwiftBolt processes keep writing; the
 * schema itself is not in the archive: it is the program's migrations at {@link
 * BackupManifest#schemaVersion()}.
 *
 * <p>A restore runs in one transaction: it empties every table, loads the archive's rows with
 * triggers off ({@code session_replication_role = replica}, so tracking rows do not queue jobs a
 * second time), sets the sequences and checks each table's row count against the manifest; on any
 * failure nothing changes. It needs a superuser, which the embedded server's user is.
 */
public final class DatabaseBackup {

  static final String MANIFEST = "manifest.json";
  private static final String TABLES = "tables/";

  /** Flyway's own history is written by the migrations that the restoring program runs. */
  private static final String FLYWAY_HISTORY = "flyway_schema_history";

  private static final ObjectMapper JSON = Json.mapper();

  private DatabaseBackup() {}

  /**
   * Writes a consistent snapshot of every table of {@code database} to {@code file} (replaced
   * atomically once complete).
   *
   * @throws UncheckedIOException when the file cannot be written
   * @throws IllegalStateException when the database cannot be read
   */
  public static BackupManifest write(Database database, Path file, Clock clock) {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try (Connection connection = database.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
      BackupManifest manifest;
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
        manifest = writeSnapshot(connection, zip, schemaVersion(database), clock);
      } finally {
        connection.rollback();
      }
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
      return manifest;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not write the backup " + file + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new IllegalStateException("backup failed: " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // the partial file is named as such; a failed clean-up leaves it visibly unfinished
      }
    }
  }

  private static BackupManifest writeSnapshot(
      Connection connection, ZipOutputStream zip, String schemaVersion, Clock clock)
      throws SQLException, IOException {
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    // The first statement fixes the snapshot: every COPY below reads the same moment.
    List<BackupManifest.Sequence> sequences = sequences(connection);
    List<BackupManifest.Table> tables = new ArrayList<>();
    for (Map.Entry<String, List<String>> table : tableColumns(connection).entrySet()) {
      zip.putNextEntry(new ZipEntry(TABLES + table.getKey() + ".copy"));
      long rows =
          copy.copyOut(
              "COPY (SELECT %s FROM %s) TO STDOUT"
                  .formatted(columnList(table.getValue()), quote(table.getKey())),
              new FilterOutputStream(zip) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                  out.write(b, off, len);
                }

                @Override
                public void close() {
                  // the zip entry is closed below, not by the copy
                }
              });
      zip.closeEntry();
      tables.add(new BackupManifest.Table(table.getKey(), table.getValue(), rows));
    }
    BackupManifest manifest =
        new BackupManifest(
            BackupManifest.FORMAT,
            BackupManifest.FORMAT_VERSION,
            SwiftBoltVersion.current(),
            schemaVersion,
            clock.instant(),
            tables,
            sequences);
    zip.putNextEntry(new ZipEntry(MANIFEST));
    zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
    zip.closeEntry();
    return manifest;
  }

  /**
   * Reads the manifest of the archive {@code file}.
   *
   * @throws IllegalArgumentException when it is not a SwiftBolt backup (naming the file)
   */
  public static BackupManifest readManifest(Path file) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry entry = zip.getEntry(MANIFEST);
      if (entry == null) {
        throw notABackup(file, "it has no " + MANIFEST);
      }
      try (InputStream in = zip.getInputStream(entry)) {
        BackupManifest manifest = JSON.readValue(in, BackupManifest.class);
        if (!BackupManifest.FORMAT.equals(manifest.format())
            || manifest.formatVersion() != BackupManifest.FORMAT_VERSION) {
          throw notABackup(
              file,
              "its format is %s version %d, this program reads %s version %d"
                  .formatted(
                      manifest.format(),
                      manifest.formatVersion(),
                      BackupManifest.FORMAT,
                      BackupManifest.FORMAT_VERSION));
        }
        return manifest;
      }
    } catch (java.util.zip.ZipException e) {
      throw notABackup(file, "it is not a zip archive");
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the backup %s: %s".formatted(file, e.getMessage()), e);
    }
  }

  private static IllegalArgumentException notABackup(Path file, String why) {
    return new IllegalArgumentException(
        "%s is not a SwiftBolt backup: %s; make one with `swiftbolt db backup FILE`"
            .formatted(file, why));
  }

  /**
   * Replaces every table's rows in {@code database} with the archive's, in one transaction; the
   * caller has checked that {@code manifest} (read from {@code file}) matches the schema.
   *
   * @throws IllegalStateException when a table's columns or row count do not match (nothing is
   *     changed then)
   */
  public static void restore(Database database, Path file, BackupManifest manifest) {
    try (ZipFile zip = new ZipFile(file.toFile());
        Connection connection = database.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      try {
        load(connection, zip, manifest);
        connection.commit();
      } catch (SQLException | IOException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not read the backup " + file + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new IllegalStateException("restore failed, nothing changed: " + e.getMessage(), e);
    }
  }

  private static void load(Connection connection, ZipFile zip, BackupManifest manifest)
      throws SQLException, IOException {
    Map<String, List<String>> columns = tableColumns(connection);
    for (BackupManifest.Table table : manifest.tables()) {
      if (!table.columns().equals(columns.get(table.name()))) {
        throw new IllegalStateException(
            "table %s has columns %s here but %s in the backup"
                .formatted(table.name(), columns.get(table.name()), table.columns()));
      }
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET LOCAL session_replication_role = replica");
      if (!columns.isEmpty()) {
        statement.execute(
            "TRUNCATE %s RESTART IDENTITY CASCADE"
                .formatted(
                    String.join(
                        ", ", columns.keySet().stream().map(DatabaseBackup::quote).toList())));
      }
    }
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    for (BackupManifest.Table table : manifest.tables()) {
      ZipEntry entry = zip.getEntry(TABLES + table.name() + ".copy");
      if (entry == null) {
        throw new IllegalStateException("the backup has no rows file for table " + table.name());
      }
      try (InputStream in = zip.getInputStream(entry)) {
        long rows =
            copy.copyIn(
                "COPY %s (%s) FROM STDIN"
                    .formatted(quote(table.name()), columnList(table.columns())),
                in);
        if (rows != table.rows()) {
          throw new IllegalStateException(
              "table %s: %d rows loaded, the manifest says %d"
                  .formatted(table.name(), rows, table.rows()));
        }
      }
    }
    try (PreparedStatement setval =
        connection.prepareStatement("SELECT setval(CAST(? AS regclass), ?, ?)")) {
      for (BackupManifest.Sequence sequence : manifest.sequences()) {
        setval.setString(1, quote(sequence.name()));
        setval.setLong(2, sequence.lastValue());
        setval.setBoolean(3, sequence.isCalled());
        setval.execute();
      }
    }
  }

  /**
   * The row count of every table of the schema but Flyway's history, by name: what a restore would
   * replace.
   */
  public static Map<String, Long> rowCounts(Database database) {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      Map<String, Long> counts = new LinkedHashMap<>();
      for (String table : tableColumns(connection).keySet()) {
        try (ResultSet rows = statement.executeQuery(COUNT_ROWS.formatted(quote(table)))) {
          rows.next();
          counts.put(table, rows.getLong(1));
        }
      }
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException("could not count the rows: " + e.getMessage(), e);
    }
  }

  /** The schema version Flyway reports for {@code database}. */
  public static String schemaVersion(Database database) {
    var current = database.flyway().info().current();
    if (current == null) {
      throw new IllegalStateException("the database has no schema yet; run `swiftbolt db migrate`");
    }
    return current.getVersion().getVersion();
  }

  /** The ordinary tables of the current schema with their stored columns, by name. */
  private static Map<String, List<String>> tableColumns(Connection connection) throws SQLException {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            """
            SELECT c.relname, a.attname
              FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_attribute a ON a.attrelid = c.oid
             WHERE n.nspname = current_schema()
               AND c.relkind IN ('r', 'p')
               AND NOT c.relispartition
               AND c.relname <> ?
               AND a.attnum > 0
               AND NOT a.attisdropped
               AND a.attgenerated = ''
             ORDER BY c.relname, a.attnum
            """)) {
      query.setString(1, FLYWAY_HISTORY);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          tables.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getString(2));
        }
      }
    }
    return tables;
  }

  private static List<BackupManifest.Sequence> sequences(Connection connection)
      throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                """
                SELECT c.relname
                  FROM pg_class c
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = current_schema()
                   AND c.relkind = 'S'
                 ORDER BY c.relname
                """)) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    List<BackupManifest.Sequence> sequences = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      for (String name : names) {
        try (ResultSet rows = statement.executeQuery(SEQUENCE_STATE.formatted(quote(name)))) {
          rows.next();
          sequences.add(new BackupManifest.Sequence(name, rows.getLong(1), rows.getBoolean(2)));
        }
      }
    }
    return sequences;
  }

  private static String columnList(List<String> columns) {
    return String.join(", ", columns.stream().map(DatabaseBackup::quote).toList());
  }

  /*
   * COPY and the catalog's names take no bind parameters: the one spliced identifier is a table or
   * sequence name read from the catalog of this schema (a closed set), quoted.
   */
  private static final String COUNT_ROWS =
      """
      SELECT count(*) FROM %s
      """;

  private static final String SEQUENCE_STATE =
      """
      SELECT last_value, is_called FROM %s
      """;

  /** A PostgreSQL identifier in double quotes (names come from the catalog, not from users). */
  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
