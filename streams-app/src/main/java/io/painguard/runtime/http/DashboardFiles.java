package io.painguard.runtime.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The libraries the coach dashboard loads, served from their webjars as {@link ApiDocs} serves
 * swagger-ui's: uPlot (org.webjars.npm:uplot) under {@code /webjars/uplot/}, without its version in
 * the path, so the page names {@code /webjars/uplot/dist/uPlot.iife.min.js} and a version bump
 * touches only the pom. Same origin, so the strict Content-Security-Policy holds.
 */
final class DashboardFiles {

  static final String UPLOT_PATH = "/webjars/uplot";
  private static final String UPLOT_POM = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";

  private DashboardFiles() {}

  /** Serves uPlot's files when its webjar is on the classpath; call while Javalin is configured. */
  static void staticFiles(JavalinConfig config) {
    String version = webjarVersion(UPLOT_POM);
    if (version != null) {
      config.staticFiles.add(
          files -> {
            files.hostedPath = UPLOT_PATH;
            files.directory = "/META-INF/resources/webjars/uplot/" + version;
            files.location = Location.CLASSPATH;
          });
    }
  }

  /** A webjar's version, which names its directory; null when the webjar is missing (swagger-ui's too). */
  static String webjarVersion(String pomProperties) {
    try (InputStream in = DashboardFiles.class.getResourceAsStream(pomProperties)) {
      if (in == null) {
        return null;
      }
      Properties pom = new Properties();
      pom.load(in);
      return pom.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
