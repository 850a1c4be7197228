package dev.swiftbolt.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock that lets one process at a time start, attach to or stop the embedded PostgreSQL of a
 * home: an exclusive lock on a file beside its data directory, taken with a bounded wait. The
 * operating system releases it when its process dies, so a crash never leaves it held. Threads of
 * one JVM also take turns (a JVM may hold only one lock on a file).
 */
final class StartupLock implements AutoCloseable {

  private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();
  private static final long POLL_MILLIS = 50;

  private final FileChannel channel;
  private final FileLock lock;

  private StartupLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock on {@code file}, waiting up to {@code wait} for another process to release it.
   *
   * @throws StartupLockTimeoutException when it is still held after {@code wait}
   * @throws IOException when the file cannot be opened or locked
   */
  static StartupLock acquire(Path file, Duration wait) throws IOException {
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      if (!IN_THIS_JVM.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new StartupLockTimeoutException(file, wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + file, e);
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      while (true) {
        FileLock lock = channel.tryLock();
        if (lock != null) {
          return new StartupLock(channel, lock);
        }
        if (System.nanoTime() > deadline) {
          throw new StartupLockTimeoutException(file, wait);
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(channel);
      IN_THIS_JVM.unlock();
      throw new IOException("interrupted while waiting for " + file, e);
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      IN_THIS_JVM.unlock();
      throw e;
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Closing a channel we could not lock: nothing to release.
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
      channel.close();
    } finally {
      IN_THIS_JVM.unlock();
    }
  }

  /** The lock stayed held by another process for the whole wait. */
  static final class StartupLockTimeoutException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private static final String MESSAGE =
        """
        another SwiftBolt process kept the embedded PostgreSQL busy (starting or stopping it) \
        for more than %d s (lock %s); try again, or use DATABASE_URL""";

    StartupLockTimeoutException(Path file, Duration wait) {
      super(MESSAGE.formatted(wait.toSeconds(), file));
    }
  }
}
