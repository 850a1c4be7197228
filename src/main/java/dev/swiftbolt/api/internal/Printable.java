package dev.swiftbolt.api.internal;

/**
 * Client input quoted in a message: at most {@link #MAX_QUOTED} characters, with control, format
 * (including the bidirectional overrides such as U+202E) and line/paragraph separator characters
 * written as {@code \}{@code uXXXX}, so an echoed value can neither forge log lines nor reorder the
 * text around it.
 */
public final class Printable {

  /** The most characters of one input value a message quotes. */
  public static final int MAX_QUOTED = 64;

  private Printable() {}

  /**
   * {@code raw} cut to {@link #MAX_QUOTED} characters (then "…") with unsafe characters escaped.
   */
  public static String quote(String raw) {
    if (raw == null) {
      return "";
    }
    boolean cut = raw.length() > MAX_QUOTED;
    String shown = cut ? raw.substring(0, MAX_QUOTED) : raw;
    return escape(shown) + (cut ? "…" : "");
  }

  /** {@code text} with every control, format, separator, surrogate or unassigned char escaped. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isUnsafe(c)) {
        out.append("\\u%04X".formatted((int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isUnsafe(char c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED ->
          true;
      default -> false;
    };
  }
}
