package dev.swiftbolt.alerts;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which webhook URLs SwiftBolt sends to: absolute, at most {@value #MAX_LENGTH} characters, {@code
 * https}, and a host that resolves to no loopback, private, link-local, unique-local, wildcard or
 * multicast address (no requests into the server's own network). {@value #ALLOW_PRIVATE_VARIABLE}
 * {@code =true} (development and tests) lifts the address rule and also allows {@code http}.
 * Checked when an endpoint is added and again before every attempt. Thread-safe.
 */
public final class WebhookUrlRule {

  public static final String ALLOW_PRIVATE_VARIABLE = "SWIFTBOLT_WEBHOOK_ALLOW_PRIVATE";
  public static final int MAX_LENGTH = 2048;

  /** Resolves a host name; {@link InetAddress#getAllByName} outside tests. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final boolean allowPrivate;
  private final Resolver resolver;

  public WebhookUrlRule(boolean allowPrivate, Resolver resolver) {
    this.allowPrivate = allowPrivate;
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  /**
   * The rule of the environment: {@value #ALLOW_PRIVATE_VARIABLE} is {@code true} or {@code false}
   * (default).
   *
   * @throws IllegalArgumentException naming the variable for any other value
   */
  public static WebhookUrlRule fromEnvironment(Map<String, String> env) {
    String raw = env.getOrDefault(ALLOW_PRIVATE_VARIABLE, "false").trim().toLowerCase(Locale.ROOT);
    if (!raw.equals("true") && !raw.equals("false") && !raw.isEmpty()) {
      throw new IllegalArgumentException(
          "%s must be true or false; got '%s'".formatted(ALLOW_PRIVATE_VARIABLE, raw));
    }
    return new WebhookUrlRule(raw.equals("true"), InetAddress::getAllByName);
  }

  public boolean allowsPrivate() {
    return allowPrivate;
  }

  /**
   * The URL, checked.
   *
   * @throws InvalidAlertInputException (field {@code url}) naming the rule it breaks
   */
  public URI check(String url) {
    if (url.length() > MAX_LENGTH) {
      throw refused("url is longer than %d characters".formatted(MAX_LENGTH));
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw refused("url is not a valid URL: " + e.getReason());
    }
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw refused("url must be absolute, e.g. https://example.com/hooks/swiftbolt");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
      throw refused(
          "url must use https (http only with %s=true)".formatted(ALLOW_PRIVATE_VARIABLE));
    }
    if (uri.getUserInfo() != null) {
      throw refused("url must not carry credentials (user:password@)");
    }
    if (allowPrivate) {
      return uri;
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(uri.getHost());
    } catch (UnknownHostException e) {
      throw refused("url's host %s does not resolve".formatted(uri.getHost()));
    }
    for (InetAddress a : addresses) {
      if (isInternal(a)) {
        throw refused(
            "url's host %s resolves to %s, a loopback, private, link-local or unique-local address (allowed only with %s=true)"
                .formatted(uri.getHost(), a.getHostAddress(), ALLOW_PRIVATE_VARIABLE));
      }
    }
    return uri;
  }

  /** Loopback, RFC 1918 / 6598 private, link-local, IPv6 unique-local, wildcard or multicast. */
  static boolean isInternal(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isSiteLocalAddress()
        || a.isLinkLocalAddress()
        || a.isAnyLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet6Address) {
      return (b[0] & 0xfe) == 0xfc; // fc00::/7 unique-local
    }
    // 100.64.0.0/10 carrier-grade NAT, 0.0.0.0/8
    return ((b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) || b[0] == 0;
  }

  private static InvalidAlertInputException refused(String message) {
    return new InvalidAlertInputException("url", message);
  }
}
