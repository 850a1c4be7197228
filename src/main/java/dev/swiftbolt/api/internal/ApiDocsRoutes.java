package dev.swiftbolt.api.internal;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * {@code GET /api/docs}: the OpenAPI document as a browsable reference (Swagger UI from its WebJar,
 * served by this server: no CDN). The page loads its scripts from files only ({@code
 * /webjars/swagger-ui/…} and {@code /api/docs/assets/init.js}), so it runs under the
 * Content-Security-Policy it is sent with, which allows no inline script.
 */
public final class ApiDocsRoutes {

  /** Where {@code init.js} is served from (the classpath folder {@code /apidocs}). */
  public static final String ASSETS_PATH = "/api/docs/assets";

  /** The classpath folder of the page and its start script. */
  public static final String ASSETS_DIRECTORY = "/apidocs";

  /** Scripts and styles from this server only; Swagger UI sets some element styles inline. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none';"
          + " frame-ancestors 'none'";

  private static final String WEBJAR_PROPERTIES =
      "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

  private final String page;

  public ApiDocsRoutes() {
    String template = resource(ASSETS_DIRECTORY + "/index.html");
    this.page = template.replace("{{swagger-ui}}", "/webjars/swagger-ui/" + swaggerUiVersion());
  }

  /** {@code GET /api/docs}. */
  public void page(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.contentType("text/html; charset=utf-8").result(page);
  }

  /** The version of the Swagger UI WebJar on the classpath, which names its folder. */
  static String swaggerUiVersion() {
    Properties properties = new Properties();
    try (InputStream in = ApiDocsRoutes.class.getResourceAsStream(WEBJAR_PROPERTIES)) {
      if (in == null) {
        throw new IllegalStateException(WEBJAR_PROPERTIES + " is missing from the jar");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }

  private static String resource(String name) {
    try (InputStream in = ApiDocsRoutes.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
