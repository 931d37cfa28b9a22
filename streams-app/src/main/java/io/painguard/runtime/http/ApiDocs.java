package io.painguard.runtime.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The API's OpenAPI 3 description and a page to read it. Both are public, like the health and
 * metrics endpoints: they describe the API and hold no athlete data.
 *
 * <pre>
 * GET /openapi.json   the description (resources/api-docs/openapi.json, written by hand)
 * GET /api-docs       Swagger UI showing it (files from the org.webjars:swagger-ui jar under /api-docs/swagger-ui/)
 * </pre>
 *
 * The description is kept by hand because the routes are plain Javalin handlers: a generator
 * would need annotations on each, and the description is short. {@code ApiDescriptionTest} keeps
 * it true: it fails when a route of {@link ApiServer} is missing from the description or the
 * description names one the app does not have, when a body's fields differ from the record the
 * app writes, and when the document is not valid OpenAPI.
 */
final class ApiDocs {

  static final String DESCRIPTION_PATH = "/openapi.json";
  static final String PAGE_PATH = "/api-docs";
  private static final String RESOURCES = "/api-docs";
  private static final String SWAGGER_UI_POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

  private ApiDocs() {}

  /** Serves Swagger UI's files and the page's start-up script; call while Javalin is configured. */
  static void staticFiles(JavalinConfig config) {
    config.staticFiles.add(
        files -> {
          files.hostedPath = PAGE_PATH;
          files.directory = RESOURCES + "/static";
          files.location = Location.CLASSPATH;
          files.headers = Map.of("Cache-Control", "no-cache");
        });
    String version = DashboardFiles.webjarVersion(SWAGGER_UI_POM);
    if (version != null) {
      config.staticFiles.add(
          files -> {
            files.hostedPath = PAGE_PATH + "/swagger-ui";
            files.directory = "/META-INF/resources/webjars/swagger-ui/" + version;
            files.location = Location.CLASSPATH;
          });
    }
  }

  /**
   * Adds the two routes. The page gets a Content-Security-Policy that also allows {@code data:}
   * images, which Swagger UI's stylesheet uses for its icons; everything else stays as strict as
   * the app's.
   */
  static void routes(Javalin app, String contentSecurityPolicy) {
    byte[] description = resource(RESOURCES + "/openapi.json");
    byte[] page = resource(RESOURCES + "/index.html");
    String pagePolicy = contentSecurityPolicy.replace("img-src 'self'", "img-src 'self' data:");
    app.get(DESCRIPTION_PATH, ctx -> send(ctx, description, "application/json"));
    app.get(
        PAGE_PATH,
        ctx -> {
          ctx.header("Content-Security-Policy", pagePolicy);
          send(ctx, page, "text/html; charset=utf-8");
        });
  }

  private static void send(Context ctx, byte[] body, String contentType) {
    if (body == null) {
      throw new ApiError(404, "not_found", "The API description is not packaged with this build.");
    }
    ctx.header("Cache-Control", "no-cache").contentType(contentType).result(body);
  }

  private static byte[] resource(String path) {
    try (InputStream in = ApiDocs.class.getResourceAsStream(path)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
