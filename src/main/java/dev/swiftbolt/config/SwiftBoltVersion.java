package dev.swiftbolt.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this build, written once in {@code pom.xml} and copied by Maven's resource
 * filtering into {@code dev/swiftbolt/version.properties}; {@code --version}, {@code GET
 * /api/v1/health} and the OpenAPI document's {@code info.version} all read it from there.
 */
public final class SwiftBoltVersion {

  static final String RESOURCE = "/dev/swiftbolt/version.properties";

  private static final String VERSION = read();

  private SwiftBoltVersion() {}

  /** The version, e.g. {@code 0.3.0}. */
  public static String current() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in = SwiftBoltVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar; rebuild with Maven");
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "");
      if (version.isBlank() || version.startsWith("@")) {
        throw new IllegalStateException(
            "%s holds no version (%s); build with Maven, which fills it in from pom.xml"
                .formatted(RESOURCE, version));
      }
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
