package dev.swiftbolt.db;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Bulk loads rows through PostgreSQL's {@code COPY … FROM STDIN} (text format) using the driver's
 * {@code CopyManager}: several times faster than batched INSERTs for bar loads.
 *
 * <p>Rows are streamed, never held in memory as a whole. The caller owns the connection and its
 * transaction: a failure part-way leaves nothing behind once the caller rolls back.
 */
public final class CopyLoader {

  /** Writes one row's columns into a {@link Row}. */
  @FunctionalInterface
  public interface RowWriter<T> {
    void write(T value, Row row);
  }

  /** The columns of one row, in the order of the COPY statement's column list. */
  public static final class Row {
    private final StringBuilder line = new StringBuilder(128);
    private boolean first = true;

    private Row separator() {
      if (!first) {
        line.append('\t');
      }
      first = false;
      return this;
    }

    public Row add(long value) {
      separator().line.append(value);
      return this;
    }

    public Row add(double value) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("COPY value must be finite, got " + value);
      }
      separator().line.append(value);
      return this;
    }

    /** A text value, escaped for COPY's text format; {@code null} is SQL NULL. */
    public Row add(String value) {
      separator();
      if (value == null) {
        line.append("\\N");
        return this;
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        switch (c) {
          case '\\' -> line.append("\\\\");
          case '\t' -> line.append("\\t");
          case '\n' -> line.append("\\n");
          case '\r' -> line.append("\\r");
          default -> line.append(c);
        }
      }
      return this;
    }

    private void reset() {
      line.setLength(0);
      first = true;
    }
  }

  private static final int FLUSH_BYTES = 1 << 16;
  private static final long PROGRESS_EVERY = 10_000;

  /**
   * COPY takes no bind parameters, so the table and its columns are formatted in: each must be a
   * plain lower-case identifier (the caller's constants), never text from outside.
   */
  private static final String COPY_IN =
      """
      COPY %s (%s) FROM STDIN (FORMAT text)
      """;

  private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");
  private static final Pattern COLUMNS = Pattern.compile("[a-z_][a-z0-9_]*(, ?[a-z_][a-z0-9_]*)*");

  private CopyLoader() {}

  /**
   * Streams {@code rows} into {@code table (columns)} on {@code connection}.
   *
   * @param progress called with the running row count every 10,000 rows and at the end
   * @return the number of rows PostgreSQL reports as copied
   * @throws IllegalArgumentException when {@code table} or {@code columns} is not a plain
   *     lower-case identifier (list)
   * @throws SQLException when PostgreSQL refuses the data (the message names the row)
   */
  public static <T> long copy(
      Connection connection,
      String table,
      String columns,
      Iterator<T> rows,
      RowWriter<T> writer,
      LongConsumer progress)
      throws SQLException {
    if (!TABLE.matcher(table).matches() || !COLUMNS.matcher(columns).matches()) {
      throw new IllegalArgumentException(
          "COPY target must be plain identifiers, got %s (%s)".formatted(table, columns));
    }
    CopyIn copyIn =
        connection
            .unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn(COPY_IN.formatted(table, columns));
    try {
      Row row = new Row();
      StringBuilder buffer = new StringBuilder(FLUSH_BYTES + 256);
      long count = 0;
      while (rows.hasNext()) {
        row.reset();
        writer.write(rows.next(), row);
        buffer.append(row.line).append('\n');
        count++;
        if (buffer.length() >= FLUSH_BYTES) {
          write(copyIn, buffer);
        }
        if (count % PROGRESS_EVERY == 0) {
          progress.accept(count);
        }
      }
      write(copyIn, buffer);
      long copied = copyIn.endCopy();
      progress.accept(count);
      return copied;
    } finally {
      if (copyIn.isActive()) {
        copyIn.cancelCopy();
      }
    }
  }

  private static void write(CopyIn copyIn, StringBuilder buffer) throws SQLException {
    if (buffer.length() == 0) {
      return;
    }
    byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
    copyIn.writeToCopy(bytes, 0, bytes.length);
    buffer.setLength(0);
  }
}
