package dev.swiftbolt.symbols;

import dev.swiftbolt.db.CopyLoader;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Applies a complete asset list to the registry in one transaction: new symbols are inserted,
 * changed names, exchanges and classes updated, inactive listed symbols re-activated, and the
 * symbols this source listed before but no longer lists marked inactive — never deleted, so
 * watchlists and bars keep them. Seeded and hand-added symbols are never deactivated, even when a
 * list named them once. Any failure rolls everything back. Concurrent syncs are serialised by a
 * transaction-scoped advisory lock. Thread-safe.
 */
public final class SymbolSync {

  private static final String LOCK =
      """
      SELECT pg_advisory_xact_lock(hashtext('swiftbolt.symbols-sync'))
      """;

  private static final String INPUT_TABLE =
      """
      CREATE TEMP TABLE symbol_sync_input (
        symbol      TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        exchange    TEXT NOT NULL,
        asset_class TEXT NOT NULL
      ) ON COMMIT DROP
      """;

  /**
   * Seeded and hand-added symbols ({@code synced_from} NULL) take the list's name, exchange and
   * class but stay NULL, so that no later sync deactivates them.
   */
  private static final String UPDATE =
      """
      UPDATE symbols s
      SET name = i.name, exchange = i.exchange, asset_class = i.asset_class, active = true,
          synced_from = CASE WHEN s.synced_from IS NULL THEN NULL ELSE :source END
      FROM symbol_sync_input i
      WHERE s.symbol = i.symbol
        AND (s.name, s.exchange, s.asset_class, s.active, s.synced_from)
            IS DISTINCT FROM (i.name, i.exchange, i.asset_class, true,
                              CASE WHEN s.synced_from IS NULL THEN NULL ELSE :source END)
      """;

  private static final String INSERT =
      """
      INSERT INTO symbols (symbol, name, exchange, asset_class, active, synced_from)
      SELECT i.symbol, i.name, i.exchange, i.asset_class, true, :source
      FROM symbol_sync_input i
      WHERE NOT EXISTS (SELECT 1 FROM symbols s WHERE s.symbol = i.symbol)
      ON CONFLICT (symbol) DO NOTHING
      """;

  private static final String DEACTIVATE =
      """
      UPDATE symbols s
      SET active = false
      WHERE s.active
        AND s.synced_from = :source
        AND NOT EXISTS (SELECT 1 FROM symbol_sync_input i WHERE i.symbol = s.symbol)
      """;

  private final Jdbi jdbi;

  public SymbolSync(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  /**
   * Applies {@code assets} as the complete list of {@code source}.
   *
   * @param source {@code alpaca} or {@code csv}
   * @param list the whole list; inactive or non-tradable entries are counted as skipped, as are the
   *     entries the reader could not use
   * @throws IllegalArgumentException when the list holds no registrable asset (an empty answer
   *     would otherwise deactivate every symbol the source listed)
   */
  public SyncResult apply(String source, AssetList list) {
    Map<String, Asset> listed = new LinkedHashMap<>();
    Map<String, Integer> skipped = new LinkedHashMap<>(list.unreadable());
    for (Asset asset : list.assets()) {
      if (!asset.active()) {
        skipped.merge("inactive", 1, Integer::sum);
      } else if (!asset.tradable()) {
        skipped.merge("not_tradable", 1, Integer::sum);
      } else if (listed.putIfAbsent(asset.symbol(), asset) != null) {
        skipped.merge("duplicate", 1, Integer::sum);
      }
    }
    if (listed.isEmpty()) {
      throw new IllegalArgumentException(
          "the %s list holds no active, tradable asset; nothing was changed".formatted(source));
    }
    List<Asset> rows = new ArrayList<>(listed.values());
    return jdbi.inTransaction(
        h -> {
          h.execute(LOCK);
          h.execute(INPUT_TABLE);
          copy(h, rows);
          int updated = h.createUpdate(UPDATE).bind("source", source).execute();
          int inserted = h.createUpdate(INSERT).bind("source", source).execute();
          int deactivated = h.createUpdate(DEACTIVATE).bind("source", source).execute();
          return new SyncResult(
              source,
              rows.size(),
              inserted,
              updated,
              deactivated,
              rows.size() - inserted - updated,
              skipped);
        });
  }

  private static void copy(Handle h, List<Asset> rows) {
    try {
      CopyLoader.copy(
          h.getConnection(),
          "symbol_sync_input",
          "symbol, name, exchange, asset_class",
          rows.iterator(),
          (asset, row) ->
              row.add(asset.symbol())
                  .add(asset.name())
                  .add(asset.exchange())
                  .add(asset.assetClass().code()),
          n -> {});
    } catch (SQLException e) {
      throw new IllegalStateException("loading the symbol list failed: " + e.getMessage(), e);
    }
  }
}
