package dev.swiftbolt.cli;

import java.io.PrintStream;

/**
 * {@link Progress} for a file or a pipe: a line {@code "task: 30% (3 of 10)"} each time the done
 * fraction reaches another tenth, and a last line on {@link #close()} when the task ends short of
 * one; a task that never expected anything prints nothing. Thread-safe.
 */
final class PlainProgress implements Progress {

  private final String task;
  private final PrintStream out;
  private long max;
  private long done;
  private int tenthsPrinted;
  private boolean closed;

  PlainProgress(String task, long max, PrintStream out) {
    this.task = task.strip();
    this.max = Math.max(0, max);
    this.out = out;
  }

  @Override
  public synchronized void step() {
    stepTo(done + 1);
  }

  @Override
  public synchronized void stepTo(long done) {
    this.done = Math.max(0, done);
    if (this.done > max) {
      max = this.done;
    }
    report();
  }

  @Override
  public synchronized void maxHint(long max) {
    this.max = Math.max(Math.max(0, max), done);
    report();
  }

  /** Prints a line when the done fraction has reached a tenth not printed yet. */
  private void report() {
    int tenths = tenths(done, max);
    if (tenths > tenthsPrinted && !closed) {
      tenthsPrinted = tenths;
      print();
    }
  }

  /** Whole tenths of {@code max} that {@code done} reaches: 0 to 10; 0 when nothing is expected. */
  static int tenths(long done, long max) {
    return max <= 0 ? 0 : (int) Math.min(10, done * 10 / max);
  }

  private void print() {
    long percent = max == 0 ? 100 : done * 100 / max;
    out.printf("%s: %d%% (%d of %d)%n", task, percent, done, max);
    out.flush();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    if (tenthsPrinted < 10 && max > 0) {
      print();
    }
    closed = true;
  }
}
