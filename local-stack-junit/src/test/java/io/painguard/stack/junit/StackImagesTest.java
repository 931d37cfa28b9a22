package io.painguard.stack.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

class StackImagesTest {

  @Test
  void theTestcontainersBrokerRunsTheKafkaVersionTheClientsAreBuiltWith() throws IOException {
    // Given the images the build pinned
    StackImages images = StackImages.pinned();

    // When we compare the broker image's tag with the Kafka clients on this classpath
    String clientVersion = kafkaClientsVersion();

    // Then they are one version, so a test on Docker runs the broker the product is built against
    assertThat(images.kafka()).isEqualTo("apache/kafka:" + clientVersion);
  }

  @Test
  void theRegistryIsConfluentsOwnImageOnAnExactRelease() {
    // Given the images the build pinned
    StackImages images = StackImages.pinned();

    // Then the registry is Confluent's, tagged with a full x.y.z release (never "latest")
    assertThat(images.schemaRegistry()).matches("confluentinc/cp-schema-registry:8\\.\\d+\\.\\d+");
  }

  /** The version kafka-clients reports about itself (the file its AppInfo reads). */
  private static String kafkaClientsVersion() throws IOException {
    Properties version = new Properties();
    try (InputStream in = Admin.class.getResourceAsStream("/kafka/kafka-version.properties")) {
      assertThat(in).as("kafka-clients' version file").isNotNull();
      version.load(in);
    }
    return version.getProperty("version");
  }
}
