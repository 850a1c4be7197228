package dev.swiftbolt.ml.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A monotone non-decreasing step map from a score to the rate of an event, fitted by
 * pool-adjacent-violators (isotonic regression with squared loss) on binary outcomes. Equal scores
 * are pooled first (ties share one value). The map is a step function: a score takes the value of
 * the last block whose lowest score is at or below it, and the first block's value below the first
 * score. Immutable and thread-safe. Not the map behind {@code probability_correct} (that is {@link
 * PlattFit}, docs/decisions/0012); kept as the alternative it was compared with.
 */
public final class IsotonicFit {

  /**
   * One block of pooled outcomes: scores in [{@code scoreFrom}, {@code scoreTo}], {@code hits} of
   * {@code n} outcomes true; its value is {@code hits / n}.
   */
  public record Block(double scoreFrom, double scoreTo, int hits, int n) {
    public double value() {
      return (double) hits / n;
    }
  }

  private final List<Block> blocks;
  private final double[] from;

  private IsotonicFit(List<Block> blocks) {
    this.blocks = List.copyOf(blocks);
    this.from = new double[blocks.size()];
    for (int i = 0; i < from.length; i++) {
      from[i] = blocks.get(i).scoreFrom();
    }
  }

  /**
   * Fits the map.
   *
   * @param scores one score per outcome, any order, finite
   * @param outcomes whether each outcome came true, same length
   * @throws IllegalArgumentException when the arrays are empty, of different lengths or a score is
   *     not finite
   */
  public static IsotonicFit fit(double[] scores, boolean[] outcomes) {
    if (scores.length != outcomes.length) {
      throw new IllegalArgumentException(
          "scores and outcomes differ in length: %d and %d"
              .formatted(scores.length, outcomes.length));
    }
    if (scores.length == 0) {
      throw new IllegalArgumentException("an isotonic fit needs at least one outcome");
    }
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      if (!Double.isFinite(scores[i])) {
        throw new IllegalArgumentException("score %d is not finite: %s".formatted(i, scores[i]));
      }
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    // Stack of blocks; equal scores pooled before any violator is.
    List<Block> stack = new ArrayList<>();
    for (int k = 0; k < order.length; ) {
      double score = scores[order[k]];
      int hits = 0;
      int n = 0;
      while (k < order.length && scores[order[k]] == score) {
        hits += outcomes[order[k]] ? 1 : 0;
        n++;
        k++;
      }
      Block block = new Block(score, score, hits, n);
      while (!stack.isEmpty() && violates(stack.get(stack.size() - 1), block)) {
        Block previous = stack.remove(stack.size() - 1);
        block =
            new Block(
                previous.scoreFrom(),
                block.scoreTo(),
                previous.hits() + block.hits(),
                previous.n() + block.n());
      }
      stack.add(block);
    }
    return new IsotonicFit(stack);
  }

  /** Whether {@code earlier}'s rate exceeds {@code later}'s (compared without rounding). */
  private static boolean violates(Block earlier, Block later) {
    return (long) earlier.hits() * later.n() >= (long) later.hits() * earlier.n();
  }

  /** The blocks, lowest scores first; their values strictly increase. */
  public List<Block> blocks() {
    return blocks;
  }

  /** The block a score falls in (see the class comment). */
  public Block blockAt(double score) {
    int i = Arrays.binarySearch(from, score);
    if (i < 0) {
      i = Math.max(0, -i - 2);
    }
    return blocks.get(i);
  }

  /** The fitted rate at {@code score}. */
  public double valueAt(double score) {
    return blockAt(score).value();
  }
}
