package dev.swiftbolt.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress of one long task, shown as it suits the stream: a redrawn bar on a terminal; to a
 * file or a pipe (CI logs, {@code demo > demo.log}, a service journal) one plain line each time
 * another tenth is done, so logs hold no carriage-return frames. Thread-safe.
 */
interface Progress extends AutoCloseable {

  /** Marks one more unit done. */
  void step();

  /** Marks {@code done} units done in all. */
  void stepTo(long done);

  /** Shows {@code text} beside a terminal bar (the item just done); plain lines leave it out. */
  default void note(String text) {}

  /** Changes the expected total (it may grow while the task runs). */
  void maxHint(long max);

  /** Finishes the display. */
  @Override
  void close();

  /** Progress of {@code task} over {@code max} units on standard error. */
  static Progress open(String task, long max) {
    return open(task, max, System.err, standardErrorIsATerminal());
  }

  /** Progress of {@code task} on {@code out}: a bar when {@code terminal}, else plain lines. */
  static Progress open(String task, long max, PrintStream out, boolean terminal) {
    return terminal ? new Bar(task, max, out) : new PlainProgress(task, max, out);
  }

  /**
   * Whether standard error is an interactive terminal: the JVM has a console and, where Linux's
   * {@code /proc} tells, file descriptor 2 is a terminal device.
   */
  static boolean standardErrorIsATerminal() {
    if (System.console() == null) {
      return false;
    }
    Path fd2 = Path.of("/proc/self/fd/2");
    if (!Files.exists(fd2)) {
      return true;
    }
    try {
      String target = Files.readSymbolicLink(fd2).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (java.io.IOException | RuntimeException e) { // e.g. no symbolic links here
      return true;
    }
  }

  /** The terminal bar ({@code me.tongfei:progressbar}). */
  final class Bar implements Progress {
    private final ProgressBar bar;

    Bar(String task, long max, PrintStream out) {
      bar =
          new ProgressBarBuilder()
              .setTaskName(task)
              .setInitialMax(max)
              .setStyle(ProgressBarStyle.ASCII)
              .setUpdateIntervalMillis(250)
              .continuousUpdate()
              .setConsumer(new ConsoleProgressBarConsumer(out))
              .build();
    }

    @Override
    public void step() {
      bar.step();
    }

    @Override
    public void note(String text) {
      bar.setExtraMessage(text);
    }

    @Override
    public void stepTo(long done) {
      bar.stepTo(done);
    }

    @Override
    public void maxHint(long max) {
      bar.maxHint(max);
    }

    @Override
    public void close() {
      bar.close();
    }
  }
}
