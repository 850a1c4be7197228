package dev.swiftbolt.db;

import java.util.Locale;
import java.util.Properties;

/**
 * How a connection reaches PostgreSQL, which decides what the connection may rely on.
 *
 * <p>A transaction pooler (Supabase's port 6543, PgBouncer in {@code pool_mode = transaction})
 * hands each transaction a server connection of its own choosing: prepared statements and anything
 * kept in the session (session {@code SET}, session advisory locks, {@code LISTEN}/{@code NOTIFY},
 * temporary tables across transactions) may vanish or, worse, belong to another client. A session
 * pooler (Supabase's {@code *.pooler.supabase.com} on port 5432) keeps one server connection per
 * client connection and behaves as a direct connection.
 */
public enum ConnectionMode {
  DIRECT("direct"),
  SESSION_POOLER("session pooler"),
  TRANSACTION_POOLER("transaction pooler");

  /** The port of Supabase's transaction pooler. */
  public static final int TRANSACTION_POOLER_PORT = 6543;

  /** The port of Supabase's session pooler and of a direct connection. */
  public static final int SESSION_POOLER_PORT = 5432;

  private final String label;

  ConnectionMode(String label) {
    this.label = label;
  }

  /** The words used in messages and in {@code check deployment}: "direct", "session pooler"... */
  public String label() {
    return label;
  }

  /**
   * The mode of a connection to {@code host}:{@code port} with driver {@code properties}: port
   * 6543, {@code pgbouncer=true} or {@code prepareThreshold=0} mean a transaction pooler; a host
   * under {@code pooler.supabase.com} on another port means Supabase's session pooler; anything
   * else is direct.
   */
  public static ConnectionMode of(String host, int port, Properties properties) {
    if (port == TRANSACTION_POOLER_PORT
        || "true".equalsIgnoreCase(properties.getProperty("pgbouncer", "").trim())
        || "0".equals(properties.getProperty("prepareThreshold", "").trim())) {
      return TRANSACTION_POOLER;
    }
    if (host.toLowerCase(Locale.ROOT).endsWith(".pooler.supabase.com")) {
      return SESSION_POOLER;
    }
    return DIRECT;
  }
}
