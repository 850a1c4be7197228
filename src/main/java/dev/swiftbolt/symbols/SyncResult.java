package dev.swiftbolt.symbols;

import java.util.Map;

/**
 * What one {@code symbols sync} changed.
 *
 * @param source {@code alpaca} or {@code csv}
 * @param listed registrable assets in the list (active and tradable, valid ticker)
 * @param inserted new symbols
 * @param updated symbols whose name, exchange, class, activity or source changed
 * @param deactivated symbols this source listed before and no longer lists, now inactive
 * @param unchanged listed symbols already exactly as listed
 * @param skipped assets not registered, by reason (e.g. {@code not_tradable}, {@code
 *     invalid_symbol})
 */
public record SyncResult(
    String source,
    int listed,
    int inserted,
    int updated,
    int deactivated,
    int unchanged,
    Map<String, Integer> skipped) {

  public SyncResult {
    skipped = Map.copyOf(skipped);
  }

  /** Whether the sync changed nothing in the registry. */
  public boolean changedNothing() {
    return inserted == 0 && updated == 0 && deactivated == 0;
  }

  /** The one-line summary the CLI prints. */
  public String summary() {
    return "Synced %d symbols from %s: %d inserted, %d updated, %d deactivated, %d unchanged%s"
        .formatted(
            listed,
            source,
            inserted,
            updated,
            deactivated,
            unchanged,
            skipped.isEmpty() ? "" : " (skipped: " + skippedText() + ")");
  }

  private String skippedText() {
    StringBuilder text = new StringBuilder();
    new java.util.TreeMap<>(skipped)
        .forEach(
            (reason, n) ->
                text.append(text.length() == 0 ? "" : ", ").append(n).append(' ').append(reason));
    return text.toString();
  }
}
