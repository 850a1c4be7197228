package dev.swiftbolt.marketdata.internal;

import dev.swiftbolt.marketdata.Bar;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams bars into PostgreSQL with {@code COPY … FROM STDIN} (text format), in chunks, without
 * building the whole payload in memory. Each row is {@code prefix + ts, open, high, low, close,
 * volume + suffix}, tab-separated; doubles are written with {@link Double#toString} (shortest
 * round-tripping form), so values arrive bit-exact.
 */
public final class BarCopy {

  private static final int CHUNK_BYTES = 1 << 16;

  private BarCopy() {}

  /**
   * Runs {@code copySql} (a {@code COPY … FROM STDIN} statement) on {@code connection} with one row
   * per bar.
   *
   * @return the number of rows the server reports as copied
   */
  public static long copy(
      Connection connection, String copySql, List<Bar> bars, String prefix, String suffix)
      throws SQLException {
    CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
    try {
      StringBuilder chunk = new StringBuilder(CHUNK_BYTES + 256);
      for (Bar b : bars) {
        chunk
            .append(prefix)
            .append(b.ts())
            .append('\t')
            .append(b.open())
            .append('\t')
            .append(b.high())
            .append('\t')
            .append(b.low())
            .append('\t')
            .append(b.close())
            .append('\t')
            .append(b.volume())
            .append(suffix)
            .append('\n');
        if (chunk.length() >= CHUNK_BYTES) {
          write(copy, chunk);
        }
      }
      write(copy, chunk);
      return copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  private static void write(CopyIn copy, StringBuilder chunk) throws SQLException {
    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    chunk.setLength(0);
  }
}
