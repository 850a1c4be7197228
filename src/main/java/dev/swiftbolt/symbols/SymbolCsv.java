package dev.swiftbolt.symbols;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a symbol list for {@code symbols sync --file}: a CSV with the header {@code
 * symbol,name,exchange,asset_class} (case-insensitive, any column order; {@code symbol} required,
 * the others optional per row: the name defaults to the ticker, the exchange to {@code UNKNOWN},
 * the class to {@code equity}). Every listed row is an active, tradable asset.
 *
 * <p>The file is accepted whole or not at all: the first bad row (a ticker outside {@link
 * SymbolCode#RULE}, a class other than equity or etf, a repeated ticker) throws {@link
 * IllegalArgumentException} naming the file, line and rule. Stateless and thread-safe.
 */
public final class SymbolCsv {

  private static final List<String> COLUMNS = List.of("symbol", "name", "exchange", "asset_class");

  private SymbolCsv() {}

  /**
   * Reads every row of {@code reader}.
   *
   * @param fileName used in messages only
   */
  public static AssetList parse(Reader reader, String fileName) {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();
    try (CSVParser parser = CSVParser.parse(reader, format)) {
      Map<String, String> header = new HashMap<>();
      for (String name : parser.getHeaderNames()) {
        header.put(name.trim().toLowerCase(Locale.ROOT), name);
      }
      if (!header.containsKey("symbol")) {
        throw new IllegalArgumentException(
            "%s: the header must name the columns %s (symbol is required), got %s"
                .formatted(fileName, String.join(",", COLUMNS), parser.getHeaderNames()));
      }
      List<Asset> assets = new ArrayList<>();
      Map<String, Long> seen = new HashMap<>();
      for (CSVRecord row : parser) {
        long line = parser.getCurrentLineNumber();
        Asset asset = toAsset(row, header, fileName, line);
        Long previous = seen.putIfAbsent(asset.symbol(), line);
        if (previous != null) {
          throw new IllegalArgumentException(
              "%s line %d: %s is listed twice (also on line %d)"
                  .formatted(fileName, line, asset.symbol(), previous));
        }
        assets.add(asset);
      }
      return new AssetList(assets, Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + fileName + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException(
          "%s: malformed CSV: %s".formatted(fileName, e.getCause().getMessage()), e);
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(
          "%s: not a readable CSV: %s".formatted(fileName, e.getMessage()), e);
    }
  }

  private static Asset toAsset(
      CSVRecord row, Map<String, String> header, String fileName, long line) {
    try {
      String assetClass = column(row, header, "asset_class");
      return new Asset(
          column(row, header, "symbol"),
          column(row, header, "name"),
          column(row, header, "exchange"),
          assetClass.isBlank() ? AssetClass.EQUITY : AssetClass.parse("asset_class", assetClass),
          true,
          true);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "%s line %d: %s (nothing was changed)".formatted(fileName, line, e.getMessage()), e);
    }
  }

  private static String column(CSVRecord row, Map<String, String> header, String name) {
    String column = header.get(name);
    if (column == null || !row.isMapped(column) || !row.isSet(column)) {
      return "";
    }
    return row.get(column);
  }
}
