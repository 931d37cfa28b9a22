package io.painguard.stack.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The Docker images of the Testcontainers backend, as the parent pom pins them ({@code kafka.image},
 * {@code confluent.registry.image}); docker-compose.yml must name the same ones, which the
 * launcher's {@code ComposeFileTest} checks.
 *
 * @param kafka the broker image, e.g. {@code apache/kafka:4.4.0}
 * @param schemaRegistry Confluent's registry image, e.g. {@code confluentinc/cp-schema-registry:8.4.1}
 */
public record StackImages(String kafka, String schemaRegistry) {

  private static final String RESOURCE = "images.properties";

  /** The images the build pinned. */
  public static StackImages pinned() {
    Properties images = new Properties();
    try (InputStream in = StackImages.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing next to " + StackImages.class.getName() + ": build with Maven.");
      }
      images.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new StackImages(required(images, "kafka"), required(images, "schema-registry"));
  }

  /** The pinned images, each replaced by its {@code -Dpainguard.stack.*-image} override if one is set. */
  static StackImages pinnedOrOverridden() {
    StackImages pinned = pinned();
    return new StackImages(
        System.getProperty("painguard.stack.kafka-image", pinned.kafka()),
        System.getProperty("painguard.stack.registry-image", pinned.schemaRegistry()));
  }

  private static String required(Properties images, String key) {
    String image = images.getProperty(key, "").trim();
    if (image.isEmpty() || image.contains("${")) {
      throw new IllegalStateException(
          RESOURCE + " has no " + key + " image ('" + image + "'): the resource was not filtered by Maven.");
    }
    return image;
  }
}
