package dev.swiftbolt.symbols;

import java.util.Optional;

/**
 * Where listed securities are looked up: Alpaca's trading API ({@link AlpacaAssets}) in production,
 * a WireMock server in tests.
 */
public interface AssetDirectory {

  /**
   * Every active US-equity asset, complete or not at all.
   *
   * @throws RuntimeException when the list cannot be read in full (nothing partial is returned)
   */
  AssetList activeAssets();

  /**
   * One asset by ticker, whatever its status; empty when the directory does not know it.
   *
   * @throws RuntimeException when the directory cannot be asked
   */
  Optional<Asset> find(String symbol);

  /** Where the assets come from, for messages, e.g. {@code Alpaca at https://…}. */
  String description();
}
