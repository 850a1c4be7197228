package dev.swiftbolt.symbols;

import java.util.List;
import java.util.Map;

/**
 * A complete asset list as read from a directory or a file, with the entries that could not be read
 * as assets counted by reason (e.g. {@code invalid_symbol} for a ticker outside {@link
 * SymbolCode#RULE}).
 */
public record AssetList(List<Asset> assets, Map<String, Integer> unreadable) {

  public AssetList {
    assets = List.copyOf(assets);
    unreadable = Map.copyOf(unreadable);
  }
}
