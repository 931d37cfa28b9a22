package io.painguard.simulator.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.painguard.events.ActivityEvent;
import io.painguard.events.ActivityType;
import io.painguard.events.DeviceSource;
import io.painguard.serde.MockSchemaRegistry;
import io.painguard.serde.SpecificAvroDeserializer;
import io.painguard.serde.WireFormat;
import io.painguard.simulator.MalformedKind;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordEncoderTest {

  private static final String SCOPE = "record-encoder-test";
  private static final Map<String, Object> SERDE = Map.of("schema.registry.url", "mock://" + SCOPE);

  private final ActivityEvent sample = new ActivityEvent("e1", "a1", Instant.parse("2026-03-01T08:00:00Z"),
      ActivityType.RUNNING, DeviceSource.CHEST_STRAP, "d1", 150, 170, null, null, null, null);

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  private ActivityEvent decode(byte[] bytes) {
    try (SpecificAvroDeserializer<ActivityEvent> d = new SpecificAvroDeserializer<>(ActivityEvent.class)) {
      d.configure(SERDE, false);
      return d.deserialize("activity-events", bytes);
    }
  }

  @Test
  void encodesInTheWireFormatWithTheProjectSerde() {
    try (RecordEncoder encoder = new RecordEncoder(SERDE)) {
      byte[] bytes = encoder.encode("activity-events", sample);
      assertThat(bytes[0]).isEqualTo(WireFormat.MAGIC_BYTE);
      assertThat(decode(bytes)).isEqualTo(sample);
      assertThat(MockSchemaRegistry.forScope(SCOPE).subjects()).containsExactly("activity-events-value");
    }
  }

  @Test
  void everyByteLevelCorruptionIsUndecodable() {
    SplittableRandom random = new SplittableRandom(1);
    try (RecordEncoder encoder = new RecordEncoder(SERDE)) {
      byte[] valid = encoder.encode("activity-events", sample);
      for (MalformedKind kind : MalformedKind.values()) {
        byte[] bytes = RecordEncoder.corrupt(kind, valid, random);
        if (kind.corruptsBytes()) {
          assertThatThrownBy(() -> decode(bytes)).as(kind.name()).isInstanceOf(SerializationException.class);
        } else {
          assertThat(bytes).as(kind.name()).isEqualTo(valid);
        }
      }
    }
  }

  @Test
  void corruptionsHaveTheirShape() {
    SplittableRandom random = new SplittableRandom(2);
    try (RecordEncoder encoder = new RecordEncoder(SERDE)) {
      byte[] valid = encoder.encode("activity-events", sample);
      assertThat(RecordEncoder.corrupt(MalformedKind.WRONG_MAGIC_BYTE, valid, random)[0]).isEqualTo((byte) 1);
      assertThat(WireFormat.schemaIdOf(RecordEncoder.corrupt(MalformedKind.UNKNOWN_SCHEMA_ID, valid, random)))
          .isEqualTo(RecordEncoder.UNKNOWN_SCHEMA_ID);
      assertThat(RecordEncoder.corrupt(MalformedKind.TRUNCATED_AVRO, valid, random)).hasSize(WireFormat.HEADER_SIZE + 3);
      assertThat(RecordEncoder.corrupt(MalformedKind.EMPTY_VALUE, valid, random)).isEmpty();
      for (int i = 0; i < 100; i++) {
        byte[] noise = RecordEncoder.corrupt(MalformedKind.RANDOM_BYTES, valid, random);
        assertThat(noise.length).isBetween(8, 64);
        assertThat(noise[0]).isNotEqualTo(WireFormat.MAGIC_BYTE);
      }
      // the original is never modified
      assertThat(decode(valid)).isEqualTo(sample);
    }
  }
}
