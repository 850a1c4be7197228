package dev.swiftbolt.db;

import java.util.Objects;
import java.util.Properties;

/**
 * Where and how to connect to PostgreSQL: a JDBC URL without credentials, the user, the password
 * and extra driver properties (sslmode and the like).
 *
 * <p>Behind a {@link ConnectionMode#TRANSACTION_POOLER transaction pooler} the driver's server-side
 * prepared statements are switched off ({@code prepareThreshold=0}): a pooled server connection
 * would otherwise keep one client's statement under a name another client reuses.
 *
 * <p>{@link #toString()} never shows the password, so a settings object is safe to log.
 */
public record ConnectionSettings(
    String jdbcUrl, String host, int port, String user, String password, Properties properties) {

  public ConnectionSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(host, "host");
    properties = copy(properties);
    if (ConnectionMode.of(host, port, properties) == ConnectionMode.TRANSACTION_POOLER) {
      properties.setProperty("prepareThreshold", "0");
    }
  }

  /** Direct, session pooler or transaction pooler, from the host, port and properties. */
  public ConnectionMode mode() {
    return ConnectionMode.of(host, port, properties);
  }

  private static Properties copy(Properties source) {
    Properties copy = new Properties();
    if (source != null) {
      copy.putAll(source);
    }
    return copy;
  }

  @Override
  public Properties properties() {
    return copy(properties);
  }

  /** Host and port, for messages. */
  public String address() {
    return host + ":" + port;
  }

  @Override
  public String toString() {
    return "ConnectionSettings[" + jdbcUrl + ", user=" + user + ", password=****]";
  }
}
