package dev.swiftbolt.db;

import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/** What health checks ask the database: whether it answers, and its server version. */
public final class DatabaseStatus {

  private static final String PING =
      """
      SELECT 1
      """;

  private static final String SERVER_VERSION =
      """
      SHOW server_version
      """;

  private final Jdbi jdbi;

  public DatabaseStatus(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
  }

  /** True when the database answers a trivial query; false on any failure to do so. */
  public boolean answers() {
    try {
      return jdbi.withHandle(h -> h.createQuery(PING).mapTo(Integer.class).one()) == 1;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * The server's {@code server_version} setting, e.g. {@code 17.2}.
   *
   * @throws org.jdbi.v3.core.JdbiException when the database cannot be reached
   */
  public String serverVersion() {
    return jdbi.withHandle(h -> h.createQuery(SERVER_VERSION).mapTo(String.class).one());
  }
}
