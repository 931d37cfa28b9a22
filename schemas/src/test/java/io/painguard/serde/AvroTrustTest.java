package io.painguard.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.painguard.contract.ContractTopics;
import io.painguard.events.ActivityEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production JVMs lack the surefire property org.apache.avro.SERIALIZABLE_PACKAGES. This test
 * simulates that by putting Avro's bare default validator in place, then checks the serde makes
 * decoding work by itself.
 */
class AvroTrustTest {

  private static final String SCOPE = "trust";
  private ClassSecurityPredicate saved;

  @BeforeEach
  void withoutTheSystemProperty() {
    saved = ClassSecurityValidator.getGlobal();
    ClassSecurityValidator.setGlobal(ClassSecurityValidator.DEFAULT_TRUSTED_CLASSES);
  }

  @AfterEach
  void restore() {
    ClassSecurityValidator.setGlobal(saved);
    MockSchemaRegistry.drop(SCOPE);
  }

  private static byte[] avroBody(ActivityEvent event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    new SpecificDatumWriter<>(ActivityEvent.class).write(event, encoder);
    return out.toByteArray();
  }

  /** Decodes with a fresh SpecificData, so no class lookup is served from an earlier cache. */
  private static Object decodeWithFreshModel(byte[] body) throws IOException {
    var schema = ActivityEvent.getClassSchema();
    return new SpecificDatumReader<>(schema, schema, new SpecificData())
        .read(null, DecoderFactory.get().binaryDecoder(body, null));
  }

  @Test
  void withoutTrustAvroRefusesOurClasses() throws IOException {
    byte[] body = avroBody(Samples.activity());

    assertThat(AvroTrust.isTrusted(ActivityEvent.class)).isFalse();
    assertThatThrownBy(() -> decodeWithFreshModel(body))
        .isInstanceOf(SecurityException.class)
        .hasMessageContaining("io.painguard.events");
  }

  @Test
  void configuringASerdeTrustsTheEventsPackage() throws IOException {
    // When a serde is built and configured, as in production
    SpecificAvroSerde<ActivityEvent> serde = SpecificAvroSerde.of(ActivityEvent.class,
        Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE), false);

    // Then Avro trusts our classes, still refuses others, and records round-trip
    assertThat(AvroTrust.isTrusted(ActivityEvent.class)).isTrue();
    assertThat(AvroTrust.isTrusted(java.net.URLClassLoader.class)).isFalse();
    assertThat(decodeWithFreshModel(avroBody(Samples.activity()))).isEqualTo(Samples.activity());
    byte[] bytes = serde.serializer().serialize(ContractTopics.ACTIVITY_EVENTS, Samples.activity());
    assertThat(serde.deserializer().deserialize(ContractTopics.ACTIVITY_EVENTS, bytes))
        .isEqualTo(Samples.activity());
  }

  @Test
  void ensureTrustedIsIdempotent() {
    AvroTrust.ensureTrusted();
    ClassSecurityPredicate installed = ClassSecurityValidator.getGlobal();

    AvroTrust.ensureTrusted();

    assertThat(ClassSecurityValidator.getGlobal()).isSameAs(installed);
  }
}
