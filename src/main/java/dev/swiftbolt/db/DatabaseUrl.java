package dev.swiftbolt.db;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * Parses {@code DATABASE_URL}: either a {@code postgresql://user:pass@host:port/db?params} URI as
 * Supabase gives it (user and password percent-encoded; every query parameter, such as {@code
 * sslmode}, is passed to the driver) or a {@code jdbc:postgresql:} URL used as it is.
 *
 * <p>A URL on port 6543, or with {@code pgbouncer=true} or {@code prepareThreshold=0} in its query,
 * is a transaction pooler's ({@link ConnectionMode}): prepared statements are switched off.
 *
 * <p>Every error names the part of the URL that is wrong and never repeats the password.
 */
final class DatabaseUrl {

  private static final int DEFAULT_PORT = 5432;

  private DatabaseUrl() {}

  /**
   * Parses a database URL.
   *
   * @throws IllegalArgumentException naming the wrong part (scheme, host, port, database name,
   *     percent-encoding)
   */
  public static ConnectionSettings parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("DATABASE_URL is empty");
    }
    String trimmed = url.trim();
    if (trimmed.startsWith("jdbc:postgresql:")) {
      return parseJdbc(trimmed);
    }
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("postgresql://") && !lower.startsWith("postgres://")) {
      throw new IllegalArgumentException(
          "DATABASE_URL scheme must be postgresql://, postgres:// or jdbc:postgresql:, got '%s'"
              .formatted(schemeOf(trimmed)));
    }
    URI uri = toUri(trimmed);
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("DATABASE_URL has no host (expected user:pass@host:port)");
    }
    int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
    String database = databaseName(uri.getRawPath());
    Properties properties = queryParameters(uri.getRawQuery());
    String user = null;
    String password = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user name");
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1), "password");
    }
    String jdbcUrl = "jdbc:postgresql://" + hostForUrl(host) + ":" + port + "/" + database;
    return new ConnectionSettings(jdbcUrl, host, port, user, password, properties);
  }

  private static ConnectionSettings parseJdbc(String url) {
    String rest = url.substring("jdbc:postgresql:".length());
    String host = "localhost";
    int port = DEFAULT_PORT;
    if (rest.startsWith("//")) {
      URI uri = toUri("postgresql:" + rest);
      if (uri.getHost() != null) {
        host = uri.getHost();
      }
      if (uri.getPort() != -1) {
        port = uri.getPort();
      }
    }
    int query = url.indexOf('?');
    // The driver reads the URL's own parameters; they are copied only so that the connection
    // mode (pgbouncer=true, prepareThreshold=0) is seen.
    Properties properties =
        query < 0 ? new Properties() : queryParameters(url.substring(query + 1));
    return new ConnectionSettings(url, host, port, null, null, properties);
  }

  private static URI toUri(String url) {
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      // The cause is left out on purpose: its message repeats the URL, password included.
      throw new IllegalArgumentException(
          """
          DATABASE_URL is not a valid URL near position %s: %s (percent-encode special \
          characters in the user name and password)"""
              .formatted(e.getIndex(), e.getReason()));
    }
  }

  private static String schemeOf(String url) {
    int colon = url.indexOf(':');
    return colon < 0 ? url.substring(0, Math.min(url.length(), 12)) : url.substring(0, colon);
  }

  private static String hostForUrl(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  private static String databaseName(String rawPath) {
    if (rawPath == null || rawPath.length() <= 1) {
      throw new IllegalArgumentException("DATABASE_URL has no database name (expected .../dbname)");
    }
    String name = decode(rawPath.substring(1), "database name");
    if (name.contains("/")) {
      throw new IllegalArgumentException(
          "DATABASE_URL database name must not contain '/', got '" + name + "'");
    }
    return name;
  }

  private static Properties queryParameters(String rawQuery) {
    Properties properties = new Properties();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return properties;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "DATABASE_URL query parameter '" + pair + "' must be name=value");
      }
      properties.setProperty(
          decode(pair.substring(0, eq), "query parameter name"),
          decode(pair.substring(eq + 1), "query parameter value"));
    }
    return properties;
  }

  private static String decode(String raw, String part) {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "DATABASE_URL " + part + " has a malformed percent-encoding");
    }
  }
}
