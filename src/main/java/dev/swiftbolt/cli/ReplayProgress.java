package dev.swiftbolt.cli;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long loop on stderr: a progress bar on a terminal, otherwise one plain line per 10
 * % so logs stay readable. {@link #step} may be called from any thread.
 */
final class ReplayProgress implements AutoCloseable {
  private final String task;
  private final long total;
  private final AtomicLong done = new AtomicLong();
  private final ProgressBar bar;
  private long printedTenths;

  private ReplayProgress(String task, long total, ProgressBar bar) {
    this.task = task;
    this.total = total;
    this.bar = bar;
  }

  static ReplayProgress toStderr(String task, long total) {
    ProgressBar bar =
        System.console() == null
            ? null
            : new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(250)
                .build();
    return new ReplayProgress(task, total, bar);
  }

  void step() {
    long now = done.incrementAndGet();
    if (bar != null) {
      bar.step();
      return;
    }
    long tenths = total == 0 ? 10 : now * 10 / total;
    synchronized (this) {
      if (tenths > printedTenths) {
        printedTenths = tenths;
        System.err.printf(
            Locale.ROOT, "%s: %d%% (%d/%d symbol-sessions)%n", task, tenths * 10, now, total);
      }
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
