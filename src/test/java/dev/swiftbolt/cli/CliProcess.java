package dev.swiftbolt.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code swiftbolt} command in a child JVM on the test class path, as a user or a service
 * manager starts it: its standard output and error go to one log file; {@link #sigterm()} sends
 * SIGTERM, {@link #kill()} SIGKILL. Closing kills it if it still runs.
 */
final class CliProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private CliProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts {@code swiftbolt args} with {@code env} added to this process's environment. */
  static CliProcess start(Path log, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().remove("DATABASE_URL");
    builder.environment().putAll(env);
    try {
      return new CliProcess(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything the command printed so far. */
  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the output contains {@code text}; fails with the output when it does not. */
  void awaitOutput(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!output().contains(text)) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "exited " + process.exitValue() + " before printing '" + text + "':\n" + output());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no '" + text + "' within " + timeout + ":\n" + output());
      }
      Thread.sleep(100);
    }
  }

  /** Sends SIGTERM, as systemd and Kubernetes stop a service. */
  void sigterm() {
    process.destroy();
  }

  /** Sends SIGKILL, as a crash or the OOM killer ends it: no shutdown hook runs; waits for it. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("still running 30 s after SIGKILL:\n" + output());
    }
  }

  /** The exit code; fails when the command is still running after {@code timeout}. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("still running after " + timeout + ":\n" + output());
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
