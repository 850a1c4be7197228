package dev.swiftbolt.symbols;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL access to the {@code symbols} table. Thread-safe. */
public final class SymbolRepository {

  /** The seed file, packaged into the jar from {@code scripts/seed-symbols.sql}. */
  public static final String SEED_RESOURCE = "/scripts/seed-symbols.sql";

  private static final String ALL =
      """
      SELECT id, symbol, name, exchange, asset_class, active, created_at
        FROM symbols
       ORDER BY symbol
      """;

  private static final String ACTIVE_SYMBOLS =
      """
      SELECT symbol
        FROM symbols
       WHERE active
       ORDER BY symbol
      """;

  private static final String FIND =
      """
      SELECT id, symbol, name, exchange, asset_class, active, created_at
        FROM symbols
       WHERE symbol = :symbol
      """;

  private final Jdbi jdbi;

  public SymbolRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Runs the seed file exactly as {@code psql -f} would, in one transaction.
   *
   * @return the number of active symbols afterwards (the file's own verification query)
   */
  public int seed() {
    String sql = seedSql();
    return jdbi.inTransaction(
        handle -> {
          Connection connection = handle.getConnection();
          try (Statement statement = connection.createStatement()) {
            boolean isResult = statement.execute(sql);
            while (true) {
              if (isResult) {
                try (var rs = statement.getResultSet()) {
                  if (rs.next()) {
                    return rs.getInt("symbol_count");
                  }
                }
              } else if (statement.getUpdateCount() == -1) {
                break;
              }
              isResult = statement.getMoreResults();
            }
          } catch (SQLException e) {
            throw new IllegalStateException("Seeding symbols failed: " + e.getMessage(), e);
          }
          throw new IllegalStateException("the seed file's verification query returned nothing");
        });
  }

  static String seedSql() {
    try (InputStream in = SymbolRepository.class.getResourceAsStream(SEED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SEED_RESOURCE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All symbols, ordered by symbol. */
  public List<SymbolInfo> list() {
    return jdbi.withHandle(h -> h.createQuery(ALL).map(SymbolRepository::map).list());
  }

  /** The active symbols' codes, ordered. */
  public List<String> activeSymbols() {
    return jdbi.withHandle(h -> h.createQuery(ACTIVE_SYMBOLS).mapTo(String.class).list());
  }

  public Optional<SymbolInfo> find(String symbol) {
    return jdbi.withHandle(
        h -> h.createQuery(FIND).bind("symbol", symbol).map(SymbolRepository::map).findOne());
  }

  public Optional<Long> idOf(String symbol) {
    return find(symbol).map(SymbolInfo::id);
  }

  /**
   * The id of a registered symbol.
   *
   * @throws UnknownSymbolException when it is not registered
   */
  public long require(String symbol) {
    return idOf(symbol).orElseThrow(() -> new UnknownSymbolException(symbol));
  }

  private static SymbolInfo map(
      java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext c) throws SQLException {
    return new SymbolInfo(
        rs.getLong("id"),
        rs.getString("symbol"),
        rs.getString("name"),
        rs.getString("exchange"),
        rs.getString("asset_class"),
        rs.getBoolean("active"),
        rs.getTimestamp("created_at").toInstant());
  }
}
