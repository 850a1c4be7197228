package dev.swiftbolt.cli;

import dev.swiftbolt.parallel.OrderedParallel;
import picocli.CommandLine.Option;

/** The {@code --threads N} option of the ml commands. */
final class ThreadsOption {
  static final int MAX = 256;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "How many series (symbol × timeframe) to work on at once, between 1 and 256 (default:"
              + " the number of processors). Output order and results do not depend on it.")
  Integer threads;

  /**
   * @throws IllegalArgumentException when {@code --threads} is outside 1..256
   */
  int count() {
    if (threads == null) {
      return OrderedParallel.defaultThreads();
    }
    if (threads < 1 || threads > MAX) {
      throw new IllegalArgumentException(
          "--threads must be between 1 and %d, got %d".formatted(MAX, threads));
    }
    return threads;
  }
}
