package dev.swiftbolt.cli;

/**
 * The exit status of a process stopped by SIGTERM or Ctrl-C. The JVM ends such a process with 143
 * (128 + SIGTERM) once its shutdown hooks are done, which systemd and Kubernetes count as a
 * failure; a command whose hook has stopped gracefully ends the process with its own status here.
 */
final class GracefulExit {

  private GracefulExit() {}

  /**
   * Flushes standard output and error, then halts the JVM with {@code status}. Call it last in a
   * shutdown hook, after everything that must be released (workers, servers, the database) is; the
   * other hooks are not waited for.
   */
  static void halt(int status) {
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(status);
  }
}
