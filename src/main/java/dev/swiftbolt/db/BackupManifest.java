package dev.swiftbolt.db;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a backup archive holds ({@code manifest.json} inside it): the SwiftBolt and schema versions
 * that wrote it, every table with its columns and row count, and every sequence's position.
 *
 * @param format always {@link #FORMAT}
 * @param formatVersion the archive layout's version, {@link #FORMAT_VERSION}
 * @param swiftboltVersion the program's version that wrote it (e.g. 0.3.0)
 * @param schemaVersion the Flyway schema version of the database it was taken from (e.g. 10)
 * @param takenAt when its snapshot was taken
 * @param tables every table of the schema, in the order they were written
 * @param sequences every sequence of the schema with the value it had when the snapshot was taken
 */
public record BackupManifest(
    String format,
    int formatVersion,
    String swiftboltVersion,
    String schemaVersion,
    Instant takenAt,
    List<Table> tables,
    List<Sequence> sequences) {

  public static final String FORMAT = "swiftbolt-backup";
  public static final int FORMAT_VERSION = 1;

  public BackupManifest {
    Objects.requireNonNull(schemaVersion, "schemaVersion");
    tables = List.copyOf(tables);
    sequences = List.copyOf(sequences);
  }

  /** A table, its columns in {@code COPY} order, and the rows the archive holds for it. */
  public record Table(String name, List<String> columns, long rows) {
    public Table {
      columns = List.copyOf(columns);
    }
  }

  /** A sequence's state, restored with {@code setval(name, lastValue, isCalled)}. */
  public record Sequence(String name, long lastValue, boolean isCalled) {}

  /** The rows of all tables together. */
  public long totalRows() {
    return tables.stream().mapToLong(Table::rows).sum();
  }
}
