package dev.swiftbolt.ml.registry.internal;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Streams the rows of {@code COPY (query) TO STDOUT (FORMAT binary)} whose columns are all int8 or
 * float8 and not null, handing each row's fields to a {@link RowSink} as primitives: no object per
 * field or per row beyond the driver's message buffer. The format is PostgreSQL's documented binary
 * COPY format (signature, flags, header extension, then per tuple an int16 field count and per
 * field an int32 length and big-endian bytes; −1 field count ends the data). PostgreSQL sends one
 * CopyData message per tuple, the header travelling with the first.
 */
public final class BinaryCopyRows {
  private static final int SIGNATURE_LENGTH = 11;

  /** Receives one row; {@code fields} holds int8 values as long bits and float8 as double bits. */
  @FunctionalInterface
  public interface RowSink {
    void row(long[] fields);
  }

  private BinaryCopyRows() {}

  /**
   * Runs {@code copySql} and returns the number of rows.
   *
   * @throws SQLException from the driver, or when a field is NULL or not 8 bytes wide
   */
  public static long stream(Connection connection, String copySql, int columns, RowSink sink)
      throws SQLException {
    CopyOut out = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copySql);
    long[] fields = new long[columns];
    long rows = 0;
    boolean header = true;
    byte[] message;
    while ((message = out.readFromCopy()) != null) {
      ByteBuffer buffer = ByteBuffer.wrap(message);
      if (header) {
        buffer.position(SIGNATURE_LENGTH + 4);
        int extension = buffer.getInt();
        buffer.position(buffer.position() + extension);
        header = false;
      }
      while (buffer.remaining() >= 2) {
        short count = buffer.getShort();
        if (count == -1) {
          break;
        }
        if (count != columns) {
          throw new SQLException("expected " + columns + " columns, got " + count);
        }
        for (int f = 0; f < columns; f++) {
          int length = buffer.getInt();
          if (length != 8) {
            throw new SQLException("column " + f + " must be a non-null 8-byte value");
          }
          fields[f] = buffer.getLong();
        }
        sink.row(fields);
        rows++;
      }
    }
    return rows;
  }
}
